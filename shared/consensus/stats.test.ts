import { describe, expect, it } from 'vitest';
import { mean, midRanks, populationSd, quantileSorted, spread, sum, tieTerm } from './stats.js';

describe('sum and mean', () => {
  it('are 0 for no numbers', () => {
    expect(sum([])).toBe(0);
    expect(mean([])).toBe(0);
  });

  it('mean of 1, 2, 6 is 9 / 3 = 3', () => {
    expect(mean([1, 2, 6])).toBe(3);
  });
});

describe('populationSd', () => {
  it('is 2 for the classic 2, 4, 4, 4, 5, 5, 7, 9', () => {
    // mean = 40 / 8 = 5; squared deviations 9 1 1 1 0 0 4 16 = 32; 32 / 8 = 4; √4 = 2
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });

  it('is 0 for no numbers, one number, and equal numbers', () => {
    expect(populationSd([])).toBe(0);
    expect(populationSd([7])).toBe(0);
    expect(populationSd([3, 3, 3])).toBe(0);
  });
});

describe('quantileSorted (type 7)', () => {
  it('interpolates between order statistics', () => {
    const xs = [1, 2, 3, 4];
    // h = (4 − 1)·p: p = .25 → h = .75 → 1 + .75·(2 − 1) = 1.75
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(1.75, 12);
    // p = .5 → h = 1.5 → 2 + .5·1 = 2.5
    expect(quantileSorted(xs, 0.5)).toBeCloseTo(2.5, 12);
    // p = .75 → h = 2.25 → 3 + .25·1 = 3.25
    expect(quantileSorted(xs, 0.75)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(4);
  });

  it('is 0 for no numbers and the number itself for one', () => {
    expect(quantileSorted([], 0.5)).toBe(0);
    expect(quantileSorted([8], 0.25)).toBe(8);
  });
});

describe('spread', () => {
  it('summarises 3, 1, 4, 1, 5', () => {
    // sorted 1 1 3 4 5; mean 14 / 5 = 2.8
    // squared deviations 3.24 3.24 0.04 1.44 4.84 = 12.8; 12.8 / 5 = 2.56; sd = 1.6
    // q1: h = 4·.25 = 1 → x[1] = 1; median: h = 2 → 3; q3: h = 3 → 4
    const s = spread([3, 1, 4, 1, 5]);
    expect(s.mean).toBeCloseTo(2.8, 12);
    expect(s.sd).toBeCloseTo(1.6, 12);
    expect(s).toMatchObject({ min: 1, q1: 1, median: 3, q3: 4, max: 5 });
  });

  it('is all zeros for no scores (never NaN)', () => {
    expect(spread([])).toEqual({ mean: 0, sd: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 });
  });

  it('is the score itself, with sd 0, for one participant', () => {
    expect(spread([7])).toEqual({ mean: 7, sd: 0, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    spread(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('midRanks', () => {
  it('gives tied values the mean of their positions', () => {
    // 20 and 20 occupy positions 2 and 3 → (2 + 3) / 2 = 2.5
    expect(midRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(midRanks([30, 10, 20, 20])).toEqual([4, 1, 2.5, 2.5]);
  });

  it('ranks the largest first when descending', () => {
    expect(midRanks([10, 20, 20, 30], true)).toEqual([4, 2.5, 2.5, 1]);
    // Borda points of a top-2 of 5: 2 1 0 0 0 → ranks 1, 2, then the zeros share 3..5 → 4
    expect(midRanks([2, 1, 0, 0, 0], true)).toEqual([1, 2, 4, 4, 4]);
  });

  it('handles all-equal and empty input', () => {
    expect(midRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(midRanks([])).toEqual([]);
  });
});

describe('tieTerm', () => {
  it('is Σ(t³ − t) over the tie groups', () => {
    expect(tieTerm([1, 2, 3, 4])).toBe(0);
    // one pair: 2³ − 2 = 6
    expect(tieTerm([1, 2.5, 2.5, 4])).toBe(6);
    // a triple and a pair: (27 − 3) + (8 − 2) = 30
    expect(tieTerm([2, 2, 2, 4.5, 4.5])).toBe(30);
    expect(tieTerm([])).toBe(0);
  });
});
