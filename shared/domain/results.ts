import { kindModule } from '../kinds/index.js';
import type { ActivityResults, VoteOf } from './resultsBase.js';
import { voteResults } from './resultsBase.js';
import type { WorkshopState } from './types.js';

/**
 * The results of one activity, computed from the state with the consensus math. The board,
 * the console, the phones and the export all show these numbers, so they are computed here only.
 */
export * from './resultsBase.js';

/**
 * Results of an activity, from its kind's module (KindModule.results); null for explore (no
 * results) or an unknown id.
 */
export function activityResults(state: WorkshopState, activityId: string, voteOf: VoteOf = voteResults): ActivityResults | null {
  const index = state.activities.findIndex((a) => a.id === activityId);
  const activity = state.activities[index];
  if (!activity) return null;
  return kindModule(activity.kind).results(state, activity, { index, voteOf });
}
