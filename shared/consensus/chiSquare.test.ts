import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, lnGamma, regularizedGammaP, regularizedGammaQ } from './chiSquare.js';

describe('lnGamma', () => {
  it('matches known values', () => {
    // Γ(1) = 1, Γ(5) = 4! = 24, Γ(1/2) = √π
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // Γ(0.25) = 3.625609908221908 (Abramowitz & Stegun 6.1); reflection branch (x < 0.5)
    expect(lnGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
    // Γ(101) = 100!, ln 100! = 363.73937555556347
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('rejects x ≤ 0', () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
    expect(() => lnGamma(-1)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('P(1, x) = 1 − e^(−x) and Q(1, x) = e^(−x) on both branches', () => {
    for (const x of [0.1, 0.5, 1.9, 2.1, 7, 30]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      expect(regularizedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
    }
  });

  it('handles x ≤ 0 and rejects a ≤ 0', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaQ(2, -3)).toBe(1);
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(-1, 1)).toThrow(RangeError);
  });
});

describe('chiSquareUpperTail', () => {
  it('reproduces printed chi-square table values (3-4 significant figures)', () => {
    // Critical values at α = 0.05 and 0.01 as printed in every table; the table rounds χ²,
    // so p is 0.05 to within the slope of the tail over that rounding (< 2e-5 here).
    expect(Math.abs(chiSquareUpperTail(3.841, 1) - 0.05)).toBeLessThan(2e-5);
    expect(Math.abs(chiSquareUpperTail(11.07, 5) - 0.05)).toBeLessThan(2e-5);
    expect(Math.abs(chiSquareUpperTail(18.307, 10) - 0.05)).toBeLessThan(2e-5);
    expect(Math.abs(chiSquareUpperTail(5.991, 2) - 0.05)).toBeLessThan(2e-5);
    expect(Math.abs(chiSquareUpperTail(6.635, 1) - 0.01)).toBeLessThan(2e-5);
    expect(Math.abs(chiSquareUpperTail(15.086, 5) - 0.01)).toBeLessThan(2e-5);
  });

  it('is accurate to 1e-9 at full-precision critical values', () => {
    // 3.841458820694124 = 1.959963984540054² (the two-sided 5% normal quantile squared)
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 9);
    expect(chiSquareUpperTail(11.070497693516351, 5)).toBeCloseTo(0.05, 9);
    expect(chiSquareUpperTail(18.307038053275146, 10)).toBeCloseTo(0.05, 9);
    // 6.6348966010212145 = 2.5758293035489004²
    expect(chiSquareUpperTail(6.6348966010212145, 1)).toBeCloseTo(0.01, 9);
  });

  it('df = 2 is exactly e^(−x/2)', () => {
    // Q(1, x/2) = e^(−x/2); 2·ln 20 is the 5% critical value
    expect(chiSquareUpperTail(2, 2)).toBeCloseTo(Math.exp(-1), 12);
    expect(chiSquareUpperTail(2 * Math.log(20), 2)).toBeCloseTo(0.05, 12);
  });

  it('df = 4 is exactly e^(−x/2)·(1 + x/2)', () => {
    // x = 4: e^(−2)·(1 + 2) = 3e^(−2) = 0.40600584970983811
    expect(chiSquareUpperTail(4, 4)).toBeCloseTo(3 * Math.exp(-2), 12);
  });

  it('df = 1 is the two-sided normal tail: 1σ, 2σ, 3σ', () => {
    // P(|Z| ≥ 1) = 0.31731050786291415, P(|Z| ≥ 2) = 0.04550026389635842,
    // P(|Z| ≥ 3) = 0.0026997960632601866 (standard normal table, two-sided)
    expect(chiSquareUpperTail(1, 1)).toBeCloseTo(0.31731050786291415, 10);
    expect(chiSquareUpperTail(4, 1)).toBeCloseTo(0.04550026389635842, 10);
    expect(chiSquareUpperTail(9, 1)).toBeCloseTo(0.0026997960632601866, 11);
  });

  it('df = 3 is 2·Q_N(√x) + 2·φ(√x)·√x', () => {
    // x = 9: Q_N(3) = 0.0013498980316301, φ(3) = 0.0044318484119380
    // p = 0.0026997960632602 + 2·0.0044318484119380·3 = 0.0292908865348882
    expect(chiSquareUpperTail(9, 3)).toBeCloseTo(0.0292908865348882, 10);
  });

  it('keeps its relative accuracy far in the tail', () => {
    // df = 2, x = 100: e^(−50) = 1.9287498479639178e-22
    expect(chiSquareUpperTail(100, 2) / 1.9287498479639178e-22).toBeCloseTo(1, 9);
  });

  it('is 1 at x ≤ 0 and rejects df ≤ 0', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(-1, 3)).toBe(1);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError);
  });
});
