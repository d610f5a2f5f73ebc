import { MAIN_ID } from '../../components/SkipLink.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportDocument, Lang } from '../../../../shared/index.js';
import { CLIENT_KINDS } from '../../kinds/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { locale } from '../summary/format.js';
import { SummaryContent } from '../summary/SummaryContent.js';
import { participantsByGroup, reportNames, storiesFor, swatch, type ExportActivity } from './reportData.js';
import { ReportFeedback } from './ReportFeedback.js';

/** Stories printed per top value. */
const STORIES_PER_VALUE = 3;
/** Values whose stories are printed when no vote ranked them. */
const STORY_VALUES = 5;

/** One A4 section: starts on a new page when printed, with the workshop's name in its running head. */
function Section({ id, title, kicker, children, runningHead }: { id: string; title: ReactNode; kicker?: ReactNode; children: ReactNode; runningHead: string }) {
  return (
    <section className="report-section" aria-labelledby={`${id}-h`}>
      <p className="report-running">{runningHead}</p>
      {kicker ? <p className="report-kicker">{kicker}</p> : null}
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The whole report from one export document: a title page (date, participants per group, the
 * agenda), the summary, what was done with it ("you said, we did", when written), every step with
 * its results, and the stories behind the top values.
 * Rendered in the reader's language; titles as the workshop wrote them.
 */
export function ReportDocument({ doc, lang }: { doc: ExportDocument; lang: Lang }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const names = reportNames(doc, lang);
  const perGroup = participantsByGroup(doc);
  const total = [...perGroup.values()].reduce((a, b) => a + b, 0);
  const date = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(new Date(doc.workshop.createdAt));
  const generated = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(doc.exportedAt));
  const head = t('agenda.report.page', { title: doc.workshop.title });
  const minGroupSize = doc.workshop.settings.minGroupSize;
  const steps = doc.activities.map((a, i) => ({ a, n: i + 1 }));
  // Every kind with a report section (kinds/index.ts) gets a page; explore has none.
  const withResults = steps.flatMap(({ a, n }) => {
    const part = CLIENT_KINDS[a.kind].report;
    return part ? [{ a, n, part }] : [];
  });

  const storyValueIds =
    doc.summary.topValues.length > 0
      ? doc.summary.topValues.map((v) => v.valueId)
      : doc.values
          .filter((v) => !v.hidden && v.mergedInto === null)
          .map((v) => ({ id: v.id, n: storiesFor(doc, v.id, 100).length }))
          .filter((v) => v.n > 0)
          .sort((x, y) => y.n - x.n)
          .slice(0, STORY_VALUES)
          .map((v) => v.id);

  return (
    <main className="report-doc" lang={lang} id={MAIN_ID} tabIndex={-1}>
      <section className="report-section report-cover" aria-labelledby="cover-h">
        <p className="report-kicker">{t('agenda.report.kicker')}</p>
        <h1 id="cover-h">{doc.workshop.title}</h1>
        <dl className="report-meta">
          <div>
            <dt>{t('agenda.report.date')}</dt>
            <dd>{date}</dd>
          </div>
          <div>
            <dt>{t('agenda.report.code')}</dt>
            <dd>{doc.workshop.code}</dd>
          </div>
          <div>
            <dt>{t('agenda.report.participants')}</dt>
            <dd>{t('agenda.report.participantsTotal', { count: total })}</dd>
          </div>
        </dl>

        <div className="r-columns r-cover-cols">
          <section>
            <h3>{t('agenda.report.participantsHeading')}</h3>
            <table className="r-table r-groups">
              <thead>
                <tr>
                  <th scope="col">{t('agenda.report.group')}</th>
                  <th scope="col">{t('agenda.report.count')}</th>
                </tr>
              </thead>
              <tbody>
                {doc.groups.map((g, i) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <span className="r-swatch" style={{ background: swatch(i) }} aria-hidden="true" />
                      {names.group(g.id)}
                    </th>
                    <td>{perGroup.get(g.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section>
            <h3>{t('agenda.report.agendaHeading')}</h3>
            <table className="r-table r-agenda">
              <thead>
                <tr>
                  <th scope="col">{t('agenda.report.stepCol')}</th>
                  <th scope="col">{t('agenda.report.answersCol')}</th>
                </tr>
              </thead>
              <tbody>
                {steps.map(({ a, n }) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {n}. {text.name(a)}
                      <span className="r-sub">{text.question(a)}</span>
                    </th>
                    <td>{CLIENT_KINDS[a.kind].answers ? a.answers.filter((x) => x.counted).length : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <p className="report-generated">{t('agenda.report.generated', { date: generated, version: doc.schemaVersion })}</p>
      </section>

      <Section id="summary" title={t('agenda.summary.heading')} kicker={t('agenda.report.summarySection')} runningHead={head}>
        <SummaryContent summary={doc.summary} names={names} variant="report" heading={() => null} />
      </Section>

      {doc.feedback.entries.length > 0 ? (
        <Section id="feedback" title={t('feedbackEdit.title')} kicker={t('feedbackEdit.reportSection')} runningHead={head}>
          <ReportFeedback feedback={doc.feedback} names={names} lang={lang} />
        </Section>
      ) : null}

      {withResults.map(({ a, n, part }) => (
        <Section key={a.id} id={`step-${a.id}`} kicker={t('agenda.report.stepHeading', { n, name: text.name(a) })} title={text.question(a)} runningHead={head}>
          <StepMeta activity={a} names={names} />
          {part.hasResults(a.results) ? (
            <part.Section activity={a} results={a.results} names={names} lang={lang} minGroupSize={minGroupSize} />
          ) : (
            <p className="r-hint">{t('agenda.report.noResults')}</p>
          )}
        </Section>
      ))}

      {storyValueIds.length > 0 ? (
        <Section id="stories" title={t('agenda.report.stories')} kicker={t('agenda.report.valuesHeading')} runningHead={head}>
          <p className="r-hint">{t('agenda.report.storiesHint')}</p>
          {storyValueIds.map((id) => {
            const stories = storiesFor(doc, id, STORIES_PER_VALUE);
            return (
              <section key={id} className="r-stories r-keep">
                <h3>{names.value(id)}</h3>
                {stories.length === 0 ? <p className="r-hint">{t('agenda.report.noStories')}</p> : null}
                <ul>
                  {stories.map((s) => (
                    <li key={s.id}>
                      <blockquote>{s.text}</blockquote>
                      {s.endorsements.length > 0 ? <p className="r-sub">{t('agenda.report.endorsements', { count: s.endorsements.length })}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </Section>
      ) : null}
    </main>
  );
}

function StepMeta({ activity: a, names }: { activity: ExportActivity; names: ReturnType<typeof reportNames> }) {
  const { t } = useTranslation();
  const counted = a.answers.filter((x) => x.counted);
  const byGroup = new Map<string, number>();
  for (const x of counted) byGroup.set(x.groupId, (byGroup.get(x.groupId) ?? 0) + 1);
  const list = [...byGroup.entries()]
    .sort(([a], [b]) => names.groupIndex(a) - names.groupIndex(b))
    .map(([g, n]) => `${names.group(g)} ${n}`)
    .join(', ');
  return (
    <p className="r-stepmeta">
      <strong>{t('agenda.report.answers', { count: counted.length })}</strong>
      {list ? ` · ${t('agenda.report.answersByGroup', { list })}` : null}
      {!a.revealed && counted.length > 0 ? <span className="r-tag">{t('agenda.report.notRevealed')}</span> : null}
    </p>
  );
}
