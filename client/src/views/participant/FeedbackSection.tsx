import { lazy, Suspense } from 'react';
import { loadPage } from '../../lib/loadPage.js';
import { useLang } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { viewNames } from '../summary/PublishedSummary.js';

/*
 * "You said, we did" on the phone. The list itself (FeedbackList) is a chunk of its own: it is
 * published days after the meeting, so a phone in the room does not download it with its first
 * load; a phone that has entries to show fetches it then.
 */
const LazyFeedbackList = lazy(() => loadPage(import('./FeedbackList.js'), (m) => m.FeedbackList));

const NONE: string[] = [];

/** The published entries on a phone (joined or not), the reader's own first: nothing before publishing or without entries. */
export function PhoneFeedback() {
  const lang = useLang();
  const room = useStore((s) => s.room);
  const aboutYou = useStore((s) => s.self?.feedbackAboutYou ?? NONE);
  const feedback = room?.feedback ?? null;
  if (!room || !feedback || feedback.publishedAt === null || feedback.entries.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <LazyFeedbackList feedback={feedback} aboutYou={aboutYou} names={viewNames(room, lang)} level={2} id="feedback" />
    </Suspense>
  );
}

/** Whether the phone has published entries to show (the join form links down to them). */
export function useHasFeedback(): boolean {
  return useStore((s) => (s.room?.feedback?.publishedAt ?? null) !== null && (s.room?.feedback?.entries.length ?? 0) > 0);
}
