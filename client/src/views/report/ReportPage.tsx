import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { normaliseJoinCode, type ExportDocument } from '../../../../shared/index.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { useLang } from '../../i18n/index.js';
import { hostTokenFor } from '../../lib/myWorkshops.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { ExportError, fetchExport } from '../console/agenda/exports.js';
import { ReportDocument } from './ReportDocument.js';
import './report.css';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; doc: ExportDocument };

/** Like the console: the host token from the URL fragment (never sent in a URL) or this browser's memory. */
function readHostToken(code: string): string | null {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  return fromHash || hostTokenFor(code);
}

/**
 * /r/:code — the printable report: fetches the JSON export with the host token and lays it out
 * as A4 pages (see report.css for the print stylesheet). The browser's print dialog saves a PDF.
 */
export function ReportPage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = normaliseJoinCode(raw);
  const [hostToken] = useState(() => readHostToken(code));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(load.state === 'ready' ? `${load.doc.workshop.title} · ${t('agenda.report.windowTitle')}` : t('agenda.report.windowTitle'));

  useEffect(() => {
    if (!hostToken) return;
    let live = true;
    setLoad({ state: 'loading' });
    fetchExport(code, hostToken)
      .then((doc) => live && setLoad({ state: 'ready', doc }))
      .catch((err: unknown) => {
        if (!live) return;
        const message =
          err instanceof ExportError
            ? err.status === 404
              ? t('agenda.report.notFound')
              : err.status === 403 || err.status === 401
                ? t('agenda.report.forbidden')
                : t('agenda.report.failed', { reason: t('errors.http', { status: err.status }) })
            : t('agenda.report.failed', { reason: t('errors.network') });
        setLoad({ state: 'error', message });
      });
    return () => {
      live = false;
    };
  }, [code, hostToken, attempt, t]);

  return (
    <div className="report">
      <SkipLink />
      <div className="report-toolbar">
        <Link href={`/f/${code}`} className="btn-link">
          ← {t('console.windowTitle')}
        </Link>
        <span className="report-toolbar-hint">{t('agenda.report.printHint')}</span>
        <button type="button" className="btn-primary" onClick={() => window.print()} disabled={load.state !== 'ready'}>
          {t('agenda.report.print')}
        </button>
        <LangToggle />
      </div>
      {!hostToken ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1}>
          <p role="alert" className="gate-message">
            {t('agenda.report.noToken')}
          </p>
          <Link href="/">{t('common.backHome')}</Link>
        </main>
      ) : load.state === 'loading' ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1} aria-busy="true">
          <p className="gate-message">{t('agenda.report.loading')}</p>
        </main>
      ) : load.state === 'error' ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1}>
          <p role="alert" className="gate-message">
            {load.message}
          </p>
          <button type="button" className="btn-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('agenda.report.retry')}
          </button>
        </main>
      ) : (
        <ReportDocument doc={load.doc} lang={lang} />
      )}
    </div>
  );
}
