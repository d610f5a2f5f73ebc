import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementLevel } from '../../../../shared/consensus/index.js';
import type { GroupRepresentation, Lang, ProcessReport, ScanFactor } from '../../../../shared/index.js';
import { LineChart, useWidth } from './LineChart.js';
import { formats, groupLabel, valueLabel } from './processText.js';

const FACTORS: readonly ScanFactor[] = ['motivation', 'organisation', 'interaction', 'result'];
const NAVY = '#14213d';
const UNDER = '#a4161a';
const TRACK = '#ebe7dd';

interface FigureProps {
  report: ProcessReport;
  lang: Lang;
}

/**
 * The chart's columns: the meetings that have a number on it ("M1", "M2", …; B1, B2 in Dutch,
 * the caption says what they stand for). A meeting without one (not held yet, no vote) is left
 * out of the picture and stays in the table, so no line seems to run on to it.
 */
function useColumns(report: ProcessReport, has: (meetingIndex: number) => boolean) {
  const { t } = useTranslation();
  const shown = report.meetings.filter((m) => has(m.index));
  return { labels: shown.map((m) => t('process.charts.meetingShort', { n: m.index })), pick: <T,>(perMeeting: T[]) => perMeeting.filter((_, i) => has(report.meetings[i]!.index)) };
}

/** A table that may be wider than a phone: it scrolls sideways by itself, reachable by keyboard. */
function TableWrap({ labelId, children }: { labelId: string; children: ReactNode }) {
  return (
    <div className="p-table-wrap" role="region" aria-labelledby={labelId} tabIndex={0}>
      {children}
    </div>
  );
}

// ---- Participation against invited ----

/**
 * Per group a bar for each meeting: its share of those who took part, red where it is
 * under-represented; a black line at its share of those invited (where that is known).
 */
function ParticipationBars({ report, lang, label }: { report: ProcessReport; lang: Lang; label: string }) {
  const { t } = useTranslation();
  const [ref, width] = useWidth<HTMLDivElement>();
  const f = formats(lang);
  const rowH = 18;
  const nameH = 22;
  const gap = 12;
  const padL = 34;
  const padR = 48;
  const barW = Math.max(40, width - padL - padR);
  let y = 0;
  const blocks = report.groups.map((g) => {
    const top = y;
    y += nameH + report.meetings.length * rowH + gap;
    return { g, top };
  });
  const height = Math.max(y, 20);
  return (
    <div ref={ref} className="p-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="p-svg">
        {blocks.map(({ g, top }) => (
          <g key={g.id}>
            <text x={0} y={top + 15} className="p-group">
              {groupLabel(g, lang)}
            </text>
            {report.meetings.map((m, i) => {
              const r = m.representation.groups.find((x) => x.groupId === g.id);
              const by = top + nameH + i * rowH;
              return (
                <g key={m.workshopId}>
                  <text x={0} y={by + 11} className="p-tick">
                    {t('process.charts.meetingShort', { n: m.index })}
                  </text>
                  <rect x={padL} y={by} width={barW} height={rowH - 5} fill={TRACK} />
                  {r ? <rect x={padL} y={by} width={Math.min(1, r.share) * barW} height={rowH - 5} fill={r.under ? UNDER : NAVY} /> : null}
                  {r && r.invitedShare !== null ? (
                    <line x1={padL + Math.min(1, r.invitedShare) * barW} x2={padL + Math.min(1, r.invitedShare) * barW} y1={by - 2} y2={by + rowH - 3} stroke="#0b0c0c" strokeWidth="2.5" />
                  ) : null}
                  <text x={width - 2} y={by + 11} textAnchor="end" className="p-tick">
                    {r ? f.percent(r.share) : '—'}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}

export function ParticipationFigure({ report, lang }: FigureProps) {
  const { t } = useTranslation();
  const f = formats(lang);
  return (
    <section className="p-section" aria-labelledby="p-part-h">
      <h2 id="p-part-h">{t('process.participation.heading')}</h2>
      <figure className="p-figure">
        <figcaption>{t('process.participation.caption')}</figcaption>
        {report.meetings.length > 0 ? (
          <ParticipationBars report={report} lang={lang} label={t('process.participation.chartLabel', { groups: report.groups.length, count: report.meetings.length })} />
        ) : (
          <p className="empty">{t('process.noMeetings')}</p>
        )}
      </figure>
      {report.meetings.length > 0 ? (
        <TableWrap labelId="p-part-t">
          <table className="p-table p-part">
            <caption id="p-part-t">{t('process.participation.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process.participation.group')}</th>
                <th scope="col">{t('process.charts.meeting')}</th>
                <th scope="col">{t('process.participation.tookPart')}</th>
                <th scope="col">{t('process.participation.online')}</th>
                <th scope="col">{t('process.participation.invited')}</th>
                <th scope="col">{t('process.participation.turnout')}</th>
                <th scope="col">{t('process.participation.share')}</th>
                <th scope="col">{t('process.participation.invitedShare')}</th>
              </tr>
            </thead>
            {report.groups.map((g) => (
              <tbody key={g.id}>
                {report.meetings.map((m, i) => {
                  const r: GroupRepresentation | undefined = m.representation.groups.find((x) => x.groupId === g.id);
                  return (
                    <tr key={m.workshopId} className={r?.under ? 'is-under' : undefined}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={report.meetings.length}>
                          {groupLabel(g, lang)}
                        </th>
                      ) : null}
                      <td>{t('process.charts.meetingN', { n: m.index })}</td>
                      {r ? (
                        <>
                          <td>{f.whole(r.tookPart)}</td>
                          <td>{f.whole(r.online)}</td>
                          <td>{r.invited === null ? t('process.participation.notKnown') : f.whole(r.invited)}</td>
                          <td>{r.turnout === null ? '—' : f.percent(r.turnout)}</td>
                          <td>
                            {f.percent(r.share)}
                            {r.under ? <span className="tag tag-warn">{t('process.participation.under')}</span> : null}
                          </td>
                          <td>{r.invitedShare === null ? '—' : f.percent(r.invitedShare)}</td>
                        </>
                      ) : (
                        <td colSpan={6}>{t('process.participation.notInMeeting')}</td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            ))}
            <tfoot>
              {report.meetings.map((m) => (
                <tr key={m.workshopId}>
                  <th scope="row">{t('process.participation.total')}</th>
                  <td>{t('process.charts.meetingN', { n: m.index })}</td>
                  <td>{f.whole(m.representation.tookPart)}</td>
                  <td>{f.whole(m.representation.groups.reduce((sum, r) => sum + r.online, 0))}</td>
                  <td>{m.representation.invited === null ? t('process.participation.notKnown') : f.whole(m.representation.invited)}</td>
                  <td colSpan={3} />
                </tr>
              ))}
            </tfoot>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

// ---- Each value's priority over time ----

export function PrioritiesFigure({ report, lang }: FigureProps) {
  const { t } = useTranslation();
  const f = formats(lang);
  const columns = useColumns(report, (n) => report.values.some((v) => v.points.some((p) => p.meeting === n && p.position !== null)));
  const positions = report.values.flatMap((v) => v.points.map((p) => p.position).filter((p): p is number => p !== null));
  const lowest = Math.max(1, ...positions);
  const ticks = lowest <= 8 ? Array.from({ length: lowest }, (_, i) => i + 1) : [1, ...Array.from({ length: Math.floor(lowest / 5) }, (_, i) => (i + 1) * 5)];
  return (
    <section className="p-section" aria-labelledby="p-prio-h">
      <h2 id="p-prio-h">{t('process.priorities.heading')}</h2>
      <figure className="p-figure">
        <figcaption>{t('process.priorities.caption')}</figcaption>
        {report.values.length > 0 ? (
          <LineChart
            series={report.values.map((v) => ({ key: v.valueId, label: valueLabel(v, lang), points: columns.pick(report.meetings.map((m) => v.points.find((p) => p.meeting === m.index)?.position ?? null)) }))}
            columns={columns.labels}
            min={1}
            max={lowest}
            invert
            ticks={ticks}
            formatTick={(n) => f.whole(n)}
            plotHeight={Math.max(120, (lowest - 1) * 22)}
            label={t('process.priorities.chartLabel', { values: report.values.length, count: columns.labels.length })}
          />
        ) : (
          <p className="empty">{t('process.priorities.none')}</p>
        )}
      </figure>
      {report.values.length > 0 ? (
        <TableWrap labelId="p-prio-t">
          <table className="p-table">
            <caption id="p-prio-t">{t('process.priorities.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process.priorities.value')}</th>
                {report.meetings.map((m) => (
                  <th scope="col" key={m.workshopId}>
                    {t('process.charts.meetingN', { n: m.index })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.values.map((v) => (
                <tr key={v.valueId}>
                  <th scope="row">{valueLabel(v, lang)}</th>
                  {report.meetings.map((m) => {
                    const p = v.points.find((x) => x.meeting === m.index);
                    return (
                      <td key={m.workshopId}>
                        {p && p.position !== null
                          ? t('process.priorities.cell', { position: p.position, score: p.normalizedScore === null ? '—' : f.percent(p.normalizedScore) })
                          : t('process.priorities.notVoted')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

// ---- Agreement (Kendall's W) over time ----

export function AgreementFigure({ report, lang }: FigureProps) {
  const { t } = useTranslation();
  const f = formats(lang);
  const w = (n: number) => report.agreement.find((a) => a.meeting === n)?.kendallW ?? null;
  const columns = useColumns(report, (n) => w(n) !== null);
  const any = report.agreement.some((a) => a.kendallW !== null);
  const byMeeting = new Map(report.meetings.map((m) => [m.index, m]));
  return (
    <section className="p-section" aria-labelledby="p-agree-h">
      <h2 id="p-agree-h">{t('process.agreement.heading')}</h2>
      <figure className="p-figure">
        <figcaption>{t('process.agreement.caption')}</figcaption>
        {any ? (
          <LineChart
            series={[{ key: 'w', label: 'W', points: columns.pick(report.meetings.map((m) => w(m.index))) }]}
            columns={columns.labels}
            min={0}
            max={1}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            formatTick={(n) => f.two(n)}
            plotHeight={140}
            endLabels={false}
            label={t('process.agreement.chartLabel', { count: columns.labels.length })}
          />
        ) : (
          <p className="empty">{t('process.agreement.none')}</p>
        )}
      </figure>
      {report.meetings.length > 0 ? (
        <TableWrap labelId="p-agree-t">
          <table className="p-table">
            <caption id="p-agree-t">{t('process.agreement.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process.charts.meeting')}</th>
                <th scope="col">W</th>
                <th scope="col">{t('process.agreement.level')}</th>
                <th scope="col">{t('process.agreement.answers')}</th>
              </tr>
            </thead>
            <tbody>
              {report.agreement.map((a) => {
                const m = byMeeting.get(a.meeting);
                return (
                  <tr key={a.meeting}>
                    <th scope="row">{t('process.charts.meetingN', { n: a.meeting })}</th>
                    <td>{a.kendallW === null ? '—' : f.two(a.kendallW)}</td>
                    <td>{a.kendallW !== null ? t(`vote.levels.${agreementLevel(a.kendallW)}`) : !m?.voteKind ? t('process.meetings.noVote') : m.voteKind !== 'rank' ? t('process.agreement.notRank') : t('process.agreement.notDefined')}</td>
                    <td>{m ? t('process.agreement.answersCell', { room: m.voteAnswers.room, online: m.voteAnswers.online }) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

// ---- The collaboration scan's four factors over time ----

export function ScanFigure({ report, lang }: FigureProps) {
  const { t } = useTranslation();
  const f = formats(lang);
  const mean = (meeting: number, factor: ScanFactor) => report.scan.find((s) => s.meeting === meeting)?.factors.find((x) => x.factor === factor)?.mean ?? null;
  const columns = useColumns(report, (n) => FACTORS.some((factor) => mean(n, factor) !== null));
  const any = report.scan.some((s) => s.factors.some((x) => x.mean !== null));
  const answers = new Map(report.meetings.map((m) => [m.index, m.scan.reduce((most, s) => Math.max(most, s.answers), 0)]));
  return (
    <section className="p-section" aria-labelledby="p-scan-h">
      <h2 id="p-scan-h">{t('process.scan.heading')}</h2>
      <figure className="p-figure">
        <figcaption>{t('process.scan.caption')}</figcaption>
        {any ? (
          <LineChart
            series={FACTORS.map((factor) => ({ key: factor, label: t(`agenda.factors.${factor}`), points: columns.pick(report.meetings.map((m) => mean(m.index, factor))) }))}
            columns={columns.labels}
            min={1}
            max={5}
            ticks={[1, 2, 3, 4, 5]}
            formatTick={(n) => f.whole(n)}
            plotHeight={150}
            label={t('process.scan.chartLabel', { count: columns.labels.length })}
          />
        ) : (
          <p className="empty">{t('process.scan.none')}</p>
        )}
      </figure>
      {any ? (
        <TableWrap labelId="p-scan-t">
          <table className="p-table">
            <caption id="p-scan-t">{t('process.scan.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('process.charts.meeting')}</th>
                {FACTORS.map((factor) => (
                  <th scope="col" key={factor}>
                    {t(`agenda.factors.${factor}`)}
                  </th>
                ))}
                <th scope="col">{t('process.scan.answers')}</th>
              </tr>
            </thead>
            <tbody>
              {report.meetings.map((m) => (
                <tr key={m.workshopId}>
                  <th scope="row">{t('process.charts.meetingN', { n: m.index })}</th>
                  {FACTORS.map((factor) => {
                    const v = mean(m.index, factor);
                    return <td key={factor}>{v === null ? '—' : f.one(v)}</td>;
                  })}
                  <td>{f.whole(answers.get(m.index) ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
