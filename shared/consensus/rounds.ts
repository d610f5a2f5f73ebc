/** How priorities and agreement shifted between two rounds of the same activity. */
import type { RoundComparison, VoteResults } from './types.js';

/**
 * Compares a round with the previous one, value by value, in the order of `after.values`
 * (i.e. the new priority order):
 *
 *   positionChange = positionBefore − positionAfter   (positive = moved up: 4th → 2nd is +2)
 *   scoreBefore, scoreAfter = normalizedScore in each round (0..1)
 *   scoreChange    = scoreAfter − scoreBefore         (−1..1)
 *   wChange        = wAfter − wBefore                 (w = kendallW.w)
 *
 * Scores are compared as normalizedScore — the mean score per participant ÷ the most one
 * participant could give one value (dots: N or the per-value cap; rank: K; points: 100) — not as
 * raw totals. A total grows with turnout and a Borda total with K: a value everyone ranked first
 * has 10 · 3 = 30 points with 10 people in a top-3 and 16 · 9 = 144 with 16 people ranking all 9,
 * a "change" of +114 although it stayed first with everyone; its normalizedScore is 1 in both
 * rounds, a change of 0.
 *
 * Edge cases:
 * - `before` null (first round) → every "before" and "change" field null;
 * - a value that did not take part before → its before/change fields null;
 * - a value only in `before` is not listed (it is not on the board any more);
 * - the rounds are of different kinds → the scales mean different things, so scoreBefore and
 *   scoreChange are null; positions are still compared;
 * - W missing in either round (< 2 rankings or values) → wChange null.
 */
export function compareRounds(before: VoteResults | null, after: VoteResults): RoundComparison {
  const previous = new Map((before?.values ?? []).map((v) => [v.valueId, v]));
  const sameKind = before !== null && before.kind === after.kind;
  const values = after.values.map((v) => {
    const old = previous.get(v.valueId);
    const scoreBefore = old !== undefined && sameKind ? old.normalizedScore : null;
    return {
      valueId: v.valueId,
      positionBefore: old?.position ?? null,
      positionAfter: v.position,
      positionChange: old === undefined ? null : old.position - v.position,
      scoreBefore,
      scoreAfter: v.normalizedScore,
      scoreChange: scoreBefore === null ? null : v.normalizedScore - scoreBefore,
    };
  });
  const wBefore = before?.kendallW?.w ?? null;
  const wAfter = after.kendallW?.w ?? null;
  return { values, wBefore, wAfter, wChange: wBefore === null || wAfter === null ? null : wAfter - wBefore };
}
