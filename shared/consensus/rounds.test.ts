import { describe, expect, it } from 'vitest';
import { compareRounds } from './rounds.js';
import type { KendallW, VoteKind, VoteResults } from './types.js';

/** A hand-made VoteResults with only what compareRounds reads filled in meaningfully. */
function round(kind: VoteKind, values: [string, number, number][], w: number | null): VoteResults {
  const kendallW: KendallW | null = w === null ? null : { w, m: 3, n: values.length, chiSquare: 0, df: values.length - 1, p: 1, tieCorrected: false };
  return {
    kind,
    answers: 3,
    answersByGroup: {},
    values: values.map(([valueId, position, score]) => ({
      valueId,
      position,
      score,
      share: 0,
      spread: { mean: 0, sd: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 },
      agreement: null,
      supporters: 0,
      supportShare: 0,
    })),
    kendallW,
    agreementLevel: null,
    lens: { includedGroupIds: [], excludedGroups: [], cells: {}, commonGround: [], tension: [], withinGroupW: {}, betweenGroups: [] },
  };
}

describe('compareRounds', () => {
  const before = round('rank', [['A', 1, 10], ['B', 2, 8], ['C', 3, 5], ['X', 4, 1]], 0.4);
  const after = round('rank', [['C', 1, 12], ['A', 2, 9], ['B', 2, 9], ['D', 4, 3]], 0.6);

  it('gives position and score changes in the new order', () => {
    // C: 3rd → 1st = +2, score 5 → 12 = +7
    // A: 1st → 2nd = −1, score 10 → 9 = −1
    // B: 2nd → 2nd (shared) = 0, score 8 → 9 = +1
    // D: new this round → before/change null; X: gone → not listed
    expect(compareRounds(before, after).values).toEqual([
      { valueId: 'C', positionBefore: 3, positionAfter: 1, positionChange: 2, scoreBefore: 5, scoreAfter: 12, scoreChange: 7 },
      { valueId: 'A', positionBefore: 1, positionAfter: 2, positionChange: -1, scoreBefore: 10, scoreAfter: 9, scoreChange: -1 },
      { valueId: 'B', positionBefore: 2, positionAfter: 2, positionChange: 0, scoreBefore: 8, scoreAfter: 9, scoreChange: 1 },
      { valueId: 'D', positionBefore: null, positionAfter: 4, positionChange: null, scoreBefore: null, scoreAfter: 3, scoreChange: null },
    ]);
  });

  it('gives the change in W', () => {
    // 0.6 − 0.4 = 0.2
    const c = compareRounds(before, after);
    expect(c.wBefore).toBe(0.4);
    expect(c.wAfter).toBe(0.6);
    expect(c.wChange).toBeCloseTo(0.2, 12);
  });

  it('first round: everything "before" is null', () => {
    const c = compareRounds(null, after);
    expect(c.values.map((v) => [v.valueId, v.positionBefore, v.positionChange, v.scoreBefore, v.scoreChange])).toEqual([
      ['C', null, null, null, null],
      ['A', null, null, null, null],
      ['B', null, null, null, null],
      ['D', null, null, null, null],
    ]);
    expect([c.wBefore, c.wAfter, c.wChange]).toEqual([null, 0.6, null]);
  });

  it('W missing in one round → wChange null', () => {
    const c = compareRounds(round('rank', [['A', 1, 3]], null), round('rank', [['A', 1, 4]], 0.5));
    expect([c.wBefore, c.wAfter, c.wChange]).toEqual([null, 0.5, null]);
  });

  it('rounds of different kinds compare positions but not scores', () => {
    const c = compareRounds(round('dots', [['A', 2, 7], ['B', 1, 9]], null), round('rank', [['A', 1, 5], ['B', 2, 4]], 0.3));
    expect(c.values).toEqual([
      { valueId: 'A', positionBefore: 2, positionAfter: 1, positionChange: 1, scoreBefore: null, scoreAfter: 5, scoreChange: null },
      { valueId: 'B', positionBefore: 1, positionAfter: 2, positionChange: -1, scoreBefore: null, scoreAfter: 4, scoreChange: null },
    ]);
    expect(c.wChange).toBeNull();
  });

  it('is plain JSON', () => {
    const c = compareRounds(before, after);
    expect(JSON.parse(JSON.stringify(c))).toStrictEqual(c);
  });
});
