import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { normaliseJoinCode } from '../../../../shared/index.js';
import { ConnectionGate } from '../../components/ConnectionGate.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { NoticeBar } from '../../components/NoticeBar.js';
import { hostTokenFor, rememberWorkshop } from '../../lib/myWorkshops.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopConnection } from '../../net/useWorkshopConnection.js';
import { useStore } from '../../store/index.js';
import { AddValueForm } from './AddValueForm.js';
import { AgendaPanel } from './AgendaPanel.js';
import { ClosePanel } from './agenda/ClosePanel.js';
import { RunBar } from './agenda/RunBar.js';
import { VotePanel } from './results/VotePanel.js';
import { CLIENT_KINDS } from '../../kinds/index.js';
import { isVoteActivity } from '../board/results/voteText.js';
import { ConsoleHeader } from './ConsoleHeader.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import { FeedbackPanel } from './feedback/FeedbackPanel.js';
import { ModerationWall } from './ModerationWall.js';
import { OnlinePanel } from './online/OnlinePanel.js';
import { ParticipationPanel } from './ParticipationPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import './console.css';

/** The host token comes from the URL fragment (never sent to the server in the URL) or this browser's memory. */
function readHostToken(code: string): string | null {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  return fromHash || hostTokenFor(code);
}

/** /f/:code — the facilitator's console on a laptop. */
export function ConsolePage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const code = normaliseJoinCode(raw);
  const [hostToken] = useState(() => readHostToken(code));
  useWorkshopConnection(hostToken ? code : null, { hostToken });
  const title = useStore((s) => s.host?.title ?? null);
  const voteNow = useStore((s) => isVoteActivity(s.host?.activities.find((a) => a.id === s.host?.currentActivityId)));
  useDocumentTitle(`${title ?? code} · ${t('console.windowTitle')}`);

  // Remember the workshop once the server accepted the token, so a reload without the fragment works.
  useEffect(() => {
    if (title !== null && hostToken) rememberWorkshop({ code, title, hostToken, createdAt: Date.now() });
  }, [code, title, hostToken]);

  if (!hostToken) {
    return (
      <main className="gate">
        <p role="alert" className="gate-message">
          {t('console.noToken')}
        </p>
        <Link href="/">{t('common.backHome')}</Link>
        <LangToggle />
      </main>
    );
  }
  return (
    <div className="console">
      <ConnectionGate>
        <SkipLink />
        <ConsoleHeader code={code} hostToken={hostToken} />
        <NoticeBar />
        <div className="console-body">
          <aside className="console-side">
            <ParticipationPanel />
            <AgendaPanel />
            <ClosePanel code={code} hostToken={hostToken} />
            <OnlinePanel />
            <SettingsPanel code={code} hostToken={hostToken} />
            <AddValueForm />
          </aside>
          <main className="console-main" id={MAIN_ID} tabIndex={-1}>
            <RunBar />
            {/* The panels for the step that runs come first: its kind's panel (during a vote the
                votes' results), otherwise the merge suggestions and the wall, not the next vote's
                settings above them. */}
            <CurrentStepPanel />
            <DuplicatesPanel />
            <ModerationWall />
            {voteNow ? null : <VotePanel />}
            <FeedbackPanel />
          </main>
        </div>
      </ConnectionGate>
    </div>
  );
}

/** The current step's own panel (kinds/index.ts), or nothing when its kind has none. */
function CurrentStepPanel() {
  const activity = useStore((s) => s.host?.activities.find((a) => a.id === s.host?.currentActivityId) ?? null);
  const Panel = activity ? CLIENT_KINDS[activity.kind].Console : null;
  return activity && Panel ? <Panel activity={activity} /> : null;
}
