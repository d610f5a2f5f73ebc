import { isVoteActivity } from '../views/board/results/voteText.js';
import { VoteActivity } from '../views/participant/vote/VoteActivity.js';
import type { PhonePart, StepProps } from './types.js';

/** The phone's ballot, and the answer given and the results after reveal. */
export function VotePhone({ activity }: StepProps) {
  return isVoteActivity(activity) ? <VoteActivity activity={activity} /> : null;
}

/** The phone's part of the three votes (dots, rank, points). */
export const votePhone: PhonePart = { Step: VotePhone, afterClose: 'step' };
