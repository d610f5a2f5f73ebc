/** Deterministic orderings of scored items: priority positions and "highest first" lists. */
import { compareScores } from './compare.js';

/**
 * Standard competition ranking ("1224"), highest score first: position_i = 1 + the number of
 * items with a higher score. Equal scores share a position and the next distinct score skips the
 * places they used: [5, 3, 3, 1] → [1, 2, 2, 4]. Scores are compared with compareScores, so
 * scores equal up to rounding (0.1 + 0.2 and 0.3) share a position. Empty input → []. All
 * equal → all 1.
 */
export function competitionPositions(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((other) => compareScores(other, s) > 0).length);
}

/**
 * The indices of `scores`, highest score first; equal scores (compareScores: equal up to
 * rounding) keep their index order — the display order of the values — so the result never
 * depends on rounding noise or on the sort implementation.
 */
export function indicesByScoreDesc(scores: readonly number[]): number[] {
  return scores
    .map((_, i) => i)
    .sort((a, b) => compareScores(scores[b] ?? 0, scores[a] ?? 0) || a - b);
}

/**
 * Index of the first smallest (or largest) number; ties (within EPSILON, compareScores) go to the
 * earliest, the display order: the lowest group beside common ground, a split's high and low group.
 */
export function extremeIndex(xs: readonly number[], pick: 'min' | 'max'): number {
  let best = 0;
  xs.forEach((x, i) => {
    const c = compareScores(x, xs[best] ?? x);
    if (pick === 'min' ? c < 0 : c > 0) best = i;
  });
  return best;
}
