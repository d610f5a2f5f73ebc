import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { JoinCodePage } from './views/join/JoinCodePage.js';
import { ParticipantPage } from './views/participant/ParticipantPage.js';
import { loadPage, PageLoadError } from './lib/loadPage.js';

// The phone's pages (/j/…, /join) are in the entry chunk: a phone on a slow network needs no
// second round trip. The console, board, report and home page are chunks of their own, loaded
// when their route is opened, so a phone never downloads them.
const HomePage = lazy(() => loadPage(import('./views/home/HomePage.js'), (m) => m.HomePage));
const ConsolePage = lazy(() => loadPage(import('./views/console/ConsolePage.js'), (m) => m.ConsolePage));
const BoardPage = lazy(() => loadPage(import('./views/board/BoardPage.js'), (m) => m.BoardPage));
const ReportPage = lazy(() => loadPage(import('./views/report/ReportPage.js'), (m) => m.ReportPage));
const ProcessPage = lazy(() => loadPage(import('./views/process/ProcessPage.js'), (m) => m.ProcessPage));
const WorkshopRecordPage = lazy(() => loadPage(import('./views/record/RecordPage.js'), (m) => m.WorkshopRecordPage));
const ProcessRecordPage = lazy(() => loadPage(import('./views/record/RecordPage.js'), (m) => m.ProcessRecordPage));

/** What a lazily loaded page shows while its code arrives: a live status, not a blank screen. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <main className="gate" aria-busy="true">
      <p role="status" className="gate-message">
        {t('common.loading')}
      </p>
    </main>
  );
}

/** What a lazily loaded page shows when its code could not be fetched (offline, or a new deploy). */
export function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <main className="gate">
      <p role="alert" className="gate-message">
        {t('common.loadFailed')}
      </p>
      <p>
        <button type="button" className="btn-primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>
      </p>
    </main>
  );
}

class LoadFailureBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    // Anything but a failed download goes on up, as it would without this boundary.
    if (!(error instanceof PageLoadError)) throw error;
    return <PageLoadFailed />;
  }
}

const Lazy = ({ children }: { children: ReactNode }) => (
  <LoadFailureBoundary>
    <Suspense fallback={<PageLoading />}>{children}</Suspense>
  </LoadFailureBoundary>
);

export function App() {
  return (
    <Switch>
      <Route path="/">
        <Lazy>
          <HomePage />
        </Lazy>
      </Route>
      <Route path="/join">
        <JoinCodePage />
      </Route>
      <Route path="/j/:code">{(p) => <ParticipantPage code={p.code} />}</Route>
      <Route path="/f/:code">
        {(p) => (
          <Lazy>
            <ConsolePage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route path="/b/:code">
        {(p) => (
          <Lazy>
            <BoardPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route path="/r/:code/record">
        {(p) => (
          <Lazy>
            <WorkshopRecordPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route path="/p/:code/record">
        {(p) => (
          <Lazy>
            <ProcessRecordPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route path="/r/:code">
        {(p) => (
          <Lazy>
            <ReportPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route path="/p/:code">
        {(p) => (
          <Lazy>
            <ProcessPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route>
        <JoinCodePage />
      </Route>
    </Switch>
  );
}
