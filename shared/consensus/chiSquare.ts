/**
 * The chi-square upper tail, for the p-value of Kendall's W. Implemented here (no library):
 * log-gamma by the Lanczos approximation and the regularized incomplete gamma functions by
 * the series / continued-fraction pair of Numerical Recipes (§6.2). Relative accuracy is
 * ~1e-14 for the arguments used here, far inside the 1e-6 the board needs.
 */

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const MAX_ITERATIONS = 1000;
const EPSILON = 1e-15;
const TINY = 1e-300;

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, 9 coefficients); for x < 0.5 by the reflection formula
 * ln Γ(x) = ln(π / |sin πx|) − ln Γ(1 − x). Throws RangeError for x ≤ 0.
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma: x must be > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS_COEFFICIENTS[0] ?? 0;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) a += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(a, x) by its series Σ xⁿ / (a(a+1)…(a+n)) · e^{−x} x^a / Γ(a); converges fast for x < a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let total = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    total += term;
    if (Math.abs(term) < Math.abs(total) * EPSILON) break;
  }
  return total * Math.exp(-x + a * Math.log(x) - lnGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges fast for x ≥ a + 1. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
}

/**
 * Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a) = 1 − Q(a, x), for a > 0.
 * x ≤ 0 → 0. Throws RangeError for a ≤ 0.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaP: a must be > 0, got ${a}`);
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a), for a > 0. x ≤ 0 → 1.
 * Computed directly (not as 1 − P) where that is accurate, so small tails keep their digits.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`regularizedGammaQ: a must be > 0, got ${a}`);
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

/**
 * Upper tail of the chi-square distribution: p = P(χ²_df ≥ x) = Q(df / 2, x / 2).
 * x ≤ 0 → 1 (nothing is less likely than "at least 0"). The result is clamped to 0..1.
 * Throws RangeError when df is not > 0.
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareUpperTail: df must be > 0, got ${df}`);
  const q = regularizedGammaQ(df / 2, x / 2);
  return Math.min(1, Math.max(0, q));
}
