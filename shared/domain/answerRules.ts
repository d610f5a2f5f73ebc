import { fail, ok, type Result } from '../protocol/errors.js';
import type { Answer } from './answers.js';
import type { Activity, ScanStatement } from './types.js';

// The checks on answers, without zod: the phone uses them to enable its submit button and
// stays free of zod; the server uses them in decide(). The schema is in answers.ts.

export const POINTS_TOTAL = 100;

/** K for a rank activity: the facilitator's K, or all values, never more than there are. */
export function rankLength(activity: Pick<Activity, 'config'>, valueCount: number): number {
  return Math.min(activity.config.rankK ?? valueCount, valueCount);
}

function unknownIds(ids: string[], allowed: readonly string[]): string[] {
  const set = new Set(allowed);
  return ids.filter((id) => !set.has(id));
}

/** Drops zero entries so stored answers are canonical. */
function nonZero(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
}

/**
 * Checks an answer against the activity: the right kind, only the values (or statements) that
 * take part, and the budget: dots ≤ N in total and ≤ the maximum per value; exactly K distinct
 * values ranked; points exactly 100. Returns the canonical answer to store.
 */
export function validateAnswer(activity: Pick<Activity, 'kind' | 'config'>, valueIds: readonly string[], answer: Answer): Result<Answer> {
  if (answer.kind !== activity.kind) return fail('BAD_REQUEST', `This activity takes a ${activity.kind} answer`);
  switch (answer.kind) {
    case 'dots': {
      const dots = nonZero(answer.dots);
      if (unknownIds(Object.keys(dots), valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
      const total = Object.values(dots).reduce((a, b) => a + b, 0);
      const { dotsPerParticipant: n, dotsMaxPerValue: max } = activity.config;
      if (total === 0) return fail('BAD_REQUEST', 'Place at least one dot');
      if (total > n) return fail('BAD_REQUEST', `At most ${n} dots`);
      if (Object.values(dots).some((d) => d > max)) return fail('BAD_REQUEST', `At most ${max} dots on one value`);
      return ok({ kind: 'dots', dots });
    }
    case 'rank': {
      const k = rankLength(activity, valueIds.length);
      if (new Set(answer.order).size !== answer.order.length) return fail('BAD_REQUEST', 'A value is ranked twice');
      if (unknownIds(answer.order, valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
      if (answer.order.length !== k) return fail('BAD_REQUEST', `Rank exactly ${k} values`);
      return ok(answer);
    }
    case 'points': {
      const points = nonZero(answer.points);
      if (unknownIds(Object.keys(points), valueIds).length) return fail('BAD_REQUEST', 'A value does not take part in this activity');
      const total = Object.values(points).reduce((a, b) => a + b, 0);
      if (total !== POINTS_TOTAL) return fail('BAD_REQUEST', `Spread exactly ${POINTS_TOTAL} points (now ${total})`);
      return ok({ kind: 'points', points });
    }
    case 'scan': {
      const ids = activity.config.statements.map((s: ScanStatement) => s.id);
      if (unknownIds(Object.keys(answer.scores), ids).length) return fail('BAD_REQUEST', 'Unknown statement');
      if (Object.keys(answer.scores).length === 0 && !answer.wentWell && !answer.couldBeBetter) return fail('BAD_REQUEST', 'The answer is empty');
      return ok(answer);
    }
  }
}

/** Dots a participant has left, for the phone's counter. */
export function dotsLeft(activity: Pick<Activity, 'config'>, dots: Record<string, number>): number {
  return activity.config.dotsPerParticipant - Object.values(dots).reduce((a, b) => a + b, 0);
}

/** Points a participant has left to spread (negative when over). */
export function pointsLeft(points: Record<string, number>): number {
  return POINTS_TOTAL - Object.values(points).reduce((a, b) => a + b, 0);
}
