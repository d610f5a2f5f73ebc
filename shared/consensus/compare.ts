/**
 * How the consensus math compares two computed figures: with one tolerance, so that numbers
 * which are equal on paper are equal on the board, whatever rounding the arithmetic left in
 * them (0.7 − 0.5 is 0.19999999999999996 in floating point, 0.2 − 0 is 0.2).
 */

/**
 * Two figures closer than EPSILON · max(1, |a|, |b|) count as equal. Every figure the math sorts
 * or compares with a threshold (scores, shares, spreads, supports, means, W) is at most a few
 * thousand and built from integers by a handful of operations, so its rounding error is far below
 * 1e-12 of its size; two figures that differ on paper differ by far more than 1e-9 (the closest two
 * distinct figures are ratios with denominators in the thousands, at least ~1e-7 apart). So the
 * tolerance removes rounding noise and never merges a real difference.
 */
export const EPSILON = 1e-9;

/** |a − b| ≤ EPSILON · max(1, |a|, |b|). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** −1 when a < b, 1 when a > b, 0 when they are nearlyEqual. */
export function compareScores(a: number, b: number): -1 | 0 | 1 {
  if (nearlyEqual(a, b)) return 0;
  return a < b ? -1 : 1;
}

/** a ≥ threshold, counting a that is nearlyEqual to the threshold as reaching it. */
export function atLeast(a: number, threshold: number): boolean {
  return compareScores(a, threshold) >= 0;
}
