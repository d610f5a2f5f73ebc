import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../shared/index.js';
import { currentPublicActivity } from '../../lib/currentActivity.js';
import { useStore } from '../../store/index.js';
import { TimerBar } from '../../components/TimerBar.js';
import { PublishedSummary } from '../summary/PublishedSummary.js';
import { PHONE_PARTS } from '../../kinds/phoneParts.js';

/**
 * What the phone shows: the summary once the facilitator sent it, the step's timer, and the step.
 * With `online` (a step open online after the evening, OnlineSteps) only that step's kind's part.
 */
export function PhoneActivity({ online }: { online?: PublicActivity } = {}) {
  const activity = useStore((s) => currentPublicActivity(s.room));
  const summary = useStore((s) => s.room?.summaryPublished === true);
  // At the end, the summary replaces "wait for the next step".
  const idle = !activity || activity.status === 'pending' || activity.status === 'closed';
  usePreloadSteps();
  if (online) {
    const { Step } = PHONE_PARTS[online.kind];
    return <Step activity={online} />;
  }
  return (
    <>
      <PublishedSummary variant="phone" />
      {activity?.status === 'open' ? <TimerBar openedAt={activity.openedAt} endsAt={activity.endsAt} className="phone-timer" /> : null}
      {summary && idle ? null : <PhoneStep />}
    </>
  );
}

/** Fetches the code of every kind on the agenda whose phone step is a chunk of its own (PhonePart.preload), once. */
function usePreloadSteps(): void {
  const kinds = useStore((s) => [...new Set((s.room?.activities ?? []).map((a) => a.kind))].sort().join(' '));
  useEffect(() => {
    for (const kind of kinds.split(' ')) {
      const part = Object.hasOwn(PHONE_PARTS, kind) ? PHONE_PARTS[kind as keyof typeof PHONE_PARTS] : undefined;
      void part?.preload?.().catch(() => undefined);
    }
  }, [kinds]);
}

/** What the phone shows for the facilitator's current step: its kind's step (kinds/phoneParts.ts). */
function PhoneStep() {
  const { t } = useTranslation();
  const activity = useStore((s) => currentPublicActivity(s.room));

  if (!activity || activity.status === 'pending') {
    return (
      <section className="waiting" aria-live="polite">
        <h1>{t('phone.waitingTitle')}</h1>
        <p>{t('phone.waitingText')}</p>
      </section>
    );
  }
  const phone = PHONE_PARTS[activity.kind];
  if (activity.status === 'closed' && phone.afterClose === 'closed') {
    return (
      <section className="waiting" aria-live="polite">
        <h1>{t('phone.closedTitle')}</h1>
        <p>{t('phone.closedText')}</p>
      </section>
    );
  }
  return <phone.Step activity={activity} />;
}
