import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanResults } from '../../../../shared/consensus/index.js';
import type { ActivityResults, Lang } from '../../../../shared/index.js';
import { formatNumber } from '../summary/format.js';
import type { SummaryNames } from '../summary/SummaryContent.js';
import { ScaleSvg } from './charts.js';
import { swatch, type ExportActivity } from './reportData.js';
import { ExcludedGroupsNote } from './ExcludedGroupsNote.js';

type Names = SummaryNames & { groupIndex: (id: string) => number };

/**
 * The collaboration scan in the report: per factor the average and spread for everyone and per
 * group (the board's matrix, in SVG), every statement's average, and the open answers.
 */
export function ReportScan({ activity, results, names, lang, minGroupSize }: { activity: ExportActivity; results: ActivityResults & { scan: ScanResults }; names: Names; lang: Lang; minGroupSize: number }) {
  const { t } = useTranslation();
  const chartId = useId();
  const statementsId = useId();
  const scan = results.scan;
  const n1 = (x: number | null) => (x === null ? '–' : formatNumber(x, lang, 1));
  const statementText = new Map(activity.config.statements.map((s) => [s.id, { text: s.text[lang], factor: s.factor }]));

  return (
    <>
      <figure className="r-figure r-keep">
        <figcaption>
          <h3 id={chartId}>{t('agenda.board.chartTitle')}</h3>
          <p className="r-hint">
            {t('agenda.board.chartScale')} · {t('agenda.board.band')}
          </p>
        </figcaption>
        <table className="r-table r-scan" aria-labelledby={chartId}>
          <thead>
            <tr>
              <td />
              {scan.factors.map((f) => (
                <th key={f.factor} scope="col">
                  {t(`agenda.factors.${f.factor}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="r-scan-all">
              <th scope="row">
                {t('agenda.board.everyone')} <span className="r-sub-inline">({scan.answers})</span>
              </th>
              {scan.factors.map((f) => (
                <td key={f.factor}>
                  {f.mean !== null ? <ScaleSvg mean={f.mean} sd={f.sd} color={null} /> : null}
                  <span className="r-num">{n1(f.mean)}</span>
                  {f.sd !== null ? <span className="r-sub-inline"> ±{n1(f.sd)}</span> : null}
                </td>
              ))}
            </tr>
            {scan.includedGroupIds.map((g) => (
              <tr key={g}>
                <th scope="row">
                  <span className="r-swatch" style={{ background: swatch(names.groupIndex(g)) }} aria-hidden="true" />
                  {names.group(g)}
                </th>
                {scan.factors.map((f) => {
                  const cell = f.byGroup.find((b) => b.groupId === g);
                  return (
                    <td key={f.factor}>
                      {cell?.mean != null ? <ScaleSvg mean={cell.mean} sd={null} color={swatch(names.groupIndex(g))} /> : null}
                      <span className="r-num">{n1(cell?.mean ?? null)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <ExcludedGroupsNote excluded={scan.excludedGroups} groupName={names.group} minGroupSize={minGroupSize} />
      </figure>

      <figure className="r-figure">
        <figcaption>
          <h3 id={statementsId}>{t('agenda.report.scanStatements')}</h3>
        </figcaption>
        <table className="r-table r-statements" aria-labelledby={statementsId}>
          <thead>
            <tr>
              <th scope="col">{t('agenda.report.statementCol')}</th>
              <th scope="col">{t('agenda.report.meanCol')}</th>
              <th scope="col">{t('agenda.report.sdCol')}</th>
              <th scope="col">{t('agenda.report.nCol')}</th>
            </tr>
          </thead>
          <tbody>
            {scan.statements.map((s) => {
              const st = statementText.get(s.statementId);
              return (
                <tr key={s.statementId}>
                  <th scope="row">
                    {st ? <span className="r-factor">{t(`agenda.factors.${st.factor}`)}</span> : null}
                    {st?.text ?? s.statementId}
                  </th>
                  <td className="r-num">{n1(s.mean)}</td>
                  <td>{s.sd === null ? '–' : `± ${n1(s.sd)}`}</td>
                  <td>{s.answers}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </figure>

      <div className="r-columns">
        {(['wentWell', 'couldBeBetter'] as const).map((field) => {
          const list = results.openAnswers.filter((a) => a.field === field);
          return (
            <section key={field} className={`r-open r-open-${field}`}>
              <h3>{t(`agenda.board.${field}`)}</h3>
              {list.length === 0 ? <p className="r-hint">{t('agenda.report.none')}</p> : null}
              <ul>
                {list.map((a) => (
                  <li key={a.id}>
                    <p>{a.text}</p>
                    {a.endorsements > 0 ? <p className="r-sub">{t('agenda.report.endorsements', { count: a.endorsements })}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
