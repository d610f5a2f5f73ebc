import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { normaliseJoinCode, type ProcessExportDocument, type ProcessReport } from '../../../../shared/index.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { useLang } from '../../i18n/index.js';
import { registerStrings } from '../../i18n/lazy.js';
import { recordEn } from '../../i18n/record.en.js';
import { recordNl } from '../../i18n/record.nl.js';
import { hostTokenFor } from '../../lib/myWorkshops.js';
import { organiserTokenFor } from '../../lib/myProcesses.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { ProcessRecord } from './ProcessRecord.js';
import { WorkshopRecord } from './WorkshopRecord.js';
import type { RecordDoc } from './recordData.js';
import '../report/report.css';
import './record.css';

registerStrings('record', { nl: recordNl, en: recordEn });

class LoadError extends Error {
  constructor(readonly status: number | null) {
    super(`record load failed: ${status ?? 'network'}`);
  }
}

async function getJson<T>(url: string, token: string | null): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : undefined);
  } catch {
    throw new LoadError(null);
  }
  if (!res.ok) throw new LoadError(res.status);
  return (await res.json()) as T;
}

/** The token from the URL fragment (never sent in a URL), else what this browser remembered. */
function tokenFromFragment(): string | null {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')) || null;
}

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

function useLoad<T>(token: string | null, load: (token: string) => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const { t } = useTranslation();
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!token) return;
    let live = true;
    setState({ state: 'loading' });
    load(token)
      .then((data) => live && setState({ state: 'ready', data }))
      .catch((err: unknown) => {
        if (!live) return;
        const status = err instanceof LoadError ? err.status : null;
        const message =
          status === 404
            ? t('record.notFound')
            : status === 401 || status === 403
              ? t('record.forbidden')
              : t('record.failed', { reason: status === null ? t('errors.network') : t('errors.http', { status }) });
        setState({ state: 'error', message });
      });
    return () => {
      live = false;
    };
    // `load` is made anew each render; what it fetches is fixed by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, attempt, t, ...deps]);
  return [state, () => setAttempt((n) => n + 1)];
}

function Shell<T>({ token, load, retry, back, children }: { token: string | null; load: Load<T>; retry: () => void; back: ReactNode; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="report rec">
      <SkipLink />
      <div className="report-toolbar">
        {back}
        <span className="report-toolbar-hint">{t('record.printHint')}</span>
        <button type="button" className="btn-primary" onClick={() => window.print()} disabled={load.state !== 'ready'}>
          {t('record.print')}
        </button>
        <LangToggle />
      </div>
      {!token ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1}>
          <p role="alert" className="gate-message">
            {t('record.noToken')}
          </p>
          <Link href="/">{t('common.backHome')}</Link>
        </main>
      ) : load.state === 'loading' ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1} aria-busy="true">
          <p className="gate-message">{t('record.loading')}</p>
        </main>
      ) : load.state === 'error' ? (
        <main className="gate" id={MAIN_ID} tabIndex={-1}>
          <p role="alert" className="gate-message">
            {load.message}
          </p>
          <button type="button" className="btn-secondary" onClick={retry}>
            {t('record.retry')}
          </button>
        </main>
      ) : (
        children(load.data)
      )}
    </div>
  );
}

/**
 * /r/:code/record — the participation record of one meeting: the workshop export (with the host
 * token, or the organiser token of its process) laid out as A4 pages; the area comes from the
 * process's public page when the meeting is part of one.
 */
export function WorkshopRecordPage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = normaliseJoinCode(raw);
  const [token] = useState(() => tokenFromFragment() ?? hostTokenFor(code));
  const [load, retry] = useLoad<{ doc: RecordDoc; area: string | null }>(
    token,
    async (tok) => {
      const doc = await getJson<RecordDoc>(`/api/workshops/${encodeURIComponent(code)}/export`, tok);
      const processCode = doc.process?.code ?? null;
      // The area is on the process, not the meeting: read it from the public process page (nothing when that fails).
      const area = processCode ? await getJson<ProcessReport>(`/api/processes/${encodeURIComponent(processCode)}`, null).then((r) => r.process.area || null, () => null) : null;
      return { doc, area };
    },
    [code],
  );
  useDocumentTitle(load.state === 'ready' ? `${load.data.doc.workshop.title} · ${t('record.windowTitle')}` : t('record.windowTitle'));
  return (
    <Shell
      token={token}
      load={load}
      retry={retry}
      back={
        <>
          <Link href={`/f/${code}`} className="btn-link">
            ← {t('record.toConsole')}
          </Link>
          <Link href={`/r/${code}`} className="btn-link">
            {t('record.toReport')}
          </Link>
        </>
      }
    >
      {(data) => <WorkshopRecord doc={data.doc} lang={lang} area={data.area} />}
    </Shell>
  );
}

/** /p/:code/record — the participation record of a whole process: its export, with the organiser token. */
export function ProcessRecordPage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = normaliseJoinCode(raw);
  const [token] = useState(() => tokenFromFragment() ?? organiserTokenFor(code));
  const [load, retry] = useLoad<ProcessExportDocument>(token, (tok) => getJson<ProcessExportDocument>(`/api/processes/${encodeURIComponent(code)}/export`, tok), [code]);
  useDocumentTitle(load.state === 'ready' ? `${load.data.process.title} · ${t('record.windowTitle')}` : t('record.windowTitle'));
  return (
    <Shell
      token={token}
      load={load}
      retry={retry}
      back={
        <Link href={`/p/${code}`} className="btn-link">
          ← {t('record.toProcess')}
        </Link>
      }
    >
      {(doc) => <ProcessRecord doc={doc} lang={lang} />}
    </Shell>
  );
}
