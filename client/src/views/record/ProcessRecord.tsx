import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementLevel } from '../../../../shared/consensus/index.js';
import { SCAN_FACTORS, type Lang, type ProcessExportDocument, type ProcessGroup } from '../../../../shared/index.js';
import { MAIN_ID } from '../../components/SkipLink.js';
import { formatNumber, formatPercent } from '../summary/format.js';
import { reportNames, swatch } from '../report/reportData.js';
import { AskedPart, DidPart, fmtDate, fmtDateTime, Part, ResultsPart, RunPart, StoriesPart, WhoPart } from './RecordParts.js';
import { LineSvg } from './recordCharts.js';
import type { RecordDoc } from './recordData.js';

/** Values whose positions are charted and listed over time. */
const SERIES_VALUES = 8;
/** Line colours of the scan's four factors. */
const FACTOR_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7'];

const groupName = (g: ProcessGroup, lang: Lang) => g.i18n?.[lang] ?? g.name;

/**
 * The participation record of a whole process: the process (title, area, groups with the
 * numbers invited), the series over time from its report (participation against those invited
 * per group, the values' positions, W, the scan's factors), then each meeting in brief — the
 * same parts as a meeting's own record. Everything from the process export.
 */
export function ProcessRecord({ doc, lang }: { doc: ProcessExportDocument; lang: Lang }) {
  const { t } = useTranslation();
  const report = doc.report;
  const head = t('record.running', { title: doc.process.title });
  const meetings = report.meetings;
  const held = meetings.map((m) => m.heldAt ?? m.createdAt);
  const from = held.length === 0 ? null : fmtDate(Math.min(...held), lang);
  const to = held.length === 0 ? null : fmtDate(Math.max(...held), lang);
  // Meetings on one day show that day once.
  const period = from === null ? '–' : from === to ? from : `${from} – ${to}`;
  const exports = new Map(doc.meetings.map((m) => [m.workshop.id, m as RecordDoc]));
  return (
    <main className="report-doc rec-doc" lang={lang} id={MAIN_ID} tabIndex={-1}>
      <section className="report-section report-cover rec-section" aria-labelledby="rec-cover-h">
        <p className="report-kicker">{t('record.processTitle')}</p>
        <h1 id="rec-cover-h">{doc.process.title}</h1>
        <dl className="report-meta">
          {doc.process.area ? (
            <div>
              <dt>{t('record.moment.area')}</dt>
              <dd>{doc.process.area}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('record.moment.meetings')}</dt>
            <dd>{meetings.length}</dd>
          </div>
          <div>
            <dt>{t('record.moment.period')}</dt>
            <dd>{period}</dd>
          </div>
          <div>
            <dt>{t('record.moment.code')}</dt>
            <dd>{doc.process.code}</dd>
          </div>
        </dl>
        <p className="rec-intro">{t('record.processIntro')}</p>
        <table className="r-table rec-groups">
          <thead>
            <tr>
              <th scope="col">{t('record.who.group')}</th>
              <th scope="col">{t('record.who.invited')}</th>
            </tr>
          </thead>
          <tbody>
            {doc.groups.map((g, i) => (
              <tr key={g.id}>
                <th scope="row">
                  <span className="r-swatch" style={{ background: swatch(i) }} aria-hidden="true" />
                  {groupName(g, lang)}
                </th>
                <td className="r-num">{g.invited ?? t('record.who.unknown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ol className="rec-meetings">
          {meetings.map((m) => (
            <li key={m.workshopId}>
              <strong>{t('record.process.meetingKicker', { n: m.index })}</strong> · {m.title} · {m.heldAt === null ? t('record.process.notHeld') : fmtDate(m.heldAt, lang)}
            </li>
          ))}
        </ol>
        {meetings.length === 0 ? <p>{t('record.process.noMeetings')}</p> : null}
        <p className="report-generated">{t('record.generated', { date: fmtDateTime(Date.parse(doc.exportedAt), lang), version: doc.schemaVersion })}</p>
      </section>

      {meetings.length > 0 ? (
        <Part id="rec-time" title={t('record.process.overTime')} kicker={t('record.process.overTimeKicker')} runningHead={head}>
          <OverTime doc={doc} lang={lang} />
        </Part>
      ) : null}

      {meetings.map((m) => {
        const ex = exports.get(m.workshopId);
        if (!ex) return null;
        const names = reportNames(ex, lang);
        const id = `rec-m${m.index}`;
        return (
          <Part key={m.workshopId} id={id} kicker={`${t('record.process.meetingKicker', { n: m.index })} · ${m.heldAt === null ? t('record.process.notHeld') : fmtDate(m.heldAt, lang)}`} title={m.title} runningHead={head}>
            <Part id={`${id}-who`} title={t('record.who.heading')} page={false} as="h3">
              <WhoPart rep={m.representation} names={names} lang={lang} as="h3" />
            </Part>
            <Part id={`${id}-asked`} title={t('record.asked.heading')} page={false} as="h3">
              <AskedPart doc={ex} />
            </Part>
            <Part id={`${id}-results`} title={t('record.results.heading')} page={false} as="h3">
              <ResultsPart doc={ex} names={names} lang={lang} as="h3" />
            </Part>
            <Part id={`${id}-stories`} title={t('record.stories.heading')} page={false} as="h3">
              <StoriesPart doc={ex} names={names} as="h3" perValue={1} />
            </Part>
            <Part id={`${id}-did`} title={t('record.did.heading')} page={false} as="h3">
              <DidPart doc={ex} names={names} lang={lang} />
            </Part>
            <Part id={`${id}-run`} title={t('record.run.heading')} page={false} as="h3">
              <RunPart doc={ex} lang={lang} />
            </Part>
          </Part>
        );
      })}
    </main>
  );
}

/** The series over time from the process report, each a chart with its table as the text alternative. */
function OverTime({ doc, lang }: { doc: ProcessExportDocument; lang: Lang }) {
  const { t } = useTranslation();
  const partId = useId();
  const prioId = useId();
  const wId = useId();
  const scanId = useId();
  const report = doc.report;
  const meetings = report.meetings;
  const steps = meetings.length;
  const groups = doc.groups;
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(x, lang));
  const repOf = (m: (typeof meetings)[number], groupId: string) => m.representation.groups.find((g) => g.groupId === groupId) ?? null;
  const maxTook = Math.max(1, ...meetings.flatMap((m) => m.representation.groups.map((g) => g.tookPart)));
  const values = report.values.slice(0, SERIES_VALUES);
  const maxPos = Math.max(1, ...values.flatMap((v) => v.points.map((p) => p.position ?? 0)));
  const valueTitle = (v: (typeof values)[number]) => v.i18n?.[lang]?.title ?? v.title;
  const xLabels = meetings.map((m) => t('record.process.meetingKicker', { n: m.index }));
  const num = (x: number, digits = 0) => formatNumber(x, lang, digits);
  const Head = () => (
    <thead>
      <tr>
        <td />
        {meetings.map((m) => (
          <th key={m.workshopId} scope="col">
            {t('record.process.meetingKicker', { n: m.index })}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <figure className="r-figure r-keep">
        <figcaption>
          <h3 id={partId}>{t('record.process.participation')}</h3>
          <p className="r-hint">{t('record.process.participationHint')}</p>
        </figcaption>
        <LineSvg steps={steps} min={0} max={maxTook} xLabels={xLabels} yLabels={{ top: num(maxTook), bottom: num(0) }} series={groups.map((g, i) => ({ key: g.id, color: swatch(i), points: meetings.map((m) => repOf(m, g.id)?.tookPart ?? null) }))} />
        <table className="r-table rec-series" aria-labelledby={partId}>
          <Head />
          <tbody>
            {groups.map((g, i) => (
              <tr key={g.id}>
                <th scope="row">
                  <span className="r-swatch" style={{ background: swatch(i) }} aria-hidden="true" />
                  {groupName(g, lang)}
                </th>
                {meetings.map((m) => {
                  const r = repOf(m, g.id);
                  return (
                    <td key={m.workshopId}>
                      {r === null ? '–' : r.invited === null ? r.tookPart : `${t('record.who.turnoutOf', { count: r.tookPart, invited: r.invited })} · ${pct(r.turnout)}`}
                      {r?.under ? <span className="r-tag rec-tag-under">{t('record.who.under')}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </figure>

      {values.length > 0 ? (
        <figure className="r-figure r-keep">
          <figcaption>
            <h3 id={prioId}>{t('record.process.priority')}</h3>
            <p className="r-hint">{t('record.process.priorityHint')}</p>
          </figcaption>
          <LineSvg steps={steps} min={1} max={maxPos} invert xLabels={xLabels} yLabels={{ top: num(1), bottom: num(maxPos) }} series={values.map((v, i) => ({ key: v.valueId, color: swatch(i), points: v.points.map((p) => p.position) }))} />
          <table className="r-table rec-series" aria-labelledby={prioId}>
            <Head />
            <tbody>
              {values.map((v, i) => (
                <tr key={v.valueId}>
                  <th scope="row">
                    <span className="r-swatch" style={{ background: swatch(i) }} aria-hidden="true" />
                    {valueTitle(v)}
                  </th>
                  {v.points.map((p) => (
                    <td key={p.meeting} className="r-num">
                      {p.position ?? '–'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ) : null}

      <div className="r-columns r-keep">
        <figure className="r-figure">
          <figcaption>
            <h3 id={wId}>{t('record.process.agreement')}</h3>
            <p className="r-hint">{t('record.process.agreementHint')}</p>
          </figcaption>
          <LineSvg width={80} steps={steps} min={0} max={1} xLabels={xLabels} yLabels={{ top: num(1, 1), bottom: num(0, 1) }} series={[{ key: 'w', color: '#14213d', points: report.agreement.map((a) => a.kendallW) }]} />
          <ul className="rec-lines" aria-labelledby={wId}>
            {report.agreement.map((a) => (
              <li key={a.meeting}>
                {t('record.process.agreementRow', {
                  n: a.meeting,
                  value: a.kendallW === null ? '–' : t('record.process.wLevel', { w: formatNumber(a.kendallW, lang, 2), level: t(`agenda.levels.${agreementLevel(a.kendallW)}`) }),
                })}
              </li>
            ))}
          </ul>
        </figure>
        <figure className="r-figure">
          <figcaption>
            <h3 id={scanId}>{t('record.process.scan')}</h3>
            <p className="r-hint">{t('record.results.scanHint')}</p>
          </figcaption>
          <LineSvg width={80} steps={steps} min={1} max={5} xLabels={xLabels} yLabels={{ top: num(5), bottom: num(1) }} series={SCAN_FACTORS.map((f, i) => ({ key: f, color: FACTOR_COLOURS[i] ?? '#14213d', points: report.scan.map((s) => s.factors.find((x) => x.factor === f)?.mean ?? null) }))} />
          <table className="r-table rec-series" aria-labelledby={scanId}>
            <Head />
            <tbody>
              {SCAN_FACTORS.map((f, i) => (
                <tr key={f}>
                  <th scope="row">
                    <span className="r-swatch" style={{ background: FACTOR_COLOURS[i] }} aria-hidden="true" />
                    {t(`agenda.factors.${f}`)}
                  </th>
                  {report.scan.map((s) => {
                    const mean = s.factors.find((x) => x.factor === f)?.mean ?? null;
                    return (
                      <td key={s.meeting} className="r-num">
                        {mean === null ? '–' : formatNumber(mean, lang, 1)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
    </>
  );
}
