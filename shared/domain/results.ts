import { kindModule } from '../kinds/index.js';
import { computeVoteResults, type VoteResults } from '../consensus/index.js';
import { voteInput, type ActivityResults, type VoteActivity, type VoteOf } from './resultsBase.js';
import type { WorkshopState } from './types.js';

/**
 * The results of one activity, computed from the state with the consensus math. The board,
 * the console, the phones and the export all show these numbers, so they are computed here only.
 */
export * from './resultsBase.js';

/**
 * One vote activity's results from its counted answers. Here, not in resultsBase.ts with the
 * helpers the phone reads (openAnswerId…): the bundler places a module in one chunk as a whole,
 * so a helper module that called the vote math would bring it into the phone's first load.
 */
export function voteResults(state: WorkshopState, activity: VoteActivity): VoteResults {
  return computeVoteResults(voteInput(state, activity));
}

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
