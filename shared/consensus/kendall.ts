/**
 * Kendall's coefficient of concordance W, with the correction for tied ranks, and its
 * chi-square test.
 */
import { chiSquareUpperTail } from './chiSquare.js';
import { exactApplies, exactKendallP } from './kendallExact.js';
import { tieTerm } from './stats.js';
import type { KendallW } from './types.js';

/**
 * Kendall's W for m raters ranking the same n items.
 *
 * `rankings[j][i]` is the rank rater j gave item i: 1..n, ties as mid-ranks (two items
 * sharing places 3 and 4 both get 3.5). With R_i = Σ_j r_ij the rank sum of item i and
 * R̄ = m(n + 1)/2 their mean:
 *
 *   S   = Σ_i (R_i − R̄)²
 *   T_j = Σ (t³ − t) over the groups of t tied ranks in rater j's ranking
 *   W   = 12 S / (m²(n³ − n) − m Σ_j T_j)          (Kendall & Gibbons 1990; Legendre 2005)
 *   χ²  = m (n − 1) W,  df = n − 1                      (the Friedman statistic, tie-corrected)
 *
 * p is the probability of a W at least this large when every rater's order is random
 * (uniform over the n! orders, independently):
 * - exact (`pMethod: 'exact'`) when every ranking is complete and untied (ΣT = 0) and the room is
 *   small: m ≤ EXACT_MAX_RATERS[n] (n = 2: 60, 3: 20, 4: 10, 5: 5; never for n ≥ 6), i.e. where
 *   m·n is small and χ² is far off (m = 4, n = 3, rank sums 8, 7, 9: W = 1/16, χ² = 0.5,
 *   P(χ²₂ ≥ 0.5) = 0.78, exact 0.931). The distribution is enumerated by dynamic programming over
 *   the raters (see exactKendallP), not sampled, so it is the same on every machine;
 * - otherwise P(χ²_df ≥ χ²) (`pMethod: 'chi-square'`). Rankings with ties — a top-K whose unranked
 *   values share the remaining ranks, or the orders dots and points imply — always take χ²: under
 *   ties the null distribution depends on each rater's tie pattern, and the tie-corrected χ² is
 *   the standard answer for them.
 *
 * Without ties ΣT = 0 and this is the textbook 12S / (m²(n³ − n)); `tieCorrected` says
 * whether any T_j was non-zero. W runs from 0 (no agreement: every item has the same rank sum)
 * to 1 (everyone gave the same order).
 *
 * Edge cases:
 * - fewer than 2 raters or fewer than 2 items → null (concordance needs two of each);
 * - every rater tied every item (the denominator is 0) → null: there is no order to agree on;
 * - a rater who tied every item is kept as given: they add nothing to the spread of the rank
 *   sums, so they lower W (a rater with no preference dilutes the concordance). Callers that
 *   want to leave such "empty" rankings out must do so first (computeVoteResults does);
 * - W is clamped to 0..1 against rounding noise.
 * Throws RangeError when a row has the wrong length or its ranks do not sum to n(n + 1)/2
 * (that is not a ranking, and any number computed from it would be meaningless).
 */
export function kendallW(rankings: readonly (readonly number[])[]): KendallW | null {
  const m = rankings.length;
  const n = rankings[0]?.length ?? 0;
  const expectedRowSum = (n * (n + 1)) / 2;
  for (const row of rankings) {
    if (row.length !== n) throw new RangeError(`kendallW: every ranking must rank ${n} items`);
    let rowSum = 0;
    for (const r of row) rowSum += r;
    if (!(Math.abs(rowSum - expectedRowSum) <= 1e-9 * (1 + expectedRowSum))) {
      throw new RangeError(`kendallW: ranks of one rater must sum to ${expectedRowSum}, got ${rowSum}`);
    }
  }
  if (m < 2 || n < 2) return null;

  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const row of rankings) {
    row.forEach((r, i) => (rankSums[i] = (rankSums[i] ?? 0) + r));
    ties += tieTerm(row);
  }
  const meanRankSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - meanRankSum) * (r - meanRankSum);

  const denominator = m * m * (n * n * n - n) - m * ties;
  if (!(denominator > 0)) return null;
  const w = Math.min(1, Math.max(0, (12 * s) / denominator));
  const df = n - 1;
  const chiSquare = m * df * w;
  const exact = ties === 0 && exactApplies(m, n) && rankings.every((row) => row.every((r) => Number.isInteger(r)));
  const p = exact ? exactKendallP(m, n, rankSums) : chiSquareUpperTail(chiSquare, df);
  return { w, m, n, chiSquare, df, p, pMethod: exact ? 'exact' : 'chi-square', tieCorrected: ties > 0 };
}
