/** The rules of the activity `rank` (KindRules): each participant orders their top K of the values. */
import { fail, ok } from '../../protocol/errors.js';
import type { Activity } from '../../domain/types.js';
import { VOTE_LIMITS } from '../voteLimits.js';
import { unknownIds, voteRules } from '../voteRules.js';

/** K for a rank activity: the facilitator's K, or all values, never more than there are. */
export function rankLength(activity: Pick<Activity, 'config'>, valueCount: number): number {
  return Math.min(activity.config.rankK ?? valueCount, valueCount);
}

export const rankRules = voteRules({
  kind: 'rank',
  minValues: VOTE_LIMITS.minValues.rank,
  /** Exactly K distinct values that take part. */
  validate(activity, valueIds, answer) {
    const k = rankLength(activity, valueIds.length);
    if (new Set(answer.order).size !== answer.order.length) return fail('BAD_REQUEST', 'A value is ranked twice');
    if (unknownIds(answer.order, valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
    if (answer.order.length !== k) return fail('BAD_REQUEST', `Rank exactly ${k} values`);
    return ok(answer);
  },
});
