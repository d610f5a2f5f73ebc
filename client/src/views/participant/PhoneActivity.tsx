import { useTranslation } from 'react-i18next';
import { currentPublicActivity } from '../../lib/currentActivity.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { ExploreView } from './ExploreView.js';

/** What the phone shows for the facilitator's current step. */
export function PhoneActivity() {
  const { t } = useTranslation();
  const text = useActivityText();
  const activity = useStore((s) => currentPublicActivity(s.pub));

  if (!activity || activity.status === 'pending') {
    return (
      <section className="waiting" aria-live="polite">
        <h1>{t('phone.waitingTitle')}</h1>
        <p>{t('phone.waitingText')}</p>
      </section>
    );
  }
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
