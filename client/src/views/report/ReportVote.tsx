import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementLevel, type VoteResults } from '../../../../shared/consensus/index.js';
import type { ActivityResults, Lang } from '../../../../shared/index.js';
import { formatNumber, formatPercent } from '../summary/format.js';
import { heatColor } from '../board/results/heat.js';
import { BarSvg, SpreadSvg } from './charts.js';
import { swatch } from './reportData.js';
import type { SummaryNames } from '../summary/SummaryContent.js';
import { ExcludedGroupsNote } from './ExcludedGroupsNote.js';
import { LateAnswersNote } from '../../components/LateAnswersNote.js';

type Names = SummaryNames & { groupIndex: (id: string) => number };

/** How many values the lens and callouts list before they would crowd the page. */
const LENS_ROWS = 12;
const CALLOUTS = 3;

/**
 * A vote in the report: priority (score bar, per-person spread, support, agreement in words),
 * the room's agreement, the groups lens, common ground and tension, and how it moved since
 * the previous round — the numbers the board showed, from the export.
 */
export function ReportVote({ results, names, lang, minGroupSize }: { results: ActivityResults & { vote: VoteResults }; names: Names; lang: Lang; minGroupSize: number }) {
  const { t } = useTranslation();
  const priorityId = useId();
  const lensId = useId();
  const vote = results.vote;
  const top = Math.max(...vote.values.map((v) => v.score), 0);
  // Values nobody chose are listed in one line rather than as rows of zeros.
  const chosen = vote.values.filter((v) => v.score > 0);
  const unchosen = vote.values.filter((v) => v.score <= 0).map((v) => names.value(v.valueId));
  // The results' own scale (the most one participant could give one value), not one recomputed from the config.
  const max = vote.scaleMax;
  const lens = vote.lens;
  // The values the consensus math calls common ground and tension: the same as the board and the summary.
  const commonGround = lens.commonGround.filter((c) => c.flagged);
  const tension = lens.tension.filter((x) => x.flagged);
  const position = new Map(vote.values.map((v) => [v.valueId, v.position]));
  const w = vote.kendallW;
  const level = (x: number | null) => (x === null ? '–' : t(`agenda.levels.${agreementLevel(x)}`));
  const scoreText = (score: number): string => {
    switch (vote.kind) {
      case 'dots':
        return t('agenda.report.score.dots', { count: score });
      case 'rank':
        return t('agenda.report.score.rank', { score: formatNumber(score, lang, 0) });
      case 'points':
        return t('agenda.report.score.points', { score: formatNumber(score, lang, 1) });
    }
  };

  return (
    <>
      <figure className="r-figure">
        <figcaption>
          <h3 id={priorityId}>{t('agenda.report.priority')}</h3>
          <p className="r-hint">
            {t(`agenda.report.priorityHint.${vote.kind}`)} {t('agenda.report.spreadHint')}
          </p>
          <LateAnswersNote answers={results.answers} className="r-hint" />
        </figcaption>
        <table className="r-table r-priority" aria-labelledby={priorityId}>
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                {t('agenda.report.value')}
              </th>
              <th scope="col">{t('agenda.report.scoreCol')}</th>
              <th scope="col" className="r-nowrap">
                {t('agenda.report.spreadCol', { max })}
              </th>
              <th scope="col">{t('agenda.report.supportCol')}</th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((v) => (
              <tr key={v.valueId}>
                <td className="r-pos">{v.position}</td>
                <th scope="row" className="r-value">
                  {names.value(v.valueId)}
                </th>
                <td className="r-barcell">
                  <BarSvg fraction={top > 0 ? v.score / top : 0} />
                  <span className="r-num">{scoreText(v.score)}</span>
                  <span className="r-sub">{t('agenda.report.share', { share: formatPercent(v.share, lang) })}</span>
                </td>
                <td className="r-spreadcell">
                  <SpreadSvg spread={v.spread} max={max} />
                </td>
                <td className="r-support">
                  {t('agenda.report.support', { count: v.supporters, total: vote.answers })}
                  <span className="r-sub">{t('agenda.report.valueAgreement', { level: level(v.agreement) })}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {unchosen.length > 0 ? <p className="r-hint">{t('agenda.report.unchosen', { list: unchosen.join(', ') })}</p> : null}
      </figure>

      <p className="r-agreement">
        {w ? (
          <>
            <strong>{t('agenda.report.roomAgreement', { level: level(w.w) })}</strong> · {t('agenda.report.roomAgreementW', { w: formatNumber(w.w, lang, 2), p: w.p < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : `= ${formatNumber(w.p, lang, 3)}`, m: w.m })}
          </>
        ) : (
          t('agenda.report.roomAgreementNone')
        )}
      </p>

      <figure className="r-figure r-keep">
        <figcaption>
          <h3 id={lensId}>{t('agenda.report.lens')}</h3>
          <p className="r-hint">{t('agenda.report.lensHint')}</p>
        </figcaption>
        {lens.includedGroupIds.length === 0 ? (
          <p className="r-hint">{t('agenda.report.lensNone')}</p>
        ) : (
          <table className="r-table r-lens" aria-labelledby={lensId}>
            <thead>
              <tr>
                <th scope="col">{t('agenda.report.value')}</th>
                {lens.includedGroupIds.map((g) => (
                  <th key={g} scope="col">
                    <span className="r-swatch" style={{ background: swatch(names.groupIndex(g)) }} aria-hidden="true" />
                    {names.group(g)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chosen.slice(0, LENS_ROWS).map((v) => (
                <tr key={v.valueId}>
                  <th scope="row">{names.value(v.valueId)}</th>
                  {(lens.cells[v.valueId] ?? []).map((c) => (
                    <td key={c.groupId} style={heatColor(c.score)}>
                      {formatPercent(c.score, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ExcludedGroupsNote excluded={lens.excludedGroups} groupName={names.group} minGroupSize={minGroupSize} />
      </figure>

      <div className="r-columns r-keep">
        <section>
          <h3>{t('agenda.report.commonGround')}</h3>
          {commonGround.length === 0 ? (
            <p className="r-hint">{t('agenda.report.none')}</p>
          ) : (
            <ol className="r-callouts">
              {commonGround.slice(0, CALLOUTS).map((c) => (
                <li key={c.valueId}>
                  <strong>{names.value(c.valueId)}</strong>
                  <span className="r-sub">
                    {t('agenda.report.commonGroundItem', {
                      position: position.get(c.valueId) ?? '–',
                      groups: (lens.cells[c.valueId] ?? []).map((cell) => t('agenda.report.commonGroundGroup', { group: names.group(cell.groupId), supporters: cell.supporters, answers: cell.answers })).join(', '),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section>
          <h3>{t('agenda.report.tension')}</h3>
          {tension.length === 0 ? (
            <p className="r-hint">{t('agenda.report.none')}</p>
          ) : (
            <ol className="r-callouts r-callouts-tension">
              {tension.slice(0, CALLOUTS).map((x) => (
                <li key={x.valueId}>
                  <strong>{names.value(x.valueId)}</strong>
                  <span className="r-sub">{t('agenda.report.tensionItem', { spread: formatPercent(x.spread, lang), high: names.group(x.highGroupId), low: names.group(x.lowGroupId) })}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {results.previousRound ? <RoundShift comparison={results.previousRound.comparison} names={names} lang={lang} /> : null}
    </>
  );
}

function RoundShift({ comparison, names, lang }: { comparison: NonNullable<ActivityResults['previousRound']>['comparison']; names: Names; lang: Lang }) {
  const { t } = useTranslation();
  const roundsId = useId();
  const w = (x: number | null) => (x === null ? '–' : formatNumber(x, lang, 2));
  // Values nobody chose in either round would only add rows of "7 → 7".
  const rows = comparison.values.filter((v) => v.scoreAfter > 0 || (v.scoreBefore ?? 0) > 0);
  return (
    <figure className="r-figure r-keep">
      <figcaption>
        <h3 id={roundsId}>{t('agenda.report.rounds')}</h3>
        {comparison.wBefore !== null || comparison.wAfter !== null ? <p className="r-hint">{t('agenda.report.roundsW', { before: w(comparison.wBefore), after: w(comparison.wAfter) })}</p> : null}
      </figcaption>
      <table className="r-table r-rounds" aria-labelledby={roundsId}>
        <thead>
          <tr>
            <th scope="col">{t('agenda.report.value')}</th>
            <th scope="col">{t('agenda.report.roundsPosition')}</th>
            <th scope="col">{t('agenda.report.roundsChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.valueId}>
              <th scope="row">{names.value(v.valueId)}</th>
              <td>
                {v.positionBefore ?? '–'} → {v.positionAfter}
              </td>
              <td className={v.positionChange && v.positionChange > 0 ? 'r-up' : v.positionChange && v.positionChange < 0 ? 'r-down' : undefined}>
                {v.positionChange === null
                  ? t('agenda.report.roundsNew')
                  : v.positionChange > 0
                    ? t('agenda.report.up', { n: v.positionChange })
                    : v.positionChange < 0
                      ? t('agenda.report.down', { n: -v.positionChange })
                      : t('agenda.report.same')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
