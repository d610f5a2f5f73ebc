import { describe, expect, it } from 'vitest';
import { agreementLevel, tastleWiermanConsensus } from './agreement.js';

describe('tastleWiermanConsensus', () => {
  it('is 1 when everyone gives the same score, wherever on the scale', () => {
    expect(tastleWiermanConsensus([3, 3, 3], 1, 5)).toBe(1);
    expect(tastleWiermanConsensus([1, 1], 1, 5)).toBe(1);
    expect(tastleWiermanConsensus([5, 5, 5, 5], 1, 5)).toBe(1);
  });

  it('is 0 when half say 1 and half say 5 on a 1..5 scale', () => {
    // μ = 3, d = 4, every |x − μ|/d = 0.5 → log₂(0.5) = −1 → Cns = 1 − 1 = 0
    expect(tastleWiermanConsensus([1, 1, 5, 5], 1, 5)).toBe(0);
  });

  it('is 0.434 for a uniform spread over 1..5 (Tastle & Wierman 2007)', () => {
    // μ = 3, d = 4: |x − μ|/d = .5 .25 0 .25 .5
    // Σ log₂(1 − ·) = 2·log₂(.5) + 2·log₂(.75) + 0 = −2 + 2·(−0.4150375) = −2.830075
    // Cns = 1 − 2.830075/5 = 0.433985
    expect(tastleWiermanConsensus([1, 2, 3, 4, 5], 1, 5)).toBeCloseTo(1 + (2 * Math.log2(0.5) + 2 * Math.log2(0.75)) / 5, 12);
    expect(tastleWiermanConsensus([1, 2, 3, 4, 5], 1, 5)).toBeCloseTo(0.434, 3);
  });

  it('is 0.807 for half "1", half "2" on 1..5', () => {
    // μ = 1.5; |x − μ|/4 = 0.125 for both → Cns = 1 + log₂(0.875) = 0.807355
    expect(tastleWiermanConsensus([1, 2], 1, 5)).toBeCloseTo(1 + Math.log2(0.875), 12);
  });

  it('works on a dots scale 0..5 with one outlier', () => {
    // μ = 5/4 = 1.25, d = 5: three zeros → 1.25/5 = .25 → log₂ .75; the 5 → 3.75/5 = .75 → log₂ .25 = −2
    // Cns = 1 + (3·log₂ .75 − 2)/4 = 1 + (−1.245112 − 2)/4 = 0.188722
    expect(tastleWiermanConsensus([0, 0, 0, 5], 0, 5)).toBeCloseTo(1 + (3 * Math.log2(0.75) - 2) / 4, 12);
  });

  it('is null with fewer than two scores', () => {
    expect(tastleWiermanConsensus([], 1, 5)).toBeNull();
    expect(tastleWiermanConsensus([4], 1, 5)).toBeNull();
  });

  it('is 1 on a degenerate scale where every score is the same', () => {
    // Nobody gave any dots and there is no budget: scale 0..0, all scores 0.
    expect(tastleWiermanConsensus([0, 0, 0], 0, 0)).toBe(1);
  });

  it('rejects scores off the scale and bad scales', () => {
    expect(() => tastleWiermanConsensus([0, 3], 1, 5)).toThrow(RangeError);
    expect(() => tastleWiermanConsensus([Number.NaN, 3], 1, 5)).toThrow(RangeError);
    expect(() => tastleWiermanConsensus([3, 3], 5, 1)).toThrow(RangeError);
    expect(() => tastleWiermanConsensus([3, 3], 1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('agreementLevel', () => {
  it('maps the thresholds 0.1 / 0.3 / 0.5 / 0.7 as lower bounds', () => {
    expect(agreementLevel(0)).toBe('none');
    expect(agreementLevel(0.0999)).toBe('none');
    expect(agreementLevel(0.1)).toBe('weak');
    expect(agreementLevel(0.2999)).toBe('weak');
    expect(agreementLevel(0.3)).toBe('moderate');
    expect(agreementLevel(0.4999)).toBe('moderate');
    expect(agreementLevel(0.5)).toBe('strong');
    expect(agreementLevel(0.6999)).toBe('strong');
    expect(agreementLevel(0.7)).toBe('very-strong');
    expect(agreementLevel(1)).toBe('very-strong');
  });

  it('calls anything that is not a number ≥ 0.1 "none"', () => {
    expect(agreementLevel(-0.5)).toBe('none');
    expect(agreementLevel(Number.NaN)).toBe('none');
  });
});
