/** The rules of the activity `points` (KindRules): each participant spreads exactly POINTS_TOTAL (100) points over the values. */
import { fail, ok } from '../../protocol/errors.js';
import { VOTE_LIMITS } from '../voteLimits.js';
import { nonZero, unknownIds, voteRules } from '../voteRules.js';

export const POINTS_TOTAL = 100;

/** Points a participant has left to spread (negative when over). */
export function pointsLeft(points: Record<string, number>): number {
  return POINTS_TOTAL - Object.values(points).reduce((a, b) => a + b, 0);
}

export const pointsRules = voteRules({
  kind: 'points',
  minValues: VOTE_LIMITS.minValues.points,
  /** Only values that take part; exactly POINTS_TOTAL points. */
  validate(_activity, valueIds, answer) {
    const points = nonZero(answer.points);
    if (unknownIds(Object.keys(points), valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
    const total = Object.values(points).reduce((a, b) => a + b, 0);
    if (total !== POINTS_TOTAL) return fail('BAD_REQUEST', `Spread exactly ${POINTS_TOTAL} points (now ${total})`);
    return ok({ kind: 'points', points });
  },
});
