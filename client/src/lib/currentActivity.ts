import type { PublicActivity, PublicView } from '../../../shared/index.js';

/** The current activity with its round number (shared's currentActivity returns the plain Activity). */
export function currentPublicActivity(pub: Pick<PublicView, 'activities' | 'currentActivityId'> | null): PublicActivity | null {
  if (!pub || pub.currentActivityId === null) return null;
  return pub.activities.find((a) => a.id === pub.currentActivityId) ?? null;
}
