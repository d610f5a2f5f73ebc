import { describe, expect, it } from 'vitest';
import { spearmanRho } from './spearman.js';

describe('spearmanRho', () => {
  it('is 1 for the same order and −1 for the opposite order', () => {
    expect(spearmanRho([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearmanRho([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it('matches 1 − 6Σd²/(n(n² − 1)) without ties', () => {
    // ranks x 1 2 3 4 5, ranks y 2 1 4 3 5: d = −1 1 −1 1 0, Σd² = 4
    // ρ = 1 − 6·4 / (5·24) = 1 − 0.2 = 0.8
    expect(spearmanRho([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('uses Pearson on mid-ranks with ties', () => {
    // ranks x = 1 2 3 4, ranks y = 1 2.5 2.5 4 (y = 1 2 2 3); both means 2.5
    // dx = −1.5 −.5 .5 1.5; dy = −1.5 0 0 1.5
    // Σdxdy = 2.25 + 0 + 0 + 2.25 = 4.5; Σdx² = 5; Σdy² = 4.5
    // ρ = 4.5 / √(5·4.5) = √(20.25 / 22.5) = √0.9 = 0.948683
    // (the d² shortcut would give 1 − 6·0.5/60 = 0.95, which is wrong with ties)
    expect(spearmanRho([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('is 0 for unrelated orders', () => {
    // ranks x = 3 2 1 (x = .75 .17 .08), ranks y = 1.5 3 1.5; dx = 1 0 −1, dy = −.5 1 −.5
    // Σdxdy = −.5 + 0 + .5 = 0 → ρ = 0
    expect(spearmanRho([0.75, 1 / 6, 1 / 12], [1 / 9, 7 / 9, 1 / 9])).toBeCloseTo(0, 12);
  });

  it('is null with fewer than two pairs or a constant list (zero variance)', () => {
    expect(spearmanRho([], [])).toBeNull();
    expect(spearmanRho([1], [2])).toBeNull();
    expect(spearmanRho([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearmanRho([0, 0], [1, 2])).toBeNull();
  });

  it('rejects lists of different length', () => {
    expect(() => spearmanRho([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
