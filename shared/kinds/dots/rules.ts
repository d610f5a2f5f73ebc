/** The rules of the activity `dots` (KindRules): each participant places up to N dots on the values, at most M on one. */
import { fail, ok } from '../../protocol/errors.js';
import { VOTE_LIMITS } from '../voteLimits.js';
import { nonZero, unknownIds, voteRules } from '../voteRules.js';

export const dotsRules = voteRules({
  kind: 'dots',
  minValues: VOTE_LIMITS.minValues.dots,
  /** Only values that take part; at least one dot, at most N in total and M on one value. */
  validate(activity, valueIds, answer) {
    const dots = nonZero(answer.dots);
    if (unknownIds(Object.keys(dots), valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
    const total = Object.values(dots).reduce((a, b) => a + b, 0);
    const { dotsPerParticipant: n, dotsMaxPerValue: max } = activity.config;
    if (total === 0) return fail('BAD_REQUEST', 'Place at least one dot');
    if (total > n) return fail('BAD_REQUEST', `At most ${n} dots`);
    if (Object.values(dots).some((d) => d > max)) return fail('BAD_REQUEST', `At most ${max} dots on one value`);
    return ok({ kind: 'dots', dots });
  },
});
