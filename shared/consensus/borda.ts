/** Borda points for top-K rankings, and how a raw order is cleaned before it counts. */
import type { ValueId } from './types.js';

/**
 * The order as it counts: ids not in `valueIds` dropped, repeats dropped (the first mention
 * counts), then cut to the first `topK` entries. A `topK` that is not a positive number keeps
 * nothing.
 */
export function cleanOrder(order: readonly ValueId[], valueIds: readonly ValueId[], topK: number): ValueId[] {
  const known = new Set(valueIds);
  const seen = new Set<ValueId>();
  const limit = Number.isFinite(topK) ? Math.max(0, Math.floor(topK)) : 0;
  const out: ValueId[] = [];
  for (const id of order) {
    if (out.length >= limit) break;
    if (!known.has(id) || seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/**
 * K for a rank activity: the configured `topK` when it is a positive number (floored),
 * otherwise the longest cleaned order anyone gave; never more than the number of values
 * (ranking "top 5" of 3 values is ranking all 3). No orders and no topK → 0.
 */
export function resolveTopK(orders: readonly (readonly ValueId[])[], valueIds: readonly ValueId[], topK?: number): number {
  const n = new Set(valueIds).size;
  if (topK !== undefined && Number.isFinite(topK) && topK >= 1) return Math.min(n, Math.floor(topK));
  let longest = 0;
  for (const order of orders) longest = Math.max(longest, cleanOrder(order, valueIds, n).length);
  return longest;
}

/**
 * Borda points of one ranking, aligned with `valueIds` (result[i] is valueIds[i]'s points).
 *
 * Rule: the value at 1-based position r of the cleaned order (see cleanOrder) gets K − r + 1
 * points, so first place gets K and K-th place gets 1; values not ranked get 0. K (= `topK`,
 * capped at the number of values) is the same for everyone, so a top-3 ranking is worth
 * 3 + 2 + 1 points whatever the number of values, and "not in my top K" is worth exactly nothing —
 * the participant said nothing about it. (The alternative n − r + 1 would hand every ranked
 * value a bonus of n − K for being ranked at all.) A participant who ranked fewer than K values
 * still gives K to their first choice.
 *
 * Edge cases: empty order or K ≤ 0 → all zeros; unknown and repeated ids are ignored; entries
 * past K are ignored; a repeated id in `valueIds` gets the points at its first index only.
 */
export function bordaScores(order: readonly ValueId[], valueIds: readonly ValueId[], topK: number): number[] {
  const k = Math.min(new Set(valueIds).size, Number.isFinite(topK) ? Math.max(0, Math.floor(topK)) : 0);
  const points = new Map<ValueId, number>();
  cleanOrder(order, valueIds, k).forEach((id, index) => points.set(id, k - index));
  const seen = new Set<ValueId>();
  return valueIds.map((id) => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return points.get(id) ?? 0;
  });
}
