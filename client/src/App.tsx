import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { JoinCodePage } from './views/join/JoinCodePage.js';
import { ParticipantPage } from './views/participant/ParticipantPage.js';

// The phone's pages (/j/…, /join) are in the entry chunk: a phone on a slow network needs no
// second round trip. The console, board, report and home page are chunks of their own, loaded
// when their route is opened, so a phone never downloads them.
const HomePage = lazy(() => import('./views/home/HomePage.js').then((m) => ({ default: m.HomePage })));
const ConsolePage = lazy(() => import('./views/console/ConsolePage.js').then((m) => ({ default: m.ConsolePage })));
const BoardPage = lazy(() => import('./views/board/BoardPage.js').then((m) => ({ default: m.BoardPage })));
const ReportPage = lazy(() => import('./views/report/ReportPage.js').then((m) => ({ default: m.ReportPage })));

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

const Lazy = ({ children }: { children: ReactNode }) => <Suspense fallback={<PageLoading />}>{children}</Suspense>;

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
      <Route path="/r/:code">
        {(p) => (
          <Lazy>
            <ReportPage code={p.code} />
          </Lazy>
        )}
      </Route>
      <Route>
        <JoinCodePage />
      </Route>
    </Switch>
  );
}
