import { useTranslation } from 'react-i18next';
import type { Group, PublicActivity } from '../../../../shared/index.js';
import type { OptionItem, OptionsResults } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { groupNameById } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { formatNumber, formatPercent } from '../../views/board/results/voteText.js';
import { optionText } from './optionText.js';
import { OptionsWhyPhone } from './OptionsWhyPhone.js';
import { nearestScore, scoreWordKey } from './scoreWords.js';

const NO_GROUPS: Group[] = [];
const NO_ACTIVITIES: PublicActivity[] = [];

/** A fit on −2..+2 with its sign and one decimal, in the reader's number format: +0.8, −1.2, 0.0. */
export function formatFit(fit: number, lang: 'nl' | 'en'): string {
  const rounded = Math.round(fit * 10) / 10;
  const text = formatNumber(Math.abs(rounded), lang, 1, 1);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text;
}

/**
 * After the reveal, in brief: the room's ranking of the options with their weighted fit (in
 * numbers and words), the option every group can live with and its lowest group, and whether
 * another group's weights would pick another winner. Only the room's figures, as a list; then
 * the room's "why" sentences, supportable with one tap.
 */
export function OptionsPhoneResults({ activity, results }: { activity: PublicActivity; results: OptionsResults }) {
  const { t } = useTranslation();
  const lang = useLang();
  const activityText = useActivityText();
  const groups = useStore((s) => s.room?.groups ?? NO_GROUPS);
  const activities = useStore((s) => s.room?.activities ?? NO_ACTIVITIES);
  const byId = new Map<string, OptionItem>(activity.config.options.map((o) => [o.id, o]));
  const title = (id: string) => {
    const o = byId.get(id);
    return o ? optionText(o, lang).title : '';
  };
  const titles = (ids: readonly string[]) => ids.map(title).join(', ');
  const group = (id: string) => groupNameById(groups, id, lang);
  const vote = results.weights.voteActivityId ? activities.find((a) => a.id === results.weights.voteActivityId) : undefined;
  const voteName = vote ? activityText.name(vote) : '';
  const weights =
    results.weights.mode === 'equal' || !vote ? t('optionsPhone.results.weightsEqual') : results.weights.mode === 'group' ? t('optionsPhone.results.weightsGroup', { vote: voteName }) : t('optionsPhone.results.weightsRoom', { vote: voteName });
  const winners = new Set(results.winnerIds);
  const small = results.excludedGroups.filter((g) => g.answers > 0);
  const liveWith = results.liveWithIds.flatMap((id) => {
    const r = results.options.find((o) => o.optionId === id);
    if (!r?.liveWith) return [];
    const lowest = r.groups.find((g) => g.groupId === r.liveWith?.lowestGroupId);
    return [{ id, ...r.liveWith, canLiveWith: lowest?.canLiveWith ?? 0, withFit: lowest?.withFit ?? 0 }];
  });

  return (
    <section className="opt-results" aria-labelledby="opt-results-h">
      <h2 id="opt-results-h">{t('optionsPhone.results.heading')}</h2>
      <p className="opt-results-meta">
        {t('optionsPhone.results.answers', { count: results.answers })} · {weights}
      </p>

      <h3>{t('optionsPhone.results.rankingHeading')}</h3>
      <p className="field-hint">{t('optionsPhone.results.rankingHint')}</p>
      <ol className="opt-ranking">
        {results.options.map((o) => (
          <li key={o.optionId} className={winners.has(o.optionId) ? 'is-winner' : undefined}>
            <span className="opt-rank-place">{o.position}</span>
            <span className="opt-rank-title">
              {title(o.optionId)}
              {winners.has(o.optionId) ? <span className="tag">{t('optionsPhone.results.winner')}</span> : null}
            </span>
            <span className="opt-rank-fit">
              {o.fit === null ? t('optionsPhone.results.noFit') : t('optionsPhone.results.fit', { fit: formatFit(o.fit, lang), word: t(`optionsPhone.scale.${scoreWordKey(nearestScore(o.fit))}`).toLowerCase() })}
            </span>
          </li>
        ))}
      </ol>

      <h3>{t('optionsPhone.results.liveWithHeading')}</h3>
      {liveWith.length === 0 ? (
        <p>{t('optionsPhone.results.liveWithNone')}</p>
      ) : (
        <ul className="opt-livewith">
          {liveWith.map((l) => (
            <li key={l.id}>
              <strong>{t('optionsPhone.results.liveWith', { option: title(l.id), score: formatPercent(l.score, lang) })}</strong>
              <span>{t('optionsPhone.results.lowest', { group: group(l.lowestGroupId), count: l.canLiveWith, total: l.withFit })}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint">{t('optionsPhone.results.liveWithHint')}</p>

      {results.whoseValues.length > 0 ? (
        <>
          <h3>{t('optionsPhone.results.flipsHeading')}</h3>
          {results.flips ? (
            <>
              <p>{t('optionsPhone.results.flipsYes')}</p>
              <ul className="opt-whose">
                {results.whoseValues.map((w) => (
                  <li key={w.groupId}>{t('optionsPhone.results.groupWinner', { group: group(w.groupId), options: w.winnerIds.length > 0 ? titles(w.winnerIds) : t('optionsPhone.results.noFit') })}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('optionsPhone.results.flipsNo')}</p>
          )}
        </>
      ) : null}

      <OptionsWhyPhone activity={activity} results={results} />

      {/* Groups that answered but are below the minimum size; a group nobody answered in is not news. */}
      {small.length > 0 ? <p className="field-hint">{t('optionsPhone.results.excluded', { count: small.length, groups: small.map((g) => group(g.groupId)).join(', ') })}</p> : null}
    </section>
  );
}
