import { useTranslation } from 'react-i18next';
import { currentPublicActivity } from '../../lib/currentActivity.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { ExploreView } from './ExploreView.js';
import { TimerBar } from '../../components/TimerBar.js';
import { PublishedSummary } from '../summary/PublishedSummary.js';
import { ScanView } from './scan/ScanView.js';
import { isVoteActivity } from '../board/results/voteText.js';
import { VoteActivity } from './vote/VoteActivity.js';

/** What the phone shows: the summary once the facilitator sent it, the step's timer, and the step. */
export function PhoneActivity() {
  const activity = useStore((s) => currentPublicActivity(s.room));
  const summary = useStore((s) => s.room?.summaryPublished === true);
  // At the end, the summary replaces "wait for the next step".
  const idle = !activity || activity.status === 'pending' || activity.status === 'closed';
  return (
    <>
      <PublishedSummary variant="phone" />
      {activity?.status === 'open' ? <TimerBar openedAt={activity.openedAt} endsAt={activity.endsAt} className="phone-timer" /> : null}
      {summary && idle ? null : <PhoneStep />}
    </>
  );
}

/** What the phone shows for the facilitator's current step. */
function PhoneStep() {
  const { t } = useTranslation();
  const text = useActivityText();
  const activity = useStore((s) => currentPublicActivity(s.room));

  if (!activity || activity.status === 'pending') {
    return (
      <section className="waiting" aria-live="polite">
        <h1>{t('phone.waitingTitle')}</h1>
        <p>{t('phone.waitingText')}</p>
      </section>
    );
  }
  if (activity.kind === 'scan') return <ScanView activity={activity} />;
  if (isVoteActivity(activity)) return <VoteActivity activity={activity} />;
  if (activity.status === 'closed') {
    return (
      <section className="waiting" aria-live="polite">
        <h1>{t('phone.closedTitle')}</h1>
        <p>{t('phone.closedText')}</p>
      </section>
    );
  }
  if (activity.kind === 'explore') return <ExploreView question={text.question(activity)} locked={activity.status === 'locked'} />;
  return (
    <section className="waiting" aria-live="polite">
      <h1>{t('phone.notYetTitle', { kind: text.name(activity) })}</h1>
      <p>{text.question(activity)}</p>
      <p>{t('phone.notYetText')}</p>
    </section>
  );
}
