import { describe, expect, it } from 'vitest';
import { balancedPages, pageSlice } from './usePaging.js';

describe('balanced board pages', () => {
  it('spreads items evenly over as few pages as hold them (hand-computed)', () => {
    expect(balancedPages(14, 12)).toEqual([7, 7]);
    expect(balancedPages(13, 12)).toEqual([7, 6]);
    expect(balancedPages(12, 12)).toEqual([12]);
    expect(balancedPages(25, 12)).toEqual([9, 8, 8]);
    expect(balancedPages(12, 8)).toEqual([6, 6]);
    expect(balancedPages(17, 8)).toEqual([6, 6, 5]);
    expect(balancedPages(1, 8)).toEqual([1]);
    expect(balancedPages(0, 8)).toEqual([0]);
  });

  it('never leaves a page with two cards next to a full one', () => {
    for (let count = 1; count <= 60; count++) {
      const sizes = balancedPages(count, 12);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(count);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    }
  });

  it('gives each page its slice of the list', () => {
    expect(pageSlice(14, 12, 0)).toEqual({ pages: 2, start: 0, end: 7, perPage: 7 });
    expect(pageSlice(14, 12, 1)).toEqual({ pages: 2, start: 7, end: 14, perPage: 7 });
    expect(pageSlice(13, 6, 2)).toEqual({ pages: 3, start: 9, end: 13, perPage: 5 });
  });
});
