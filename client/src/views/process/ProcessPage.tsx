import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { normaliseJoinCode, type ProcessReport } from '../../../../shared/index.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { useLang } from '../../i18n/index.js';
import { registerStrings } from '../../i18n/lazy.js';
import { processEn } from '../../i18n/process.en.js';
import { processNl } from '../../i18n/process.nl.js';
import { forgetProcess, organiserTokenFor, rememberProcess } from '../../lib/myProcesses.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { MeetingList } from './MeetingList.js';
import { DeleteProcess, EditProcess, NewMeeting, ProcessFiles } from './OrganiserTools.js';
import { AgreementFigure, ParticipationFigure, PrioritiesFigure, ScanFigure } from './ProcessCharts.js';
import { getProcess, ProcessHttpError } from './processApi.js';
import '../home/home.css';
import './process.css';

registerStrings('process', { nl: processNl, en: processEn });

type Load = { state: 'loading' } | { state: 'error'; status: number | null } | { state: 'ready'; report: ProcessReport };

/** The organiser token from the address's fragment (never sent to the server in a URL); the skip link's own target is no token. */
function tokenFromHash(): string | null {
  const raw = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  return raw && raw !== MAIN_ID ? raw : null;
}

/** Takes the fragment out of the address bar (and the history), so the secret is not shown, bookmarked or shared by accident. */
function stripHash(): void {
  if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/**
 * /p/:code — the process page. With the organiser token (from the link's fragment, or
 * remembered by this browser) the organiser's version: every feedback draft, the meetings'
 * console links, editing, new meetings, the export, deleting. Without it the public, read-only
 * version: the same figures and the published "you said, we did".
 */
export function ProcessPage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = normaliseJoinCode(raw);
  const [token, setToken] = useState<string | null>(() => tokenFromHash() ?? organiserTokenFor(code));
  const [refused, setRefused] = useState(false);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [deleted, setDeleted] = useState(false);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const report = load.state === 'ready' ? load.report : null;
  useDocumentTitle(report ? `${report.process.title} · ${t('process.title')}` : t('process.title'));

  useEffect(() => {
    if (deleted) return;
    // A token the server does not take is of no use remembered: this browser forgets it.
    const refuse = (refusedToken: string) => {
      if (organiserTokenFor(code) === refusedToken) forgetProcess(code);
      setRefused(true);
      setToken(null);
    };
    let live = true;
    getProcess(code, token)
      .then((r) => {
        if (!live) return;
        if (token && !r.organiser) {
          // The server read the token as no organiser's: the public version is what this is.
          refuse(token);
        } else if (token) {
          rememberProcess({ code, title: r.process.title, organiserToken: token, createdAt: Date.now() });
          stripHash();
        }
        setLoad({ state: 'ready', report: r });
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (token && err instanceof ProcessHttpError && (err.status === 401 || err.status === 403)) {
          refuse(token);
          return;
        }
        setLoad({ state: 'error', status: err instanceof ProcessHttpError ? err.status : null });
      });
    return () => {
      live = false;
    };
  }, [code, token, attempt, deleted]);

  const organiser = report?.organiser === true && token !== null;

  return (
    <div className="process-page">
      <SkipLink />
      <header className="p-header">
        <Link href="/" className="brand p-brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        <LangToggle />
      </header>
      <main className="p-main" id={MAIN_ID} tabIndex={-1} aria-busy={load.state === 'loading'}>
        {refused ? (
          <p role="alert" className="notice p-notice">
            {t('process.page.tokenRefused')}
          </p>
        ) : null}
        {deleted ? (
          <div className="gate">
            <p role="status" className="gate-message">
              {t('process.delete.done')}
            </p>
            <Link href="/">{t('common.backHome')}</Link>
          </div>
        ) : load.state === 'loading' ? (
          <p className="gate-message" role="status">
            {t('process.page.loading')}
          </p>
        ) : load.state === 'error' ? (
          <div className="gate">
            <p role="alert" className="gate-message">
              {load.status === 404 ? t('process.page.notFound') : t('process.page.failed', { reason: load.status === null ? t('errors.network') : t('errors.http', { status: load.status }) })}
            </p>
            {load.status === 404 ? (
              <Link href="/">{t('common.backHome')}</Link>
            ) : (
              <button type="button" className="btn-secondary" onClick={reload}>
                {t('process.page.retry')}
              </button>
            )}
          </div>
        ) : (
          <ProcessContent report={load.report} lang={lang} code={code} organiserToken={organiser ? token : null} onChanged={reload} onDeleted={() => setDeleted(true)} />
        )}
      </main>
    </div>
  );
}

function ProcessContent({
  report,
  lang,
  code,
  organiserToken,
  onChanged,
  onDeleted,
}: {
  report: ProcessReport;
  lang: ReturnType<typeof useLang>;
  code: string;
  organiserToken: string | null;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const tools = organiserToken ? { report, code, organiserToken, lang, onChanged } : null;
  return (
    <>
      <div className="p-title">
        <p className="p-kicker">
          {t('process.title')}
          {organiserToken ? <span className="tag">{t('process.page.organiserBadge')}</span> : null}
        </p>
        <h1>{report.process.title}</h1>
        {report.process.area ? <p className="p-area">{report.process.area}</p> : null}
        <p className="p-meta">{t('process.page.summary', { count: report.meetings.length, groups: report.groups.length })}</p>
      </div>
      <div className={tools ? 'p-layout has-tools' : 'p-layout'}>
        <div className="p-content">
          <MeetingList report={report} lang={lang} organiserToken={organiserToken} />
          <ParticipationFigure report={report} lang={lang} />
          <PrioritiesFigure report={report} lang={lang} />
          <AgreementFigure report={report} lang={lang} />
          <ScanFigure report={report} lang={lang} />
        </div>
        {tools ? (
          <aside className="p-aside" aria-label={t('process.page.toolsLabel')}>
            <NewMeeting {...tools} />
            <EditProcess {...tools} />
            <ProcessFiles code={code} organiserToken={tools.organiserToken} />
            <DeleteProcess report={report} code={code} organiserToken={tools.organiserToken} onDeleted={onDeleted} />
          </aside>
        ) : null}
      </div>
    </>
  );
}
