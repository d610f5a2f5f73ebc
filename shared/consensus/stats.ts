/**
 * Descriptive statistics over plain number arrays: mean, population sd, quantiles, the
 * five-number spread, and mid-ranks. No NaN ever leaves this file: empty input has a
 * documented value (0, or an all-zero Spread).
 */
import type { Spread } from './types.js';

/** Σx. 0 for an empty array. */
export function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/** Arithmetic mean Σx / N. Empty input → 0 (callers that need "undefined" check N first). */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : sum(xs) / xs.length;
}

/**
 * Population standard deviation √(Σ(x − x̄)² / N) — the spread of the people in the room,
 * not an estimate for a larger population. Empty input → 0; one value → 0; all equal → 0.
 */
export function populationSd(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / xs.length);
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R and NumPy): with x sorted ascending and h = (N − 1)·p,
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 * `sorted` must be ascending. Empty input → 0; one value → that value; p is clamped to 0..1.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, n - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

/**
 * The spread of one value's per-participant scores: mean, population sd, min, quartiles
 * (type 7, see quantileSorted) and max. No scores → every field 0 (the caller shows
 * `answers` next to it, so 0 answers is never mistaken for "everyone gave 0"). One score x →
 * mean = min = q1 = median = q3 = max = x and sd = 0.
 */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, sd: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: mean(values),
    sd: populationSd(values),
    min: sorted[0] ?? 0,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/**
 * Mid-ranks ("fractional ranking"): rank 1 goes to the smallest value (or the largest when
 * `descending`); equal values share the mean of the positions they occupy, so [10, 20, 20, 30]
 * → [1, 2.5, 2.5, 4]. The ranks always sum to N(N + 1)/2. Values are compared exactly
 * (scores here are integers or ratios of equal denominators, so exact equality is intended).
 */
export function midRanks(values: readonly number[], descending = false): number[] {
  const idx = values.map((_, i) => i);
  const at = (i: number): number => values[i] ?? 0;
  idx.sort((a, b) => (descending ? at(b) - at(a) : at(a) - at(b)) || a - b);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < idx.length) {
    let end = start;
    while (end + 1 < idx.length && at(idx[end + 1] ?? 0) === at(idx[start] ?? 0)) end++;
    // Positions start+1 .. end+1 (1-based) share their mean.
    const shared = (start + 1 + end + 1) / 2;
    for (let k = start; k <= end; k++) ranks[idx[k] ?? 0] = shared;
    start = end + 1;
  }
  return ranks;
}

/**
 * Σ(t³ − t) over the groups of t equal values in `values` (t ≥ 2); 0 without ties. This is
 * the tie term T of Kendall's W and of tie-corrected rank statistics.
 */
export function tieTerm(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let t = 0;
  for (const c of counts.values()) t += c * c * c - c;
  return t;
}
