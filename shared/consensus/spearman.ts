/** Spearman's rank correlation, ties handled. */
import { mean, midRanks } from './stats.js';

/**
 * Spearman's rho between two paired lists: Pearson's correlation of their mid-ranks,
 *
 *   ρ = Σ(a_i − ā)(b_i − b̄) / √(Σ(a_i − ā)² · Σ(b_i − b̄)²),  a = midRanks(x), b = midRanks(y).
 *
 * Without ties this equals the textbook 1 − 6Σd² / (n(n² − 1)); with ties the Pearson form is
 * the exact one (the d² shortcut is then biased). −1 = opposite order, 0 = unrelated,
 * 1 = same order. Ranking ascending or descending gives the same ρ, as both lists are ranked
 * the same way.
 *
 * Edge cases: fewer than 2 pairs → null; either list constant (zero variance: all its values
 * tied) → null, because the correlation is 0/0 — a group that scored every value the same has
 * no order to compare. Throws RangeError when the lists differ in length. Clamped to −1..1.
 */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new RangeError('spearmanRho: lists differ in length');
  if (x.length < 2) return null;
  const a = midRanks(x);
  const b = midRanks(y);
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((ai, i) => {
    const da = ai - ma;
    const db = (b[i] ?? mb) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  });
  if (saa === 0 || sbb === 0) return null;
  return Math.min(1, Math.max(-1, sab / Math.sqrt(saa * sbb)));
}
