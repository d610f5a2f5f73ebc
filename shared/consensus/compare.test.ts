import { describe, expect, it } from 'vitest';
import { atLeast, compareScores, EPSILON, nearlyEqual } from './compare.js';
import { competitionPositions, indicesByScoreDesc } from './ordering.js';

describe('compareScores / nearlyEqual (EPSILON = 1e-9, relative above 1)', () => {
  it('treats rounding noise as equal and real differences as different', () => {
    expect(EPSILON).toBe(1e-9);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(nearlyEqual(0.7 - 0.5, 0.2)).toBe(true);
    expect(compareScores(0.19999999999999996, 0.2)).toBe(0);
    // 1/3000 − 1/3001 ≈ 1.1e-7: a real difference between two ratios
    expect(compareScores(1 / 3000, 1 / 3001)).toBe(1);
    expect(compareScores(1 / 3001, 1 / 3000)).toBe(-1);
    // relative above 1: 144 and 144 + 1e-8 are equal, 144 and 144.001 are not
    expect(nearlyEqual(144, 144 + 1e-8)).toBe(true);
    expect(nearlyEqual(144, 144.001)).toBe(false);
  });

  it('atLeast counts a figure equal to the threshold up to rounding as reaching it', () => {
    expect(0.19999999999999996 >= 0.2).toBe(false);
    expect(atLeast(0.19999999999999996, 0.2)).toBe(true);
    expect(atLeast(0.19, 0.2)).toBe(false);
    expect(atLeast(0.21, 0.2)).toBe(true);
  });
});

describe('priority order with ties within EPSILON', () => {
  it('competitionPositions: 0.1 + 0.2 and 0.3 share position 1', () => {
    expect(competitionPositions([0.1 + 0.2, 0.3, 0.2])).toEqual([1, 1, 3]);
    expect(competitionPositions([5, 3, 3, 1])).toEqual([1, 2, 2, 4]);
  });

  it('indicesByScoreDesc: equal up to rounding keeps display order', () => {
    // 0.3 (index 0) and 0.30000000000000004 (index 1) are equal: index order, not the larger float first.
    expect(indicesByScoreDesc([0.3, 0.1 + 0.2, 0.5])).toEqual([2, 0, 1]);
    expect(indicesByScoreDesc([0.2, 0.7 - 0.5])).toEqual([0, 1]);
    expect(indicesByScoreDesc([0.7 - 0.5, 0.2])).toEqual([0, 1]);
  });
});
