import { describe, expect, it } from 'vitest';
import { bordaScores, cleanOrder, resolveTopK } from './borda.js';

const values = ['a', 'b', 'c', 'd'];

describe('bordaScores', () => {
  it('gives position r of the top K K − r + 1 points and unranked values 0', () => {
    // K = 2: c first → 2, a second → 1
    expect(bordaScores(['c', 'a'], values, 2)).toEqual([1, 0, 2, 0]);
    // K = 4: 4 3 2 1
    expect(bordaScores(['d', 'c', 'b', 'a'], values, 4)).toEqual([1, 2, 3, 4]);
  });

  it('gives the first choice K points even when fewer than K are ranked', () => {
    // K = 3, only b ranked → b gets 3
    expect(bordaScores(['b'], values, 3)).toEqual([0, 3, 0, 0]);
  });

  it('ignores unknown ids, repeats and entries past K', () => {
    // cleaned: b, a (x unknown, second b repeat) → b 3, a 2
    expect(bordaScores(['x', 'b', 'b', 'a'], values, 3)).toEqual([2, 3, 0, 0]);
    // K = 2: c and d are past K
    expect(bordaScores(['a', 'b', 'c', 'd'], values, 2)).toEqual([2, 1, 0, 0]);
  });

  it('caps K at the number of values', () => {
    // K = 5 with 2 values → K = 2: 2 1
    expect(bordaScores(['a', 'b'], ['a', 'b'], 5)).toEqual([2, 1]);
  });

  it('is all zeros for an empty order or K ≤ 0', () => {
    expect(bordaScores([], values, 3)).toEqual([0, 0, 0, 0]);
    expect(bordaScores(['a'], values, 0)).toEqual([0, 0, 0, 0]);
    expect(bordaScores(['a'], values, Number.NaN)).toEqual([0, 0, 0, 0]);
    expect(bordaScores(['a'], [], 3)).toEqual([]);
  });
});

describe('cleanOrder and resolveTopK', () => {
  it('cleans an order', () => {
    expect(cleanOrder(['x', 'b', 'b', 'a', 'c'], values, 2)).toEqual(['b', 'a']);
    expect(cleanOrder(['a'], values, -1)).toEqual([]);
  });

  it('uses the configured K, floored and capped at the number of values', () => {
    expect(resolveTopK([], values, 3)).toBe(3);
    expect(resolveTopK([], values, 2.7)).toBe(2);
    expect(resolveTopK([], values, 9)).toBe(4);
  });

  it('defaults to the longest cleaned order', () => {
    // cleaned lengths: 2 (a, b), 1 (c; x unknown, c repeated) → 2
    expect(resolveTopK([['a', 'b'], ['x', 'c', 'c']], values)).toBe(2);
    expect(resolveTopK([['a', 'b'], ['c']], values, 0)).toBe(2);
    expect(resolveTopK([], values)).toBe(0);
  });
});
