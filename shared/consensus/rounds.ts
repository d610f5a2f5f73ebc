/** How priorities and agreement shifted between two rounds of the same activity. */
import type { RoundComparison, VoteResults } from './types.js';

/**
 * Compares a round with the previous one, value by value, in the order of `after.values`
 * (i.e. the new priority order):
 *
 *   positionChange = positionBefore − positionAfter   (positive = moved up: 4th → 2nd is +2)
 *   scoreChange    = scoreAfter − scoreBefore
 *   wChange        = wAfter − wBefore                 (w = kendallW.w)
 *
 * Edge cases:
 * - `before` null (first round) → every "before" and "change" field null;
 * - a value that did not take part before → its before/change fields null;
 * - a value only in `before` is not listed (it is not on the board any more);
 * - the rounds are of different kinds → scores are in different units, so scoreBefore and
 *   scoreChange are null; positions are still compared;
 * - W missing in either round (not a rank round, < 2 answers) → wChange null.
 * Note that dots and Borda scores are totals, so they also grow with the number of answers;
 * compare shares or positions when the rooms differ in size.
 */
export function compareRounds(before: VoteResults | null, after: VoteResults): RoundComparison {
  const previous = new Map((before?.values ?? []).map((v) => [v.valueId, v]));
  const sameKind = before !== null && before.kind === after.kind;
  const values = after.values.map((v) => {
    const old = previous.get(v.valueId);
    const scoreBefore = old !== undefined && sameKind ? old.score : null;
    return {
      valueId: v.valueId,
      positionBefore: old?.position ?? null,
      positionAfter: v.position,
      positionChange: old === undefined ? null : old.position - v.position,
      scoreBefore,
      scoreAfter: v.score,
      scoreChange: scoreBefore === null ? null : v.score - scoreBefore,
    };
  });
  const wBefore = before?.kendallW?.w ?? null;
  const wAfter = after.kendallW?.w ?? null;
  return { values, wBefore, wAfter, wChange: wBefore === null || wAfter === null ? null : wAfter - wBefore };
}
