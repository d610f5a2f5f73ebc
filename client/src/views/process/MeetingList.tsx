import { useTranslation } from 'react-i18next';
import type { FeedbackEntry, Lang, ProcessMeeting, ProcessReport } from '../../../../shared/index.js';
import { groupJoinCode } from '../../lib/format.js';
import { formats, localizedText, reportNames } from './processText.js';

interface Props {
  report: ProcessReport;
  lang: Lang;
  /** The organiser's token: per meeting the console, report and record links. Null on the public page. */
  organiserToken: string | null;
}

/** The meetings, oldest first: when, what was common ground and what was tension, and "you said, we did". */
export function MeetingList({ report, lang, organiserToken }: Props) {
  const { t } = useTranslation();
  return (
    <section className="p-section" aria-labelledby="p-meetings-h">
      <h2 id="p-meetings-h">{t('process.meetings.heading')}</h2>
      {report.meetings.length === 0 ? <p className="empty">{t('process.noMeetings')}</p> : null}
      <ol className="p-meetings">
        {report.meetings.map((m) => (
          <li key={m.workshopId}>
            <Meeting meeting={m} report={report} lang={lang} organiserToken={organiserToken} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Meeting({ meeting: m, report, lang, organiserToken }: { meeting: ProcessMeeting; report: ProcessReport; lang: Lang; organiserToken: string | null }) {
  const { t } = useTranslation();
  const f = formats(lang);
  const names = reportNames(report, lang);
  const headingId = `p-m-${m.index}`;
  const common = m.commonGround.filter((c) => c.flagged);
  const tensions = m.tensions.filter((x) => x.flagged);
  const status =
    m.online !== null
      ? t('process.meetings.onlineUntil', { date: f.date(m.online.until) })
      : m.heldAt !== null
        ? t('process.meetings.held', { date: f.date(m.heldAt) })
        : t('process.meetings.notHeld', { date: f.date(m.createdAt) });
  return (
    <article className="p-meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="p-meeting-n">{t('process.charts.meetingN', { n: m.index })}</span> {m.title}
      </h3>
      <p className="p-meta">
        {status} · <span className="code-chip">{groupJoinCode(m.code)}</span>
      </p>

      {organiserToken ? (
        <ul className="p-links" aria-label={t('process.meetings.linksLabel', { title: m.title })}>
          <li>
            <a className="btn-primary btn-small" href={`/f/${m.code}#${organiserToken}`}>
              {t('process.meetings.console')}
            </a>
          </li>
          <li>
            <a className="btn-secondary btn-small" href={`/b/${m.code}`}>
              {t('process.meetings.board')}
            </a>
          </li>
          <li>
            <a className="btn-secondary btn-small" href={`/j/${m.code}`}>
              {t('process.meetings.join')}
            </a>
          </li>
          <li>
            <a className="btn-secondary btn-small" href={`/r/${m.code}#${organiserToken}`}>
              {t('process.meetings.report')}
            </a>
          </li>
          <li>
            <a className="btn-secondary btn-small" href={`/r/${m.code}/record#${organiserToken}`}>
              {t('process.meetings.record')}
            </a>
          </li>
        </ul>
      ) : (
        <p>
          <a href={`/j/${m.code}`}>{t('process.meetings.publicJoin')}</a>
        </p>
      )}

      <div className="p-meeting-body">
        <div>
          <h4>{t('process.meetings.commonGround')}</h4>
          {common.length === 0 ? (
            <p className="empty">{m.voteActivityId === null ? t('process.meetings.noVote') : t('process.meetings.noCommonGround')}</p>
          ) : (
            <ul>
              {common.map((c) => (
                <li key={c.valueId}>
                  {t('process.meetings.commonItem', { value: names.value(c.valueId), support: f.percent(c.lowestSupport), group: names.group(c.lowestGroupId) })}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4>{t('process.meetings.tension')}</h4>
          {tensions.length === 0 ? (
            <p className="empty">{m.voteActivityId === null ? t('process.meetings.noVote') : t('process.meetings.noTension')}</p>
          ) : (
            <ul>
              {tensions.map((x) => (
                <li key={x.valueId}>
                  {t('process.meetings.tensionItem', { value: names.value(x.valueId), high: names.group(x.highGroupId), low: names.group(x.lowGroupId), spread: f.percent(x.spread) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {m.options && (m.options.winner || m.options.liveWith) ? (
        <p className="p-options">
          {m.options.winner ? t('process.meetings.optionsWinner', { option: localizedText(m.options.winner, lang) }) : null}{' '}
          {m.options.liveWith ? t('process.meetings.optionsLiveWith', { option: localizedText(m.options.liveWith, lang) }) : null}
        </p>
      ) : null}

      <Feedback meeting={m} names={names} organiser={organiserToken !== null} lang={lang} />
    </article>
  );
}

function Feedback({ meeting: m, names, organiser, lang }: { meeting: ProcessMeeting; names: ReturnType<typeof reportNames>; organiser: boolean; lang: Lang }) {
  const { t } = useTranslation();
  const entries = m.feedback?.entries ?? [];
  const draft = m.feedback !== null && m.feedback.publishedAt === null;
  const about = (e: FeedbackEntry) => {
    switch (e.target.kind) {
      case 'value':
        return t('process.feedback.aboutValue', { value: names.value(e.target.id) });
      case 'tension':
        return t('process.feedback.aboutTension', { value: names.value(e.target.id) });
      case 'option': {
        const title = m.feedbackOptions[`${e.target.activityId ?? ''}:${e.target.id ?? ''}`];
        return t('process.feedback.aboutOption', { option: title ? localizedText(title, lang) : '–' });
      }
      case 'general':
        return t('process.feedback.aboutGeneral');
    }
  };
  return (
    <div className="p-feedback">
      <h4>
        {t('process.feedback.heading')}
        {draft && entries.length > 0 ? <span className="tag tag-warn">{t('process.feedback.draft')}</span> : null}
      </h4>
      {draft && entries.length > 0 ? <p className="field-hint">{t('process.feedback.draftHint')}</p> : null}
      {entries.length === 0 ? (
        <p className="empty">{organiser ? t('process.feedback.noneOrganiser') : t('process.feedback.none')}</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.id} className={draft ? 'p-entry is-draft' : 'p-entry'}>
              <p className="p-entry-about">{about(e)}</p>
              <p className="p-entry-decision">
                <span className="sr-only">{t('process.feedback.weDid')} </span>
                {e.decision}
              </p>
              {e.reason ? <p>{t('process.feedback.reason', { reason: e.reason })}</p> : null}
              {e.when ? <p className="p-meta">{t('process.feedback.when', { when: e.when })}</p> : null}
              {e.link ? (
                <p>
                  <a href={e.link} rel="noopener noreferrer" target="_blank">
                    {t('process.feedback.link')}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
