import { fail, type Result } from '../protocol/errors.js';
import { kindRules } from '../kinds/rules.js';
import type { Answer } from './answers.js';
import type { Activity } from './types.js';

// The checks on answers: the phone uses them to enable its submit button; the server uses them
// in decide(). Each kind's checks are in its module (shared/kinds/<kind>/, validateAnswer).

export { POINTS_TOTAL, pointsLeft } from '../kinds/points/rules.js';
export { rankLength } from '../kinds/rank/rules.js';

/**
 * Checks an answer against the activity: the right kind, then the kind's own checks
 * (KindModule.validateAnswer): only the values (or statements, options) that take part, and the
 * budget — dots ≤ N in total and ≤ the maximum per value; exactly K distinct values ranked;
 * points exactly 100. Returns the canonical answer to store.
 */
export function validateAnswer(activity: Pick<Activity, 'kind' | 'config'>, valueIds: readonly string[], answer: Answer): Result<Answer> {
  if (answer.kind !== activity.kind) return fail('BAD_REQUEST', `This activity takes a ${activity.kind} answer`);
  return kindRules(activity.kind).validateAnswer(activity, valueIds, answer);
}

/** Dots a participant has left, for the phone's counter. */
export function dotsLeft(activity: Pick<Activity, 'config'>, dots: Record<string, number>): number {
  return activity.config.dotsPerParticipant - Object.values(dots).reduce((a, b) => a + b, 0);
}
