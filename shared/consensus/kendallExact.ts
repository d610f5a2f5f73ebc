/**
 * The exact null distribution of Kendall's W for small rooms, so its p-value need not lean on
 * the chi-square approximation where that is far off (m = 4 raters, n = 3 values, W = 1/16:
 * χ² gives p ≈ 0.78, the exact p is 0.931).
 */

/**
 * The largest number of raters m for which the p-value is exact, by number of items n (index n);
 * beyond, and for n ≥ 6, kendallW uses χ². Where χ² is far off is where m·n is small: the
 * distribution of W is then a few dozen coarse steps, and the smooth χ² curve misses the step at
 * the observed W by up to 0.1 in p (m = 4, n = 3: 0.17 for an exact 0.27). The limits are where
 * building the exact distribution still takes at most ~50 ms on one idle core (once per n up to the
 * largest m asked for, then cached): its cost grows with the number of distinct rank-sum vectors,
 * steeply in n (the next step, m = 6 for n = 5 or n = 6 at all, costs several times more). At these
 * limits χ² is within ~0.05 of the exact p, so the switch is where exact stops being cheap, not
 * where χ² becomes perfect: m·n ≤ 120 for n = 2, 60 for n = 3, 40 for n = 4, 25 for n = 5.
 */
export const EXACT_MAX_RATERS: readonly number[] = [0, 0, 60, 20, 10, 5];

/** Whether kendallW computes p exactly for m complete, untied rankings of n items (see EXACT_MAX_RATERS). */
export function exactApplies(m: number, n: number): boolean {
  return m >= 2 && n >= 2 && n < EXACT_MAX_RATERS.length && m <= (EXACT_MAX_RATERS[n] ?? 0);
}

/** Every permutation of 1..n. */
function permutations(n: number): number[][] {
  const out: number[][] = [];
  const a = Array.from({ length: n }, (_, i) => i + 1);
  const walk = (k: number): void => {
    if (k === n) {
      out.push([...a]);
      return;
    }
    for (let i = k; i < n; i++) {
      [a[k], a[i]] = [a[i] ?? 0, a[k] ?? 0];
      walk(k + 1);
      [a[k], a[i]] = [a[i] ?? 0, a[k] ?? 0];
    }
  };
  walk(0);
  return out;
}

/** Upper tail of Σ R_i²: stats ascending, tail[i] = P(Σ R² ≥ stats[i]). */
interface NullDistribution {
  stats: number[];
  tail: number[];
}

const cache = new Map<string, NullDistribution>();

interface State {
  sums: number[];
  p: number;
}

/** Per n: layers[m] = the states after m raters, so a larger m extends the last layer instead of starting again. */
const layersByN = new Map<number, Map<number, State>[]>();

/** The states (sorted rank-sum vectors and their probabilities) after m raters of n items. */
function statesAfter(m: number, n: number): Map<number, State> {
  let layers = layersByN.get(n);
  if (!layers) {
    layers = [new Map([[0, { sums: new Array<number>(n).fill(0), p: 1 }]])];
    layersByN.set(n, layers);
  }
  const orders = permutations(n);
  const weight = 1 / orders.length;
  // A sorted vector of rank sums (each ≤ m·n, m ≤ the limit for n) as one integer in base limit·n + 1.
  const base = Math.max(m, EXACT_MAX_RATERS[n] ?? 0) * n + 1;
  const encode = (v: readonly number[]): number => v.reduce((acc, x) => acc * base + x, 0);
  while (layers.length <= m) {
    const next = new Map<number, State>();
    for (const { sums, p } of (layers[layers.length - 1] ?? new Map<number, State>()).values()) {
      for (const order of orders) {
        const added = sums.map((x, i) => x + (order[i] ?? 0)).sort((a, b) => a - b);
        const code = encode(added);
        const entry = next.get(code);
        if (entry) entry.p += p * weight;
        else next.set(code, { sums: added, p: p * weight });
      }
    }
    layers.push(next);
  }
  return layers[m] ?? new Map<number, State>();
}

/**
 * The distribution of Σ_i R_i² (R_i = the rank sum of item i) when each of m raters ranks n
 * items in an order drawn uniformly from the n! orders, independently — the null hypothesis of
 * Kendall's W. Computed by dynamic programming over the raters: the state is the vector of rank
 * sums so far, kept sorted, because the orders are exchangeable (adding a uniform random order to
 * a relabelled vector gives the relabelled result), so only the multiset of rank sums matters.
 * Each step adds each of the n! orders with probability 1/n!. Cached per (m, n), and the states
 * per number of raters, so the groups of one room (several m, one n) cost one run to the largest m.
 */
function nullDistribution(m: number, n: number): NullDistribution {
  const key = `${m},${n}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const states = statesAfter(m, n);
  const byStat = new Map<number, number>();
  for (const { sums, p } of states.values()) {
    const stat = sums.reduce((acc, x) => acc + x * x, 0);
    byStat.set(stat, (byStat.get(stat) ?? 0) + p);
  }
  const stats = [...byStat.keys()].sort((a, b) => a - b);
  const tail = new Array<number>(stats.length).fill(0);
  let running = 0;
  for (let i = stats.length - 1; i >= 0; i--) {
    running += byStat.get(stats[i] ?? 0) ?? 0;
    tail[i] = Math.min(1, running);
  }
  // Every outcome is at least the smallest statistic: its tail is 1, not 1 less rounding.
  tail[0] = 1;
  const dist = { stats, tail };
  cache.set(key, dist);
  return dist;
}

/**
 * P(W ≥ the observed W) under the null hypothesis, exactly, for m complete untied rankings of n
 * items with the given integer rank sums. W is an increasing function of Σ R_i² (the sum of the
 * R_i is fixed at m·n(n + 1)/2), so the tail is read off the distribution of Σ R_i², with integer
 * comparisons only. Throws RangeError outside exactApplies.
 */
export function exactKendallP(m: number, n: number, rankSums: readonly number[]): number {
  if (!exactApplies(m, n) || rankSums.length !== n) throw new RangeError(`exactKendallP: not for m=${m}, n=${n}`);
  const observed = rankSums.reduce((acc, r) => acc + Math.round(r) * Math.round(r), 0);
  const { stats, tail } = nullDistribution(m, n);
  // First stat ≥ observed (the observed value is always one of them for a real ranking).
  let lo = 0;
  let hi = stats.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((stats[mid] ?? 0) < observed) lo = mid + 1;
    else hi = mid;
  }
  return lo < stats.length ? (tail[lo] ?? 0) : 0;
}
