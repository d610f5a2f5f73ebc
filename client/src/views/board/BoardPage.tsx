import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isJoinCode, normaliseJoinCode, type PublicActivity } from '../../../../shared/index.js';
import { currentPublicActivity } from '../../lib/currentActivity.js';
import { ConnectionGate } from '../../components/ConnectionGate.js';
import { LangToggle } from '../../components/LangToggle.js';
import { i18n } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { keys, readString } from '../../lib/storage.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopConnection } from '../../net/useWorkshopConnection.js';
import { useStore } from '../../store/index.js';
import { GroupCounts } from './GroupCounts.js';
import { JoinPanel } from './JoinPanel.js';
import { TimerBar } from '../../components/TimerBar.js';
import { BoardSummary } from '../summary/BoardSummary.js';
import { CLIENT_KINDS } from '../../kinds/index.js';
import './board.css';

/** /b/:code — the projector: 1920×1080, read from the back of the room. */
export function BoardPage({ code: raw }: { code: string }) {
  const code = normaliseJoinCode(raw);
  useWorkshopConnection(isJoinCode(code) ? code : null, { view: 'board' });
  useWorkshopLanguage();
  const { t } = useTranslation();
  useDocumentTitle(`${useStore((s) => s.pub?.title) ?? code} · ${t('board.windowTitle')}`);
  return (
    <div className="board">
      <ConnectionGate className="board-gate">
        <BoardBody code={code} />
      </ConnectionGate>
      <BoardStatus />
      <LangToggle className="board-lang" />
    </div>
  );
}

/**
 * The board speaks to the room, so it starts in the workshop's language rather than the
 * laptop's; an explicit choice on this browser (the NL/EN toggle) still wins.
 */
function useWorkshopLanguage(): void {
  const language = useStore((s) => s.pub?.language ?? null);
  useEffect(() => {
    if (language && readString(keys.lang) === null) void i18n.changeLanguage(language);
  }, [language]);
}

function BoardStatus() {
  const { t } = useTranslation();
  const offline = useStore((s) => s.status === 'offline');
  return (
    <p role="status" className={offline ? 'board-offline' : 'board-offline is-empty'}>
      {offline ? t('board.offline') : null}
    </p>
  );
}

function BoardBody({ code }: { code: string }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const title = useStore((s) => s.pub?.title ?? '');
  const activity = useStore((s) => currentPublicActivity(s.pub));
  // A step with results (a vote, the scan, the options) stays up after it closes while they are
  // revealed, so the room can talk about them.
  const live = activity !== null && (activity.status === 'open' || activity.status === 'locked' || (activity.revealed && CLIENT_KINDS[activity.kind].board.revealedAfterClose));
  const summary = useStore((s) => s.pub?.summaryPublished === true);

  if (summary) return <BoardSummary code={code} />;
  if (!live) {
    return (
      <main className="board-waiting">
        <p className="board-workshop">{title}</p>
        <JoinPanel code={code} variant="hero">
          <h1 className="waiting-title">{t('board.waiting')}</h1>
          <p className="waiting-text">{t('board.waitingText')}</p>
        </JoinPanel>
        <GroupCounts />
      </main>
    );
  }
  return (
    <main className="board-live">
      <header className="board-top">
        <div className="board-heading">
          <p className="board-kicker">
            {text.name(activity)}
            {activity.status === 'locked' ? <span className="board-paused">{t('board.paused')}</span> : null}
            <span className="board-workshop-inline">{title}</span>
          </p>
          <h1>{text.question(activity)}</h1>
          {activity.status === 'open' ? <TimerBar openedAt={activity.openedAt} endsAt={activity.endsAt} className="board-timer" /> : null}
        </div>
        <JoinPanel code={code} variant="compact" />
      </header>
      <KindBoard activity={activity} />
    </main>
  );
}

/** The step's own view under the question, from its kind's module (kinds/index.ts). */
function KindBoard({ activity }: { activity: PublicActivity }) {
  const { View } = CLIENT_KINDS[activity.kind].board;
  return <View activity={activity} />;
}
