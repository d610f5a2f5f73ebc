/** The activity `rank`: each participant orders their top K of the values. */
import { fail, ok } from '../../protocol/errors.js';
import { VOTE_LIMITS } from '../voteLimits.js';
import type { Activity } from '../../domain/types.js';
import { csvItem, unknownIds, valueTitle, voteModule } from '../vote.js';
import { rankAnswerSchema } from './schema.js';

/** K for a rank activity: the facilitator's K, or all values, never more than there are. */
export function rankLength(activity: Pick<Activity, 'config'>, valueCount: number): number {
  return Math.min(activity.config.rankK ?? valueCount, valueCount);
}

export const rankModule = voteModule({
  kind: 'rank',
  answerSchema: rankAnswerSchema,
  minValues: VOTE_LIMITS.minValues.rank,
  /** Exactly K distinct values that take part. */
  validate(activity, valueIds, answer) {
    const k = rankLength(activity, valueIds.length);
    if (new Set(answer.order).size !== answer.order.length) return fail('BAD_REQUEST', 'A value is ranked twice');
    if (unknownIds(answer.order, valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
    if (answer.order.length !== k) return fail('BAD_REQUEST', `Rank exactly ${k} values`);
    return ok(answer);
  },
  /** One row per ranked value: position, and amount = the Borda points the results count (K for first … 1 for K-th, shared/consensus/borda.ts). */
  csvItems(doc, activity, answer) {
    const k = rankLength(activity, activity.config.valueIds?.length ?? answer.order.length);
    return answer.order.map((id, i) => csvItem(id, valueTitle(doc, id), i + 1, Math.max(0, k - i)));
  },
});
