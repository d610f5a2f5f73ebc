import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, OpenAnswer, PublicActivity, PublicView } from '../../../../shared/index.js';
import type { OptionItem, OptionResult, OptionsResults } from '../../../../shared/kinds/options/model.js';
import { useActivityText } from '../../lib/activityText.js';
import { groupNameById } from '../../lib/localized.js';
import { valueTitle } from '../../views/board/results/voteText.js';
import { FIT_GRADIENT, fitColor, formatFit, formatShare, groupValueMean, optionTitle, weightsVote } from './OptionsBoardText.js';
import { nearestScore, scoreWordKey } from './scoreWords.js';

/** What every part needs to name things, in the reader's language: the activity's options, the values, the groups. */
export interface OptionsNames {
  option: (optionId: string) => string;
  value: (valueId: string) => string;
  group: (groupId: string) => string;
  lang: Lang;
}

/** The names from a live view (board, console). */
export function viewOptionsNames(options: readonly OptionItem[], view: Pick<PublicView, 'valueTitles' | 'groups'>, lang: Lang): OptionsNames {
  return {
    option: (id) => optionTitle(options, id, lang),
    value: (id) => valueTitle(view.valueTitles, id, lang),
    group: (id) => groupNameById(view.groups, id, lang),
    lang,
  };
}

/** A fit in words and number: "+0.8 serves them somewhat". */
export function useFitWords(): (fit: number | null) => string {
  const { t } = useTranslation();
  return (fit) => (fit === null ? t('optionsResults.noScore') : t(`optionsResults.steps.${scoreWordKey(nearestScore(fit))}`));
}

/**
 * The options against the values in one ARIA table: a row per option by the room's fit, the
 * room's fit as number, words and a bar from −2 to +2, one cell per included group with its
 * fit (number printed, colour only helps), and "every group can live with it" as a percentage.
 * The option every group can live with best is marked with a sign and words, not colour alone.
 */
export function FitTable({ results, names, variant, focusOptionId = null }: { results: OptionsResults; names: OptionsNames; variant: 'board' | 'console'; focusOptionId?: string | null }) {
  // On the board the live-with percentage of each option is in the card beside the table (its
  // columns would squeeze the titles); the option every group can live with is marked in its row.
  const showLive = variant === 'console';

  const { t } = useTranslation();
  const words = useFitWords();
  const captionId = useId();
  const { lang } = names;
  const included = results.includedGroupIds;
  const liveWith = new Set(results.liveWithIds);
  // Fixed row heights by how many options there are (2–8, frozen once answers are in): nothing jumps.
  const count = results.options.length;
  const density = count <= 4 ? 'oft-large' : count <= 6 ? 'oft-medium' : 'oft-compact';
  return (
    <table className={`oft oft-${variant} ${density}`} aria-labelledby={captionId}>
      <caption id={captionId} className={variant === 'board' ? 'sr-only' : 'oft-caption'}>
        {t('optionsResults.table.caption')}
      </caption>
      {/* Fixed columns: the option's title and the room's fit get their width, the groups share the rest. */}
      <colgroup>
        <col className="oft-c-pos" />
        <col className="oft-c-title" />
        <col className="oft-c-room" />
        {included.map((g) => (
          <col key={g} />
        ))}
        {showLive ? <col className="oft-c-live" /> : null}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="oft-h-pos">
            <span aria-hidden="true">#</span>
            <span className="sr-only">{t('optionsResults.table.position')}</span>
          </th>
          <th scope="col" className="oft-h-title">
            {t('optionsResults.table.option')}
          </th>
          <th scope="col" className="oft-h-room">
            {t('optionsResults.table.room')}
          </th>
          {included.map((g) => (
            <th key={g} scope="col" className="oft-h-group" lang={lang}>
              <span className="oft-h-group-name">{names.group(g)}</span>
            </th>
          ))}
          {showLive ? (
            <th scope="col" className="oft-h-live">
              {t('optionsResults.table.liveWith')}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {results.options.map((o) => {
          const isLive = liveWith.has(o.optionId);
          const cls = ['oft-row', isLive ? 'is-livewith' : '', focusOptionId === o.optionId ? 'is-focus' : ''].filter(Boolean).join(' ');
          return (
            <tr key={o.optionId} className={cls} data-option-id={o.optionId}>
              <td className="oft-pos">{o.fit === null ? '–' : o.position}</td>
              <th scope="row" className="oft-title">
                <span className="oft-title-text">
                  {isLive ? <span aria-hidden="true">✔ </span> : null}
                  {names.option(o.optionId)}
                </span>{' '}
                {isLive ? (
                  <span className="oft-live-mark">
                    <span aria-hidden="true">{t('optionsResults.table.liveWithShort')}</span>
                    <span className="sr-only">{t('optionsResults.table.liveWithMark')}</span>
                  </span>
                ) : null}
              </th>
              <td className="oft-room">
                <span className="oft-room-fit">
                  <span className="oft-room-n">{o.fit === null ? '–' : formatFit(o.fit, lang)}</span>
                  <FitBar fit={o.fit} />
                </span>
                <span className="oft-room-words">{words(o.fit)}</span>
              </td>
              {included.map((g) => {
                const cell = o.groups.find((x) => x.groupId === g);
                const fit = cell?.fit ?? null;
                return (
                  <td key={g} className="oft-cell" style={fit === null ? undefined : fitColor(fit)}>
                    <span>{fit === null ? '–' : formatFit(fit, lang)}</span>
                    <span className="sr-only">{words(fit)}</span>
                  </td>
                );
              })}
              {showLive ? <td className="oft-live">{o.liveWith ? formatShare(o.liveWith.score, lang) : '–'}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A bar from the middle (0, neither) to the fit: left for "works against", right for "serves"; decoration beside the number. */
function FitBar({ fit }: { fit: number | null }) {
  if (fit === null) return <span className="oft-bar" aria-hidden="true" />;
  const half = (Math.min(2, Math.abs(fit)) / 2) * 50;
  const style = fit >= 0 ? { left: '50%', width: `${half}%` } : { left: `${50 - half}%`, width: `${half}%` };
  return (
    <span className="oft-bar" aria-hidden="true">
      <span className={fit >= 0 ? 'oft-bar-fill is-plus' : 'oft-bar-fill is-minus'} style={style} />
      <span className="oft-bar-zero" />
    </span>
  );
}

/** The legend under the table: what −2 and +2 mean, and the colours of the group cells. */
export function FitLegend() {
  const { t } = useTranslation();
  return (
    <p className="ob-legend">
      <span className="ob-legend-heat" aria-hidden="true" style={{ background: FIT_GRADIENT }} />
      <span>{t('optionsResults.legend')}</span>
    </p>
  );
}

/**
 * "Every group can live with it": the option(s) with the highest score (the groups' smoothed
 * shares of members whose own fit is not negative, by geometric mean), with its lowest group.
 */
export function LiveWithCard({ results, names }: { results: OptionsResults; names: OptionsNames }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { lang } = names;
  const best = results.liveWithIds.map((id) => results.options.find((o) => o.optionId === id)).filter((o): o is OptionResult => o !== undefined && o.liveWith !== null);
  return (
    <section className="ob-card ob-livewith" aria-labelledby={headingId}>
      <h2 id={headingId} className="ob-card-h">
        {t('optionsResults.liveWith.heading')}
      </h2>
      {best.length === 0 ? (
        <p className="ob-none">{t('optionsResults.liveWith.none')}</p>
      ) : (
        <ul className={best.length > 1 ? 'ob-livewith-list is-tie' : 'ob-livewith-list'}>
          {best.map((o, i) => {
            const lw = o.liveWith as NonNullable<OptionResult['liveWith']>;
            const lowest = t('optionsResults.liveWith.lowest', { group: names.group(lw.lowestGroupId), share: formatShare(lw.lowestShare, lang) });
            // Tied options with the same lowest group and share say it once, under the last of them.
            const next = best[i + 1]?.liveWith;
            const sameNext = next ? t('optionsResults.liveWith.lowest', { group: names.group(next.lowestGroupId), share: formatShare(next.lowestShare, lang) }) === lowest : false;
            return (
              <li key={o.optionId}>
                <p className="ob-livewith-title">
                  <span aria-hidden="true">✔ </span>
                  {names.option(o.optionId)}
                </p>
                {sameNext ? null : <p className="ob-livewith-lowest">{lowest}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Options' titles joined: "Heat network" or "Heat network and Hybrid heat pump" on a tie. */
function titlesOf(ids: readonly string[], names: OptionsNames, and: string): string {
  const list = ids.map((id) => names.option(id));
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`;
}

/** The groups of "whose values decide" by the winner under their weights, in the order the first group of each appears. */
function byWinner(list: OptionsResults['whoseValues']): { winnerIds: string[]; groupIds: string[] }[] {
  const out: { winnerIds: string[]; groupIds: string[] }[] = [];
  for (const g of list) {
    const same = out.find((x) => x.winnerIds.join() === g.winnerIds.join());
    if (same) same.groupIds.push(g.groupId);
    else out.push({ winnerIds: g.winnerIds, groupIds: [g.groupId] });
  }
  return out;
}

/**
 * "Whose values decide": per group with weights of its own, the winner under those weights,
 * and in plain words whether the choice of weights flips the room's outcome.
 */
export function WhoseValuesCard({ results, names, level = 'h2' }: { results: OptionsResults; names: OptionsNames; level?: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = level;
  const and = t('optionsResults.and');
  const room = titlesOf(results.winnerIds, names, and);
  const flipped = results.whoseValues.filter((g) => g.differs);
  let sentence: string;
  if (results.winnerIds.length === 0) sentence = t('optionsResults.whose.noWinner');
  else if (results.whoseValues.length === 0) sentence = t('optionsResults.whose.noGroupWeights', { room });
  else if (results.flips && flipped[0])
    sentence = t('optionsResults.whose.flips', { room, group: names.group(flipped[0].groupId), option: titlesOf(flipped[0].winnerIds, names, and) });
  else sentence = t('optionsResults.whose.stays', { room });
  return (
    <section className="ob-card ob-whose" aria-labelledby={headingId}>
      <Heading id={headingId} className="ob-card-h">
        {t('optionsResults.whose.heading')}
      </Heading>
      <p className={results.flips ? 'ob-whose-sentence is-flip' : 'ob-whose-sentence'}>
        {results.flips ? <span aria-hidden="true">⇄ </span> : null}
        {sentence}
      </p>
      {results.whoseValues.length > 0 ? (
        <ul className="ob-whose-list">
          {byWinner(results.whoseValues).map(({ winnerIds, groupIds }) => {
            const differs = winnerIds.length > 0 && winnerIds.join() !== results.winnerIds.join();
            return (
              <li key={winnerIds.join() || '-'} className={differs ? 'is-differs' : undefined}>
                {t('optionsResults.whose.item', { groups: groupIds.map(names.group).join(', '), option: winnerIds.length ? titlesOf(winnerIds, names, and) : t('optionsResults.noScore') })}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** "Weights: the shares of the vote ‘Rank · round 2’, per group" — where each value's weight comes from. */
export function WeightsSource({ results, activities, names, className = 'ob-weights' }: { results: OptionsResults; activities: readonly Pick<PublicActivity, 'id' | 'kind' | 'round'>[] | null; names: OptionsNames; className?: string }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const mode = results.weights.mode;
  const vote = activities ? weightsVote(results, activities) : null;
  const voteName = vote ? text.name(vote) : null;
  let line: string;
  if (mode === 'equal' || results.weights.voteActivityId === null) line = t('optionsResults.weights.equal');
  else if (mode === 'room') line = voteName ? t('optionsResults.weights.room', { vote: voteName }) : t('optionsResults.weights.roomUnnamed');
  else line = voteName ? t('optionsResults.weights.group', { vote: voteName }) : t('optionsResults.weights.groupUnnamed');
  const roomFor =
    mode === 'group'
      ? results.includedGroupIds
          .filter((g) => (Object.hasOwn(results.weights.byGroup, g) ? results.weights.byGroup[g] : null) === null)
          .map((g) => names.group(g))
      : [];
  return (
    <p className={className}>
      {line}
      {roomFor.length ? <> {t('optionsResults.weights.roomFor', { groups: roomFor.join(', '), count: roomFor.length })}</> : null}
    </p>
  );
}

/** "Too few answers: Business" and, apart, the groups nobody answered for. */
export function ExcludedNote({ results, names, className = 'ob-excluded' }: { results: OptionsResults; names: OptionsNames; className?: string }) {
  const { t } = useTranslation();
  const list = (answered: boolean) =>
    results.excludedGroups
      .filter((g) => (g.answers > 0) === answered)
      .map((g) => names.group(g.groupId))
      .join(', ');
  const few = list(true);
  const none = list(false);
  if (!few && !none) return null;
  return (
    <p className={className}>
      {few ? <span className="ob-excluded-few">{t('optionsResults.excluded', { groups: few })}</span> : null}
      {none ? <span className="ob-excluded-none">{t('optionsResults.noAnswersFrom', { groups: none })}</span> : null}
    </p>
  );
}

/** "What splits us" for one option: the value the groups score most differently, with both groups' means. */
export function SplitLine({ results, option, names, className = 'ob-split' }: { results: OptionsResults; option: OptionResult; names: OptionsNames; className?: string }) {
  const { t } = useTranslation();
  const { lang } = names;
  // A spread of 0 (every group's mean alike) comes with the same group as highest and lowest: nothing splits.
  const s = option.split && option.split.highGroupId !== option.split.lowGroupId ? option.split : null;
  if (!s) return <p className={`${className} is-none`}>{results.includedGroupIds.length < 2 ? t('optionsResults.split.oneGroup') : t('optionsResults.split.none')}</p>;
  const mean = (g: string) => {
    const m = groupValueMean(results, option.optionId, g, s.valueId);
    return m === null ? '–' : formatFit(m, lang);
  };
  return (
    <p className={className}>
      <span className="ob-split-label">{t('optionsResults.split.label')}</span>{' '}
      {t('optionsResults.split.item', {
        value: names.value(s.valueId),
        high: names.group(s.highGroupId),
        highMean: mean(s.highGroupId),
        low: names.group(s.lowGroupId),
        lowMean: mean(s.lowGroupId),
      })}
    </p>
  );
}

/** The "why" sentences of one option, as given (the caller orders and limits them), with their endorsements. */
export function WhyList({ answers, className = 'ob-why' }: { answers: readonly OpenAnswer[]; className?: string }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <p className={`${className}-none`}>{t('optionsResults.why.none')}</p>;
  return (
    <ul className={className}>
      {answers.map((a) => (
        <li key={a.id} className={`${className}-item`}>
          <blockquote className={`${className}-text`}>{a.text}</blockquote>
          {a.endorsements > 0 ? (
            <span className="endorse-count" aria-label={t('optionsResults.why.endorsementsLabel', { count: a.endorsements })}>
              {t('optionsResults.why.endorsements', { count: a.endorsements })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
