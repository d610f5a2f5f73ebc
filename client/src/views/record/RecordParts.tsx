import { useId, type ReactNode } from 'react';
import { FeedbackFacts } from '../participant/FeedbackFacts.js';
import { useTranslation } from 'react-i18next';
import { agreementLevel } from '../../../../shared/consensus/index.js';
import type { GroupRepresentation, Lang, Representation } from '../../../../shared/index.js';
import { REPRESENTATION_LIMITS } from '../../../../shared/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { formatNumber, formatPercent, locale } from '../summary/format.js';
import { ScaleSvg } from '../report/charts.js';
import { reportNames, storiesFor, swatch } from '../report/reportData.js';
import { ShareSvg } from './recordCharts.js';
import { answersByChannel, durationParts, heldSpan, lateJoiners, moderation, type RecordDoc, type RecordFeedbackEntry } from './recordData.js';

export type Names = ReturnType<typeof reportNames>;
type Heading = 'h2' | 'h3';
/** The heading one level below: a part's sub-headings. */
const below = (h: Heading) => (h === 'h2' ? 'h3' : 'h4');

/** An option's title in the reader's language (its id when the export has no such option). */
const optionName = (names: Names, activityId: string, optionId: string) => names.option?.(activityId, optionId) ?? optionId;

/** Stories printed per top value. */
export const STORIES_PER_VALUE = 3;

export const fmtDate = (ms: number, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(new Date(ms));
export const fmtDateTime = (ms: number, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
const fmtTime = (ms: number, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(new Date(ms));

/** A part of the record: a page of its own when printed (`page`), or flowing on after the previous part. */
export function Part({ id, title, kicker, children, runningHead, page = true, as: H = 'h2' }: { id: string; title: ReactNode; kicker?: ReactNode; children: ReactNode; runningHead?: string; page?: boolean; as?: Heading }) {
  return (
    <section className={page ? 'report-section rec-section' : 'rec-part'} aria-labelledby={`${id}-h`}>
      {runningHead ? <p className="report-running">{runningHead}</p> : null}
      {kicker ? <p className="report-kicker">{kicker}</p> : null}
      <H id={`${id}-h`}>{title}</H>
      {children}
    </section>
  );
}

/** One group's turnout sentence: "Residents: 3 of 40 invited took part (8%)." (or the count when the invited number is not known). */
function TurnoutLine({ r, group, lang }: { r: GroupRepresentation; group: string; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li>
      {r.invited === null || r.turnout === null
        ? t('record.who.lineUnknown', { group, count: r.tookPart })
        : t('record.who.line', { group, count: r.tookPart, invited: r.invited, turnout: formatPercent(r.turnout, lang) })}
    </li>
  );
}

/** Who was invited and who took part per group, room and online, and the gap: the export's `participation`, as the domain computed it. */
export function WhoPart({ rep, names, lang, as: H = 'h2' }: { rep: Representation; names: Names; lang: Lang; as?: Heading }) {
  const { t } = useTranslation();
  const tableId = useId();
  const Sub = below(H);
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(x, lang));
  const known = rep.groups.some((g) => g.invited !== null);
  const room = rep.groups.reduce((s, g) => s + g.room, 0);
  const online = rep.groups.reduce((s, g) => s + g.online, 0);
  const under = rep.groups.filter((g) => g.under);
  return (
    <>
      <table className="r-table rec-who" aria-labelledby={tableId}>
        <caption id={tableId} className="rec-caption">
          {t('record.who.hint')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('record.who.group')}</th>
            <th scope="col">{t('record.who.invited')}</th>
            <th scope="col">{t('record.who.tookPart')}</th>
            <th scope="col">{t('record.who.room')}</th>
            <th scope="col">{t('record.who.online')}</th>
            <th scope="col">{t('record.who.turnout')}</th>
            <th scope="col">{t('record.who.shares')}</th>
          </tr>
        </thead>
        <tbody>
          {rep.groups.map((g) => (
            <tr key={g.groupId} className={g.under ? 'rec-under' : undefined}>
              <th scope="row">
                <span className="r-swatch" style={{ background: swatch(names.groupIndex(g.groupId)) }} aria-hidden="true" />
                {names.group(g.groupId)}
                {g.under ? <span className="rec-tag-under">{t('record.who.under')}</span> : null}
              </th>
              <td className="r-num">{g.invited ?? t('record.who.unknown')}</td>
              <td className="r-num">{g.tookPart}</td>
              <td>{g.room}</td>
              <td>{g.online}</td>
              <td className="r-nowrap">{g.invited === null ? '–' : `${t('record.who.turnoutOf', { count: g.tookPart, invited: g.invited })} · ${pct(g.turnout)}`}</td>
              <td className="rec-sharecell">
                <ShareSvg share={g.share} invitedShare={g.invitedShare} color={swatch(names.groupIndex(g.groupId))} />
                <span className="r-sub">
                  {pct(g.share)} / {pct(g.invitedShare)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('record.who.total')}</th>
            <td className="r-num">{rep.invited ?? t('record.who.unknown')}</td>
            <td className="r-num">{rep.tookPart}</td>
            <td>{room}</td>
            <td>{online}</td>
            <td className="r-nowrap">{rep.invited === null ? '–' : t('record.who.turnoutOf', { count: rep.tookPart, invited: rep.invited })}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <ul className="rec-lines">
        {rep.groups.map((g) => (
          <TurnoutLine key={g.groupId} r={g} group={names.group(g.groupId)} lang={lang} />
        ))}
      </ul>
      <p className="r-hint">{t('record.who.roomOnline', { room, online })}</p>
      <div className="rec-gap r-keep">
        <Sub>{t('record.who.gapHeading')}</Sub>
        {!known ? (
          <p>{t('record.who.noInvited')}</p>
        ) : under.length > 0 ? (
          <p className="rec-gap-under">
            {t('record.who.gap', {
              count: under.length,
              list: under.map((g) => t('record.who.gapItem', { group: names.group(g.groupId), share: pct(g.share), invitedShare: pct(g.invitedShare) })).join('; '),
            })}
          </p>
        ) : rep.tookPart < REPRESENTATION_LIMITS.minParticipants ? (
          <p>{t('record.who.tooFew', { min: REPRESENTATION_LIMITS.minParticipants })}</p>
        ) : (
          <p>{t('record.who.noGap')}</p>
        )}
      </div>
    </>
  );
}

/** The agenda: every step with its question and answers (room and online). */
export function AskedPart({ doc }: { doc: RecordDoc }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const tableId = useId();
  return (
    <table className="r-table rec-asked" aria-labelledby={tableId}>
      <caption id={tableId} className="rec-caption">
        {t('record.asked.hint')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('record.asked.step')}</th>
          <th scope="col">{t('record.asked.question')}</th>
          <th scope="col">{t('record.asked.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {doc.activities.map((a, i) => {
          const n = answersByChannel(a);
          return (
            <tr key={a.id}>
              <th scope="row" className="r-nowrap">
                {i + 1}. {text.name(a)}
              </th>
              <td>{text.question(a)}</td>
              <td className="r-nowrap">{a.openedAt === null ? <span className="r-sub-inline">{t('record.asked.notRun')}</span> : a.kind === 'explore' ? '–' : n.online > 0 ? t('record.asked.answersSplit', n) : n.count}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The results with how much agreement there was: the summary's top values, W, common ground and tensions, the scan's factors, the options. */
export function ResultsPart({ doc, names, lang, as: H = 'h2' }: { doc: RecordDoc; names: Names; lang: Lang; as?: Heading }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const Sub = below(H);
  const topId = useId();
  const s = doc.summary;
  const vote = doc.activities.find((a) => a.id === s.voteActivityId) ?? null;
  const voteIndex = vote ? doc.activities.indexOf(vote) + 1 : 0;
  const scoreText = (score: number): string => {
    switch (vote?.kind) {
      case 'dots':
        return t('agenda.report.score.dots', { count: score });
      case 'points':
        return t('agenda.report.score.points', { score: formatNumber(score, lang, 1) });
      default:
        return t('agenda.report.score.rank', { score: formatNumber(score, lang, 0) });
    }
  };
  const optionsAct = s.options ? (doc.activities.find((a) => a.id === s.options?.activityId) ?? null) : null;
  const optionResults = optionsAct?.results?.options ?? null;
  return (
    <>
      <section className="rec-block r-keep" aria-labelledby={topId}>
        <Sub id={topId}>{t('record.results.topValues')}</Sub>
        {vote === null || s.topValues.length === 0 ? (
          <p className="r-hint">{t('record.results.noVote')}</p>
        ) : (
          <>
            <p className="r-hint">{t('record.results.topHint', { step: `${voteIndex}. ${text.name(vote)}` })}</p>
            <table className="r-table rec-top" aria-labelledby={topId}>
              <thead>
                <tr>
                  <th scope="col">{t('record.results.position')}</th>
                  <th scope="col">{t('record.results.value')}</th>
                  <th scope="col">{t('record.results.score')}</th>
                </tr>
              </thead>
              <tbody>
                {s.topValues.map((v) => (
                  <tr key={v.valueId}>
                    <td className="r-pos-plain">{v.position}</td>
                    <th scope="row">{names.value(v.valueId)}</th>
                    <td>
                      <span className="r-num">{scoreText(v.score)}</span> · {t('record.results.shareOf', { share: formatPercent(v.share, lang) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="r-agreement">{s.kendallW === null ? t('record.results.agreementNone') : t('record.results.agreement', { level: t(`agenda.levels.${agreementLevel(s.kendallW)}`), w: formatNumber(s.kendallW, lang, 2) })}</p>
      </section>

      <div className="r-columns r-keep">
        <section>
          <Sub>{t('record.results.commonGround')}</Sub>
          <p className="r-hint">{t('record.results.commonGroundHint')}</p>
          {s.commonGround.length === 0 ? (
            <p>{t('record.results.none')}</p>
          ) : (
            <ul className="r-callouts">
              {s.commonGround.map((c) => (
                <li key={c.valueId}>{names.value(c.valueId)}</li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <Sub>{t('record.results.tensions')}</Sub>
          <p className="r-hint">{t('record.results.tensionsHint')}</p>
          {s.tensions.length === 0 ? (
            <p>{t('record.results.none')}</p>
          ) : (
            <ul className="r-callouts r-callouts-tension">
              {s.tensions.map((x) => (
                <li key={x.valueId}>{t('record.results.tensionItem', { value: names.value(x.valueId), high: names.group(x.highGroupId), low: names.group(x.lowGroupId), spread: formatPercent(x.spread, lang) })}</li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="rec-block r-keep">
        <Sub>{t('record.results.scan')}</Sub>
        {s.scan.every((f) => f.mean === null) ? (
          <p className="r-hint">{t('record.results.noScan')}</p>
        ) : (
          <>
            <p className="r-hint">{t('record.results.scanHint')}</p>
            <ul className="rec-factors">
              {s.scan.map((f) => (
                <li key={f.factor}>
                  <span>{f.mean === null ? `${t(`agenda.factors.${f.factor}`)}: –` : t('record.results.factorMean', { factor: t(`agenda.factors.${f.factor}`), mean: formatNumber(f.mean, lang, 1) })}</span>
                  {f.mean !== null ? <ScaleSvg mean={f.mean} sd={null} color="#c9d6ec" /> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {s.options && optionsAct && optionResults ? (
        <section className="rec-block r-keep">
          <Sub>{t('record.results.options')}</Sub>
          <table className="r-table rec-options">
            <thead>
              <tr>
                <th scope="col">{t('record.results.position')}</th>
                <th scope="col">{t('record.results.value')}</th>
                <th scope="col">{t('record.results.optionFit')}</th>
                <th scope="col">{t('record.results.optionLiveWith')}</th>
              </tr>
            </thead>
            <tbody>
              {optionResults.options.map((o) => (
                <tr key={o.optionId}>
                  <td className="r-pos-plain">{o.position}</td>
                  <th scope="row">{optionName(names, optionsAct.id, o.optionId)}</th>
                  <td>{o.fit === null ? '–' : t('record.results.fit', { fit: formatNumber(o.fit, lang, 1) })}</td>
                  <td>{o.liveWith === null ? '–' : formatPercent(o.liveWith.score, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.options.winnerIds.length > 0 ? <p>{t('record.results.optionWinner', { list: s.options.winnerIds.map((id) => optionName(names, optionsAct.id, id)).join(', ') })}</p> : null}
          <p>{s.options.liveWithIds.length > 0 ? t('record.results.optionLiveWithLine', { list: s.options.liveWithIds.map((id) => optionName(names, optionsAct.id, id)).join(', ') }) : t('record.results.optionLiveWithNone')}</p>
          {s.options.flips ? <p className="r-hint">{t('record.results.optionFlips')}</p> : null}
        </section>
      ) : null}
    </>
  );
}

/** The stories next to the numbers: per top value its most recognised shown stories. */
export function StoriesPart({ doc, names, as: H = 'h2', perValue = STORIES_PER_VALUE }: { doc: RecordDoc; names: Names; as?: Heading; perValue?: number }) {
  const { t } = useTranslation();
  const Sub = below(H);
  if (doc.summary.topValues.length === 0) return <p className="r-hint">{t('record.results.noVote')}</p>;
  return (
    <>
      {doc.summary.topValues.map((v) => {
        const stories = storiesFor(doc, v.valueId, perValue);
        return (
          <section key={v.valueId} className="r-stories r-keep">
            <Sub>{t('record.stories.valueLine', { position: v.position, value: names.value(v.valueId) })}</Sub>
            {stories.length === 0 ? <p className="r-hint">{t('record.stories.none')}</p> : null}
            <ul>
              {stories.map((st) => (
                <li key={st.id}>
                  <blockquote>{st.text}</blockquote>
                  {st.endorsements.length > 0 ? <p className="r-sub">{t('record.stories.endorsements', { count: st.endorsements.length })}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** What an entry answers: the value, tension or option by its title, or the meeting as a whole. */
function TargetLabel({ entry: e, names }: { entry: RecordFeedbackEntry; names: Names }) {
  const { t } = useTranslation();
  const id = e.target.id ?? '';
  const label =
    e.target.kind === 'value'
      ? t('record.did.target.value', { title: names.value(id) })
      : e.target.kind === 'tension'
        ? t('record.did.target.tension', { title: names.value(id) })
        : e.target.kind === 'option'
          ? t('record.did.target.option', { title: optionName(names, e.target.activityId ?? '', id) })
          : t('record.did.target.general');
  return <p className="rec-did-about">{label}</p>;
}

/** "You said, we did": every entry with its decision, reason, when and link (the URL printed). */
export function DidPart({ doc, names, lang }: { doc: RecordDoc; names: Names; lang: Lang }) {
  const { t } = useTranslation();
  const fb = doc.feedback;
  if (fb.entries.length === 0) return <p>{t('record.did.none')}</p>;
  return (
    <>
      <p className="r-hint">{fb.publishedAt ? t('record.did.published', { date: fmtDateTime(Date.parse(fb.publishedAt), lang) }) : t('record.did.draft')}</p>
      <ol className="rec-did">
        {fb.entries.map((e) => (
          <li key={e.id} className="r-keep">
            <TargetLabel entry={e} names={names} />
            <FeedbackFacts entry={e} linkClassName="rec-url" />
          </li>
        ))}
      </ol>
    </>
  );
}

/** How the meeting was run: date and duration, the steps held, the settings, late joiners, the online window, moderation. */
export function RunPart({ doc, lang }: { doc: RecordDoc; lang: Lang }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const span = heldSpan(doc);
  const settings = doc.workshop.settings;
  const held = doc.activities.filter((a) => a.openedAt !== null);
  const mod = moderation(doc);
  const late = lateJoiners(doc);
  const online = doc.online;
  const duration = span ? durationParts(span.end - span.start) : null;
  const onlineSteps = online ? doc.activities.filter((a) => online.activityIds.includes(a.id)).map((a) => `${doc.activities.indexOf(a) + 1}. ${text.name(a)}`) : [];
  const rows: [string, ReactNode][] = [
    [t('record.run.date'), span ? fmtDate(span.start, lang) : t('record.run.notHeld')],
    ...(span && duration
      ? ([
          [
            t('record.run.duration'),
            t('record.run.durationValue', {
              duration: duration.h > 0 ? t('record.run.hours', duration) : t('record.run.minutes', duration),
              start: fmtTime(span.start, lang),
              end: fmtTime(span.end, lang),
            }),
          ],
        ] as [string, ReactNode][])
      : []),
    [t('record.run.steps'), t('record.run.stepsValue', { run: held.length, total: doc.activities.length, list: held.map((a) => `${doc.activities.indexOf(a) + 1}. ${text.name(a)}`).join(', ') || '–' })],
    [t('record.run.names'), settings.allowNames ? t('record.run.namesAllowed') : t('record.run.namesNot')],
    [t('record.run.proposals'), settings.allowProposals ? t('record.run.proposalsAllowed') : t('record.run.proposalsNot')],
    [t('record.run.minGroup'), t('record.run.minGroupValue', { count: settings.minGroupSize })],
    [t('record.run.late'), t('record.run.lateValue', { count: late })],
    [t('record.run.online'), online ? t('record.run.onlineValue', { steps: onlineSteps.join(', '), from: fmtDateTime(Date.parse(online.openedAt), lang), until: fmtDateTime(Date.parse(online.until), lang) }) : t('record.run.onlineNone')],
    [t('record.run.moderation'), t('record.run.moderationValue', mod)],
  ];
  return (
    <dl className="rec-run">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
