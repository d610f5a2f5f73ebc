import { describe, expect, it } from 'vitest';
import { compareRounds } from './rounds.js';
import { computeVoteResults } from './vote.js';
import type { KendallW, Response, VoteAnswer, VoteKind, VoteResults } from './types.js';

/** A hand-made VoteResults with only what compareRounds reads filled in meaningfully: [valueId, position, normalizedScore]. */
function round(kind: VoteKind, values: [string, number, number][], w: number | null): VoteResults {
  const kendallW: KendallW | null =
    w === null ? null : { w, m: 3, n: values.length, chiSquare: 0, df: values.length - 1, p: 1, pMethod: 'chi-square', tieCorrected: false };
  return {
    kind,
    answers: 3,
    answersByGroup: {},
    scaleMax: 4,
    values: values.map(([valueId, position, normalizedScore]) => ({
      valueId,
      position,
      // A raw score that differs from the normalised one, so a test would see which is compared.
      score: normalizedScore * 12,
      normalizedScore,
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
  const before = round('rank', [['A', 1, 0.75], ['B', 2, 0.5], ['C', 3, 0.25], ['X', 4, 0.125]], 0.4);
  const after = round('rank', [['C', 1, 1], ['A', 2, 0.5], ['B', 2, 0.5], ['D', 4, 0.25]], 0.6);

  it('gives position changes and normalised score changes in the new order', () => {
    // C: 3rd → 1st = +2, score 0.25 → 1 = +0.75
    // A: 1st → 2nd = −1, score 0.75 → 0.5 = −0.25
    // B: 2nd → 2nd (shared) = 0, score 0.5 → 0.5 = 0
    // D: new this round → before/change null; X: gone → not listed
    expect(compareRounds(before, after).values).toEqual([
      { valueId: 'C', positionBefore: 3, positionAfter: 1, positionChange: 2, scoreBefore: 0.25, scoreAfter: 1, scoreChange: 0.75 },
      { valueId: 'A', positionBefore: 1, positionAfter: 2, positionChange: -1, scoreBefore: 0.75, scoreAfter: 0.5, scoreChange: -0.25 },
      { valueId: 'B', positionBefore: 2, positionAfter: 2, positionChange: 0, scoreBefore: 0.5, scoreAfter: 0.5, scoreChange: 0 },
      { valueId: 'D', positionBefore: null, positionAfter: 4, positionChange: null, scoreBefore: null, scoreAfter: 0.25, scoreChange: null },
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
    const c = compareRounds(round('rank', [['A', 1, 0.5]], null), round('rank', [['A', 1, 0.75]], 0.5));
    expect([c.wBefore, c.wAfter, c.wChange]).toEqual([null, 0.5, null]);
  });

  it('rounds of different kinds compare positions but not scores', () => {
    const c = compareRounds(round('dots', [['A', 2, 0.5], ['B', 1, 0.75]], null), round('rank', [['A', 1, 0.5], ['B', 2, 0.25]], 0.3));
    expect(c.values).toEqual([
      { valueId: 'A', positionBefore: 2, positionAfter: 1, positionChange: 1, scoreBefore: null, scoreAfter: 0.5, scoreChange: null },
      { valueId: 'B', positionBefore: 1, positionAfter: 2, positionChange: -1, scoreBefore: null, scoreAfter: 0.25, scoreChange: null },
    ]);
    expect(c.wChange).toBeNull();
  });

  it('is plain JSON', () => {
    const c = compareRounds(before, after);
    expect(JSON.parse(JSON.stringify(c))).toStrictEqual(c);
  });
});

describe('compareRounds — a change of K and turnout does not move a value that stayed first', () => {
  const values = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];
  const ballot = (i: number, order: string[]): Response<VoteAnswer> => ({ participantId: `p${i}`, groupId: 'g', answer: { kind: 'rank', order } });
  // Round 1: 10 people, top 3 of 9, everyone A, B, C → A's Borda total 10 · 3 = 30.
  const first = computeVoteResults({
    kind: 'rank',
    valueIds: values,
    groupIds: ['g'],
    responses: Array.from({ length: 10 }, (_, i) => ballot(i, ['A', 'B', 'C'])),
    minGroupSize: 3,
    topK: 3,
  });
  // Round 2: 16 people rank all 9, everyone A first, then B … I → A's Borda total 16 · 9 = 144.
  const second = computeVoteResults({
    kind: 'rank',
    valueIds: values,
    groupIds: ['g'],
    responses: Array.from({ length: 16 }, (_, i) => ballot(i, values)),
    minGroupSize: 3,
    topK: 9,
  });

  it('A: raw totals 30 → 144, but normalised 1 → 1, change 0 (not +114)', () => {
    expect(first.values[0]).toMatchObject({ valueId: 'A', score: 30, normalizedScore: 1 });
    expect(second.values[0]).toMatchObject({ valueId: 'A', score: 144, normalizedScore: 1 });
    const a = compareRounds(first, second).values[0];
    expect(a).toEqual({ valueId: 'A', positionBefore: 1, positionAfter: 1, positionChange: 0, scoreBefore: 1, scoreAfter: 1, scoreChange: 0 });
  });

  it('B: mean Borda 2 of K = 3 → 8 of K = 9: 2/3 → 8/9, +2/9', () => {
    const b = compareRounds(first, second).values[1];
    expect(b?.valueId).toBe('B');
    expect(b?.scoreBefore).toBeCloseTo(2 / 3, 12);
    expect(b?.scoreAfter).toBeCloseTo(8 / 9, 12);
    expect(b?.scoreChange).toBeCloseTo(2 / 9, 12);
  });
});
