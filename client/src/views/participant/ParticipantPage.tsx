import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isJoinCode, normaliseJoinCode } from '../../../../shared/index.js';
import { ConnectionGate } from '../../components/ConnectionGate.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { OfflineBanner } from '../../components/OfflineBanner.js';
import { currentPublicActivity } from '../../lib/currentActivity.js';
import { groupJoinCode } from '../../lib/format.js';
import { keys, readString } from '../../lib/storage.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useWorkshopConnection } from '../../net/useWorkshopConnection.js';
import { useStore } from '../../store/index.js';
import { selectMe } from '../../store/selfSlice.js';
import { PhoneFeedback } from './FeedbackSection.js';
import { JoinForm } from './JoinForm.js';
import { OnlineSteps, useOnlineSteps } from './OnlineSteps.js';
import { PhoneActivity } from './PhoneActivity.js';
import { useStepFocus } from './useStepFocus.js';
import { YouBar } from './YouBar.js';
import './phone.css';

/** /j/:code — the participant's phone: join, then follow the facilitator's steps. */
export function ParticipantPage({ code: raw }: { code: string }) {
  const { t } = useTranslation();
  const code = normaliseJoinCode(raw);
  const valid = isJoinCode(code);
  useWorkshopConnection(valid ? code : null, { participantToken: () => readString(keys.participantToken(code)) });
  useDocumentTitle(useStore((s) => s.room?.title));

  return (
    <div className="phone">
      <SkipLink />
      <header className="phone-header">
        <p className="brand">
          {t('app.name')} <span className="code-chip">{groupJoinCode(code)}</span>
        </p>
        <LangToggle />
      </header>
      <OfflineBanner />
      {valid ? (
        <ConnectionGate className="phone-main">
          <PhoneBody />
        </ConnectionGate>
      ) : (
        <main className="phone-main" id={MAIN_ID} tabIndex={-1}>
          <p role="alert">{t('join.invalid')}</p>
          <Link href="/join" className="btn-primary btn-large">
            {t('common.goToJoin')}
          </Link>
        </main>
      )}
    </div>
  );
}

function PhoneBody() {
  const { t } = useTranslation();
  const joined = useStore((s) => selectMe(s) !== null);
  const returning = useStore((s) => s.participantToken !== null);
  if (joined) return <JoinedBody />;
  if (returning) {
    return (
      <main className="phone-main" id={MAIN_ID} tabIndex={-1} aria-busy="true">
        <p className="gate-message">{t('phone.welcomeBack')}</p>
      </main>
    );
  }
  return (
    <main className="phone-main" id={MAIN_ID} tabIndex={-1}>
      <JoinForm />
    </main>
  );
}

/**
 * The joined phone: the current step, with focus and scroll moved to its heading when it changes;
 * after the evening, while steps are open online, the list of them (OnlineSteps) instead.
 */
function JoinedBody() {
  const main = useRef<HTMLElement>(null);
  const activity = useStore((s) => currentPublicActivity(s.room));
  const summary = useStore((s) => s.room?.summaryPublished === true);
  const online = useOnlineSteps();
  const [picked, setPicked] = useState<string | null>(null);
  const pickedOpen = picked !== null && online.some((a) => a.id === picked) ? picked : null;
  // The same condition PhoneActivity uses for the summary taking the step's place.
  const idle = !activity || activity.status === 'pending' || activity.status === 'closed';
  const step = online.length > 0 ? `online:${pickedOpen ?? 'list'}` : summary && idle ? 'summary' : (activity?.id ?? 'none');
  useStepFocus(main, step, online.length > 0 ? 'online' : (activity?.status ?? 'none'));
  return (
    <>
      <YouBar />
      <main className="phone-main" id={MAIN_ID} tabIndex={-1} ref={main}>
        {online.length > 0 ? <OnlineSteps steps={online} picked={pickedOpen} onPick={setPicked} /> : <PhoneActivity />}
        {/* "You said, we did", once published: after the step (or the summary) at every step. */}
        <PhoneFeedback />
      </main>
    </>
  );
}
