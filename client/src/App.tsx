import { Route, Switch } from 'wouter';
import { BoardPage } from './views/board/BoardPage.js';
import { ConsolePage } from './views/console/ConsolePage.js';
import { HomePage } from './views/home/HomePage.js';
import { JoinCodePage } from './views/join/JoinCodePage.js';
import { ParticipantPage } from './views/participant/ParticipantPage.js';
import { ReportPage } from './views/report/ReportPage.js';

export function App() {
  return (
    <Switch>
      <Route path="/">
        <HomePage />
      </Route>
      <Route path="/join">
        <JoinCodePage />
      </Route>
      <Route path="/j/:code">{(p) => <ParticipantPage code={p.code} />}</Route>
      <Route path="/f/:code">{(p) => <ConsolePage code={p.code} />}</Route>
      <Route path="/b/:code">{(p) => <BoardPage code={p.code} />}</Route>
      <Route path="/r/:code">{(p) => <ReportPage code={p.code} />}</Route>
      <Route>
        <JoinCodePage />
      </Route>
    </Switch>
  );
}
