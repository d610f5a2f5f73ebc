import { describe, expect, it } from 'vitest';
import type { Response, VoteAnswer } from '../../consensus/types.js';
import {
  computeOptionsResults,
  normaliseWeights,
  optionValueStats,
  voteWeights,
  weightedFit,
  type OptionsInput,
  type OptionsResponse,
} from './math.js';
import type { OptionRatings, OptionResult, OptionsResults } from './model.js';

type S = -2 | -1 | 0 | 1 | 2 | null;

/** ratings from { option: [scoreF, scoreG, ...] } aligned with `values`; undefined = not answered. */
function rate(values: readonly string[], byOption: Record<string, readonly (S | undefined)[]>): OptionRatings {
  const out: OptionRatings = {};
  for (const [optionId, scores] of Object.entries(byOption)) {
    const perValue: Record<string, S> = {};
    values.forEach((v, i) => {
      const s = scores[i];
      if (s !== undefined) perValue[v] = s;
    });
    out[optionId] = perValue;
  }
  return out;
}

const resp = (participantId: string, groupId: string, ratings: OptionRatings): OptionsResponse => ({ participantId, groupId, ratings });

function option(r: OptionsResults, id: string): OptionResult {
  const o = r.options.find((x) => x.optionId === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
}
function group(o: OptionResult, id: string) {
  const g = o.groups.find((x) => x.groupId === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
}

describe('weightedFit', () => {
  it('is Σ w·m / Σ w over the values that have a number', () => {
    // 0.75·2 + 0.25·(−1) = 1.25
    expect(weightedFit([2, -1], [0.75, 0.25])).toBeCloseTo(1.25, 12);
    // only the first value has a number: 0.75·1 / 0.75 = 1
    expect(weightedFit([1, null], [0.75, 0.25])).toBeCloseTo(1, 12);
    // weight 0 on the only value with a number → null
    expect(weightedFit([2, null], [0, 1])).toBeNull();
    expect(weightedFit([null, null], [0.5, 0.5])).toBeNull();
    expect(weightedFit([], [])).toBeNull();
  });
});

describe('normaliseWeights', () => {
  it('renormalises over the values that take part; null with nothing to weigh', () => {
    // {F:3, G:1, X:4}, V = [F, G]: X ignored → 3/4, 1/4
    expect(normaliseWeights({ F: 3, G: 1, X: 4 }, ['F', 'G'])).toEqual({ F: 0.75, G: 0.25 });
    // negative and NaN count as 0; missing value weighs 0
    expect(normaliseWeights({ F: -1, G: Number.NaN, H: 2 }, ['F', 'G', 'H'])).toEqual({ F: 0, G: 0, H: 1 });
    expect(normaliseWeights({ F: 0 }, ['F', 'G'])).toBeNull();
    expect(normaliseWeights(null, ['F'])).toBeNull();
    // an inherited name is not a weight
    expect(normaliseWeights({}, ['constructor'])).toBeNull();
  });
});

describe('optionValueStats', () => {
  it('n, dontKnow, mean, population sd and Tastle–Wierman agreement on [−2, +2]', () => {
    // [2, 2, 1] and one don't know, one unanswered: n 3, mean 5/3,
    // sd = √(((1/3)² + (1/3)² + (2/3)²)/3) = √(6/27) = √(2/9) ≈ 0.4714,
    // |x − μ|/4 = 1/12, 1/12, 1/6 → Cns = 1 + (2·log₂(11/12) + log₂(5/6))/3 ≈ 0.8286
    const s = optionValueStats('F', [2, 2, 1, null, undefined]);
    expect(s).toMatchObject({ valueId: 'F', n: 3, dontKnow: 1 });
    expect(s.mean).toBeCloseTo(5 / 3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(s.agreement).toBeCloseTo(1 + (2 * Math.log2(11 / 12) + Math.log2(5 / 6)) / 3, 12);
    expect(s.agreement).toBeCloseTo(0.8286, 4);
    // [2, −2]: μ = 0, |x − μ|/4 = 1/2 → Cns = 1 + log₂(1/2) = 0 (the room split at both ends)
    expect(optionValueStats('F', [2, -2]).agreement).toBeCloseTo(0, 12);
    // one score: mean and sd, no agreement
    expect(optionValueStats('F', [1])).toEqual({ valueId: 'F', n: 1, dontKnow: 0, mean: 1, sd: 0, agreement: null });
    expect(optionValueStats('F', [null, null])).toEqual({ valueId: 'F', n: 0, dontKnow: 2, mean: null, sd: null, agreement: null });
  });
});

describe('voteWeights', () => {
  const dots = (participantId: string, groupId: string, d: Record<string, number>): Response<VoteAnswer> => ({
    participantId,
    groupId,
    answer: { kind: 'dots', dots: d },
  });

  it('dots: each value’s share of the dots over the values that take part, room and per group', () => {
    //            F  G  H   (options take part with V = [F, G, K]; H is outside V, K not in the vote)
    //   a  a1    3  1  .
    //      a2    1  1  2
    //   b  b1    .  2  .
    //      b2    .  .  4
    //   c  c1    1  .  .      (1 ballot < min 2 → null)
    //   d  —                  (no ballots → null)
    //   e  e1    .  .  3      (2 ballots, but nothing on V → null)
    //      e2    .  .  1
    const w = voteWeights(
      {
        kind: 'dots',
        valueIds: ['F', 'G', 'H'],
        groupIds: ['a', 'b', 'c', 'd', 'e'],
        responses: [
          dots('a1', 'a', { F: 3, G: 1 }),
          dots('a2', 'a', { F: 1, G: 1, H: 2 }),
          dots('b1', 'b', { G: 2 }),
          dots('b2', 'b', { H: 4 }),
          dots('c1', 'c', { F: 1 }),
          dots('e1', 'e', { H: 3 }),
          dots('e2', 'e', { H: 1 }),
        ],
        minGroupSize: 2,
        dotsPerParticipant: 4,
      },
      ['F', 'G', 'K'],
    );
    // room: F 3+1+1 = 5, G 1+1+2 = 4, K 0 → 5/9, 4/9, 0
    expect(w.room.F).toBeCloseTo(5 / 9, 12);
    expect(w.room.G).toBeCloseTo(4 / 9, 12);
    expect(w.room.K).toBe(0);
    // a: F 4, G 2 → 2/3, 1/3; b: G 2 → 0, 1
    expect(w.byGroup.a?.F).toBeCloseTo(2 / 3, 12);
    expect(w.byGroup.a?.G).toBeCloseTo(1 / 3, 12);
    expect(w.byGroup.a?.K).toBe(0);
    expect(w.byGroup.b).toEqual({ F: 0, G: 1, K: 0 });
    expect(w.byGroup.c).toBeNull();
    expect(w.byGroup.d).toBeNull();
    expect(w.byGroup.e).toBeNull();
    expect(Object.keys(w.byGroup)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rank: shares of the Borda points', () => {
    // K = 3: [F, G, H] → 3, 2, 1; [G, F, H] → 2, 3, 1. Totals F 5, G 5, H 2 of 12.
    const w = voteWeights(
      {
        kind: 'rank',
        valueIds: ['F', 'G', 'H'],
        groupIds: ['x'],
        responses: [
          { participantId: 'p1', groupId: 'x', answer: { kind: 'rank', order: ['F', 'G', 'H'] } },
          { participantId: 'p2', groupId: 'x', answer: { kind: 'rank', order: ['G', 'F', 'H'] } },
        ],
        minGroupSize: 2,
        topK: 3,
      },
      ['F', 'G', 'H'],
    );
    expect(w.room.F).toBeCloseTo(5 / 12, 12);
    expect(w.room.G).toBeCloseTo(5 / 12, 12);
    expect(w.room.H).toBeCloseTo(2 / 12, 12);
    expect(w.byGroup.x?.H).toBeCloseTo(2 / 12, 12);
  });

  it('points: shares of the points; a vote nobody answered gives equal room weights and no group weights', () => {
    // p1 60/40, p2 20/80 → F 80, G 120 of 200 → 0.4, 0.6
    const w = voteWeights(
      {
        kind: 'points',
        valueIds: ['F', 'G'],
        groupIds: ['x'],
        responses: [
          { participantId: 'p1', groupId: 'x', answer: { kind: 'points', points: { F: 60, G: 40 } } },
          { participantId: 'p2', groupId: 'x', answer: { kind: 'points', points: { F: 20, G: 80 } } },
        ],
        minGroupSize: 3,
      },
      ['F', 'G'],
    );
    expect(w.room.F).toBeCloseTo(0.4, 12);
    expect(w.room.G).toBeCloseTo(0.6, 12);
    expect(w.byGroup.x).toBeNull(); // 2 ballots < min 3
    const none = voteWeights({ kind: 'dots', valueIds: ['F', 'G'], groupIds: ['x'], responses: [], minGroupSize: 1 }, ['F', 'G', 'K']);
    expect(none.room.F).toBeCloseTo(1 / 3, 12);
    expect(none.room.K).toBeCloseTo(1 / 3, 12);
    expect(none.byGroup).toEqual({ x: null });
  });
});

describe('computeOptionsResults — a clear hand case: 3 groups of 3, options A B C, values F G, room weights 3:1', () => {
  const V = ['F', 'G'];
  //              A (F, G)    B (F, G)    C (F, G)
  //   res  r1     2   1       0   2      −1   0
  //        r2     1   0      −1   2      −1   0
  //        r3     0  −1       1   1      −1   0
  //   mun  m1     2   2       0   1      −1   0
  //        m2     2   1       1   0      −1   0
  //        m3     1   ?      −1   2      −1   0
  //   biz  b1    −2   0       1   2      −1   0
  //        b2    −1  −1       0   1      −1   0
  //        b3     0   ?       2   2      −1   0
  const rows: [string, string, S[], S[]][] = [
    ['r1', 'res', [2, 1], [0, 2]],
    ['r2', 'res', [1, 0], [-1, 2]],
    ['r3', 'res', [0, -1], [1, 1]],
    ['m1', 'mun', [2, 2], [0, 1]],
    ['m2', 'mun', [2, 1], [1, 0]],
    ['m3', 'mun', [1, null], [-1, 2]],
    ['b1', 'biz', [-2, 0], [1, 2]],
    ['b2', 'biz', [-1, -1], [0, 1]],
    ['b3', 'biz', [0, null], [2, 2]],
  ];
  const input: OptionsInput = {
    optionIds: ['A', 'B', 'C'],
    valueIds: V,
    groupIds: ['res', 'mun', 'biz'],
    responses: rows.map(([p, g, a, b]) => resp(p, g, rate(V, { A: a, B: b, C: [-1, 0] }))),
    minGroupSize: 3,
    weights: {
      mode: 'room',
      voteActivityId: 'vote1',
      room: { F: 3, G: 1 }, // → 0.75, 0.25
      byGroup: { res: { F: 1, G: 3 }, mun: { F: 3, G: 1 }, biz: null },
    },
  };
  const r = computeOptionsResults(input);

  it('room means, spread, agreement and fit', () => {
    const A = option(r, 'A');
    // A·F: 2+1+0+2+2+1−2−1+0 = 5 over 9 → 5/9; A·G: 1+0−1+2+1+0−1 = 2 over 7 (2 don't know) → 2/7
    expect(A.values[0]).toMatchObject({ valueId: 'F', n: 9, dontKnow: 0 });
    expect(A.values[0]?.mean).toBeCloseTo(5 / 9, 12);
    expect(A.values[1]).toMatchObject({ valueId: 'G', n: 7, dontKnow: 2 });
    expect(A.values[1]?.mean).toBeCloseTo(2 / 7, 12);
    // fit A = 0.75·5/9 + 0.25·2/7 = 5/12 + 1/14 = 41/84 ≈ 0.4881
    expect(A.fit).toBeCloseTo(41 / 84, 12);
    // B·F: 0−1+1+0+1−1+1+0+2 = 3 → 1/3; B·G: 2+2+1+1+0+2+2+1+2 = 13 → 13/9
    // fit B = 0.75/3 + 0.25·13/9 = 9/36 + 13/36 = 11/18 ≈ 0.6111
    expect(option(r, 'B').fit).toBeCloseTo(11 / 18, 12);
    // C: F all −1, G all 0 → fit −0.75; sd 0, agreement 1 (everyone the same)
    const C = option(r, 'C');
    expect(C.fit).toBeCloseTo(-0.75, 12);
    expect(C.values[0]).toEqual({ valueId: 'F', n: 9, dontKnow: 0, mean: -1, sd: 0, agreement: 1 });
  });

  it('positions and the room’s winner: B 1, A 2, C 3', () => {
    expect(r.options.map((o) => [o.optionId, o.position])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
    expect(r.winnerIds).toEqual(['B']);
    expect(r.answers).toBe(9);
    expect(r.answersByGroup).toEqual({ res: 3, mun: 3, biz: 3 });
    expect(r.includedGroupIds).toEqual(['res', 'mun', 'biz']);
    expect(r.excludedGroups).toEqual([]);
  });

  it('per group: means, fit with the room weights (mode room), and the members who can live with it', () => {
    const A = option(r, 'A');
    // res A: F 2,1,0 → mean 1, sd √(2/3); G 1,0,−1 → 0. fit = 0.75·1 + 0.25·0 = 0.75
    const res = group(A, 'res');
    expect(res.values[0]?.mean).toBeCloseTo(1, 12);
    expect(res.values[0]?.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(res.fit).toBeCloseTo(0.75, 12);
    expect(res.ownWeights).toBe(false);
    // members: r1 0.75·2 + 0.25·1 = 1.75, r2 0.75, r3 −0.25 → 2 of 3, share (2+1)/(3+2) = 0.6
    expect(res).toMatchObject({ answers: 3, canLiveWith: 2, withFit: 3 });
    expect(res.share).toBeCloseTo(0.6, 12);
    // mun A: F 2,2,1 → 5/3; G 2,1 (1 don't know) → 1.5; fit = 1.25 + 0.375 = 1.625
    // members: m1 2, m2 1.75, m3 F only → 0.75·1/0.75 = 1 → 3 of 3, share 4/5
    const mun = group(A, 'mun');
    expect(mun.values[1]).toMatchObject({ n: 2, dontKnow: 1, mean: 1.5 });
    expect(mun.fit).toBeCloseTo(1.625, 12);
    expect(mun.canLiveWith).toBe(3);
    expect(mun.share).toBeCloseTo(0.8, 12);
    // biz A: F −2,−1,0 → −1; G 0,−1 → −0.5; fit = −0.75 − 0.125 = −0.875
    // members: b1 −1.5, b2 −1, b3 F only → 0 (≥ 0 counts) → 1 of 3, share 2/5
    const biz = group(A, 'biz');
    expect(biz.fit).toBeCloseTo(-0.875, 12);
    expect(biz.canLiveWith).toBe(1);
    expect(biz.share).toBeCloseTo(0.4, 12);
  });

  it('"every group can live with it": geometric mean of the shares, lowest group beside it', () => {
    // A: (0.6·0.8·0.4)^(1/3) = 0.192^(1/3) ≈ 0.5769, lowest biz 0.4
    const A = option(r, 'A').liveWith;
    expect(A?.score).toBeCloseTo(Math.cbrt(0.192), 12);
    expect(A?.score).toBeCloseTo(0.5769, 4);
    expect(A).toMatchObject({ lowestGroupId: 'biz' });
    expect(A?.lowestShare).toBeCloseTo(0.4, 12);
    // B: res r1 0.5, r2 −0.25, r3 1 → 2/3 → 0.6; mun m1 0.25, m2 0.75, m3 −0.25 → 0.6;
    //    biz 1.25, 0.25, 2 → 3/3 → 0.8. (0.6·0.6·0.8)^(1/3) = 0.288^(1/3) ≈ 0.6604; lowest res (tie with mun, res first)
    const B = option(r, 'B').liveWith;
    expect(B?.score).toBeCloseTo(Math.cbrt(0.288), 12);
    expect(B?.lowestGroupId).toBe('res');
    // C: everyone −0.75 → 0 of 3 in each group, share 1/5; score 0.2, lowest res
    expect(option(r, 'C').liveWith?.score).toBeCloseTo(0.2, 12);
    expect(option(r, 'C').liveWith?.lowestGroupId).toBe('res');
    expect(r.liveWithIds).toEqual(['B']);
  });

  it('"what splits us": the value with the largest spread of group means', () => {
    // A·F: res 1, mun 5/3, biz −1 → 8/3; A·G: 0, 1.5, −0.5 → 2. F wins, high mun, low biz.
    expect(option(r, 'A').split).toMatchObject({ valueId: 'F', highGroupId: 'mun', lowGroupId: 'biz' });
    expect(option(r, 'A').split?.spread).toBeCloseTo(8 / 3, 12);
    // B·F: 0, 0, 1 → 1 (low: res, first of the tie); B·G: 5/3, 1, 5/3 → 2/3
    expect(option(r, 'B').split).toMatchObject({ valueId: 'F', highGroupId: 'biz', lowGroupId: 'res' });
    expect(option(r, 'B').split?.spread).toBeCloseTo(1, 12);
    // C: all groups equal on both → spread 0, the first value, first group both ends
    expect(option(r, 'C').split).toEqual({ valueId: 'F', spread: 0, highGroupId: 'res', lowGroupId: 'res' });
  });

  it('"whose values decide": res (1:3) and mun (3:1) both pick B; biz did not vote → not there; no flip', () => {
    // res weights 0.25, 0.75 on the room means: A 0.25·5/9 + 0.75·2/7 = 89/252 ≈ 0.353,
    // B 0.25/3 + 0.75·13/9 = 7/6, C −0.25 → B
    expect(r.whoseValues.map((w) => [w.groupId, w.winnerIds])).toEqual([
      ['res', ['B']],
      ['mun', ['B']],
    ]);
    const res = r.whoseValues[0];
    expect(res?.fits[0]?.fit).toBeCloseTo(89 / 252, 12);
    expect(res?.fits[1]?.fit).toBeCloseTo(7 / 6, 12);
    expect(res?.fits[2]?.fit).toBeCloseTo(-0.25, 12);
    expect(r.flips).toBe(false);
    expect(r.weights.room).toEqual({ F: 0.75, G: 0.25 });
    expect(r.weights.byGroup).toEqual({ res: { F: 0.25, G: 0.75 }, mun: { F: 0.75, G: 0.25 }, biz: null });
    expect(r.weights).toMatchObject({ mode: 'room', voteActivityId: 'vote1' });
  });
});

describe('computeOptionsResults — a group’s weights flip the winner (mode group)', () => {
  // Values F G, room weights 0.75/0.25. Everyone scores X: F 2, G −1 and Y: F 0, G 2.
  // Group a (2) has own weights {G: 2} → 0, 1; group b (2) did not vote (null) → room weights.
  const V = ['F', 'G'];
  const same = rate(V, { X: [2, -1], Y: [0, 2] });
  const r = computeOptionsResults({
    optionIds: ['X', 'Y'],
    valueIds: V,
    groupIds: ['a', 'b'],
    responses: [resp('a1', 'a', same), resp('a2', 'a', same), resp('b1', 'b', same), resp('b2', 'b', same)],
    minGroupSize: 2,
    weights: { mode: 'group', voteActivityId: 'v', room: { F: 0.75, G: 0.25 }, byGroup: { a: { G: 2 }, b: null } },
  });

  it('room: X 0.75·2 − 0.25 = 1.25 beats Y 0.25·2 = 0.5; group a’s weights pick Y (−1 vs 2) → flips', () => {
    expect(option(r, 'X').fit).toBeCloseTo(1.25, 12);
    expect(option(r, 'Y').fit).toBeCloseTo(0.5, 12);
    expect(r.winnerIds).toEqual(['X']);
    expect(r.whoseValues).toEqual([
      { groupId: 'a', winnerIds: ['Y'], differs: true, fits: [{ optionId: 'X', fit: -1 }, { optionId: 'Y', fit: 2 }] },
    ]);
    expect(r.flips).toBe(true);
  });

  it('group fits use the group’s own weights in mode group, the room’s for a group that did not vote', () => {
    expect(group(option(r, 'X'), 'a')).toMatchObject({ fit: -1, ownWeights: true, canLiveWith: 0, withFit: 2 });
    const bx = group(option(r, 'X'), 'b');
    expect(bx.fit).toBeCloseTo(1.25, 12);
    expect(bx.ownWeights).toBe(false);
    expect(r.weights.byGroup).toEqual({ a: { F: 0, G: 1 }, b: null });
  });

  it('so the room wins X but every group can live with Y', () => {
    // X: a 0 of 2 → 1/4, b 2 of 2 → 3/4; √(3/16) = √3/4 ≈ 0.433, lowest a
    // Y: a fits 2 → 3/4, b 0.5 → 3/4; score 0.75, lowest a (tie)
    expect(option(r, 'X').liveWith?.score).toBeCloseTo(Math.sqrt(3) / 4, 12);
    expect(option(r, 'X').liveWith?.lowestGroupId).toBe('a');
    expect(option(r, 'Y').liveWith?.score).toBeCloseTo(0.75, 12);
    expect(r.liveWithIds).toEqual(['Y']);
  });
});

describe('computeOptionsResults — ties', () => {
  // Values F G H, raw room weights 1:1:1 → 1/3 each. Two members (one in a, one in b), same scores:
  //   P 2, 0, 1 → 1;  Q 0, 2, 1 → 1;  R 0, 0, 0 → 0;  T 1, 1, 1 → 1.
  const V = ['F', 'G', 'H'];
  const ratings = rate(V, { P: [2, 0, 1], Q: [0, 2, 1], R: [0, 0, 0], T: [1, 1, 1] });
  const r = computeOptionsResults({
    optionIds: ['P', 'Q', 'R', 'T'],
    valueIds: V,
    groupIds: ['a', 'b'],
    responses: [resp('a1', 'a', ratings), resp('b1', 'b', ratings)],
    minGroupSize: 1,
    weights: { mode: 'room', voteActivityId: 'v', room: { F: 1, G: 1, H: 1 }, byGroup: {} },
  });

  it('equal fits share position 1 and are all winners, in option order; the next fit is 4th', () => {
    // P (2+0+1)/3 = 1, Q (0+2+1)/3 = 1, T (1+1+1)/3 = 1, R 0
    expect(r.options.map((o) => [o.optionId, o.position])).toEqual([
      ['P', 1],
      ['Q', 1],
      ['T', 1],
      ['R', 4],
    ]);
    expect(r.winnerIds).toEqual(['P', 'Q', 'T']);
    // every member's own fit is ≥ 0 on every option → every share 2/3, liveWith 2/3 everywhere → all four
    expect(r.liveWithIds).toEqual(['P', 'Q', 'R', 'T']);
    expect(option(r, 'R').liveWith?.score).toBeCloseTo(2 / 3, 12);
    // no group weights → whoseValues empty
    expect(r.whoseValues).toEqual([]);
    expect(r.flips).toBe(false);
  });
});

describe('computeOptionsResults — a tie that only rounding separates', () => {
  it('fits equal within EPSILON share position 1 and both win', () => {
    // weights 7:2:1 → 0.7, 0.2, 0.1. P: −2, −2, 1 → −1.4 − 0.4 + 0.1 = −1.7;
    // Q: −2, −1, −1 → −1.4 − 0.2 − 0.1 = −1.7 on paper; in floating point −1.7 and −1.7000000000000002.
    // R: −2, −2, −2 → −2.
    const V = ['F', 'G', 'H'];
    const r = computeOptionsResults({
      optionIds: ['P', 'Q', 'R'],
      valueIds: V,
      groupIds: [],
      responses: [resp('p', 'a', rate(V, { P: [-2, -2, 1], Q: [-2, -1, -1], R: [-2, -2, -2] }))],
      minGroupSize: 1,
      weights: { mode: 'room', voteActivityId: 'v', room: { F: 7, G: 2, H: 1 }, byGroup: {} },
    });
    expect(option(r, 'P').fit).not.toBe(option(r, 'Q').fit);
    expect(option(r, 'P').fit).toBeCloseTo(-1.7, 12);
    expect(option(r, 'Q').fit).toBeCloseTo(-1.7, 12);
    expect(r.options.map((o) => [o.optionId, o.position])).toEqual([
      ['P', 1],
      ['Q', 1],
      ['R', 3],
    ]);
    expect(r.winnerIds).toEqual(['P', 'Q']);
  });
});

describe('computeOptionsResults — a group below the minimum size', () => {
  // min 2: a has 2, b has 1 (left out, named), c has 0 (named). b has own weights but is not in whoseValues.
  const V = ['F', 'G'];
  const r = computeOptionsResults({
    optionIds: ['X', 'Y'],
    valueIds: V,
    groupIds: ['a', 'b', 'c'],
    responses: [
      resp('a1', 'a', rate(V, { X: [2, 2], Y: [1, 1] })),
      resp('a2', 'a', rate(V, { X: [0, 0], Y: [1, 1] })),
      resp('b1', 'b', rate(V, { X: [-2, -2], Y: [2, 2] })),
      resp('z1', 'unknown', rate(V, { X: [-2, -2], Y: [2, 2] })),
    ],
    minGroupSize: 2,
    weights: { mode: 'group', voteActivityId: 'v', room: null, byGroup: { a: { F: 1 }, b: { G: 1 } } },
  });

  it('is left out of every per-group figure and named; the room counts everyone', () => {
    expect(r.includedGroupIds).toEqual(['a']);
    expect(r.excludedGroups).toEqual([
      { groupId: 'b', answers: 1 },
      { groupId: 'c', answers: 0 },
    ]);
    expect(r.answers).toBe(4);
    expect(r.answersByGroup).toEqual({ a: 2, b: 1, c: 0 });
    // room null → equal weights. X room means: F (2+0−2−2)/4 = −0.5, G the same → fit −0.5;
    // Y: F (1+1+2+2)/4 = 1.5 → fit 1.5. Y wins in the room.
    expect(r.weights.room).toEqual({ F: 0.5, G: 0.5 });
    expect(option(r, 'X').fit).toBeCloseTo(-0.5, 12);
    expect(option(r, 'Y').fit).toBeCloseTo(1.5, 12);
    expect(r.winnerIds).toEqual(['Y']);
    for (const o of r.options) expect(o.groups.map((g) => g.groupId)).toEqual(['a']);
    // liveWith over a alone: X a1 2, a2 0 → 2 of 2 → 3/4; Y 2 of 2 → 3/4 → tie, both
    expect(option(r, 'X').liveWith).toMatchObject({ lowestGroupId: 'a' });
    expect(option(r, 'X').liveWith?.score).toBeCloseTo(0.75, 12);
    expect(r.liveWithIds).toEqual(['X', 'Y']);
    // a's own weights (F only) on the room's means: X −0.5, Y 1.5 → Y, as the room; b (own weights
    // G only, which would give the same) is in neither whoseValues nor weights.byGroup
    expect(r.whoseValues).toEqual([{ groupId: 'a', winnerIds: ['Y'], differs: false, fits: [{ optionId: 'X', fit: -0.5 }, { optionId: 'Y', fit: 1.5 }] }]);
    expect(r.flips).toBe(false);
    expect(r.weights.byGroup).toEqual({ a: { F: 1, G: 0 } });
    // one included group: no split
    expect(option(r, 'X').split).toBeNull();
  });
});

describe('computeOptionsResults — "don’t know" everywhere', () => {
  const V = ['F', 'G'];
  const dk = rate(V, { X: [null, null], Y: [null, null] });
  const r = computeOptionsResults({
    optionIds: ['X', 'Y'],
    valueIds: V,
    groupIds: ['a', 'b'],
    responses: [resp('a1', 'a', dk), resp('a2', 'a', dk), resp('b1', 'b', dk), resp('b2', 'b', dk)],
    minGroupSize: 2,
    weights: { mode: 'group', voteActivityId: 'v', room: { F: 1, G: 1 }, byGroup: { a: { F: 1, G: 3 }, b: null } },
  });

  it('means, fits, winners, liveWith and splits are empty; nothing crashes', () => {
    for (const o of r.options) {
      expect(o.fit).toBeNull();
      expect(o.position).toBe(1);
      expect(o.values).toEqual([
        { valueId: 'F', n: 0, dontKnow: 4, mean: null, sd: null, agreement: null },
        { valueId: 'G', n: 0, dontKnow: 4, mean: null, sd: null, agreement: null },
      ]);
      expect(o.liveWith).toBeNull();
      expect(o.split).toBeNull();
      for (const g of o.groups) expect(g).toMatchObject({ fit: null, canLiveWith: 0, withFit: 0, share: 0.5 });
    }
    expect(r.winnerIds).toEqual([]);
    expect(r.liveWithIds).toEqual([]);
    expect(r.whoseValues).toEqual([{ groupId: 'a', winnerIds: [], differs: false, fits: [{ optionId: 'X', fit: null }, { optionId: 'Y', fit: null }] }]);
    expect(r.flips).toBe(false);
  });

  it('an option nobody scored comes after the options with a fit', () => {
    const mixed = computeOptionsResults({
      optionIds: ['X', 'Y', 'Z'],
      valueIds: V,
      groupIds: [],
      responses: [resp('p', 'a', rate(V, { X: [null, null], Y: [1, -1], Z: [2, undefined] }))],
      minGroupSize: 1,
      weights: { mode: 'equal', voteActivityId: null, room: null, byGroup: {} },
    });
    // Y (1 − 1)/2 = 0, Z only F → 2; X no fit → position 3
    expect(mixed.options.map((o) => [o.optionId, o.position, o.fit])).toEqual([
      ['Z', 1, 2],
      ['Y', 2, 0],
      ['X', 3, null],
    ]);
    expect(mixed.winnerIds).toEqual(['Z']);
    // no group at all → no liveWith
    expect(mixed.liveWithIds).toEqual([]);
  });
});

describe('computeOptionsResults — one option', () => {
  it('wins alone', () => {
    const V = ['F'];
    const r = computeOptionsResults({
      optionIds: ['X'],
      valueIds: V,
      groupIds: ['a'],
      responses: [resp('a1', 'a', rate(V, { X: [-1] })), resp('a2', 'a', rate(V, { X: [2] }))],
      minGroupSize: 2,
      weights: { mode: 'room', voteActivityId: 'v', room: { F: 5 }, byGroup: { a: { F: 1 } } },
    });
    // mean (−1 + 2)/2 = 0.5 = fit; a: a1 −1, a2 2 → 1 of 2 → 2/4 = 0.5
    expect(r.options).toHaveLength(1);
    expect(r.options[0]).toMatchObject({ optionId: 'X', position: 1, fit: 0.5 });
    expect(r.options[0]?.liveWith).toEqual({ score: 0.5, lowestGroupId: 'a', lowestShare: 0.5 });
    expect(r.winnerIds).toEqual(['X']);
    expect(r.liveWithIds).toEqual(['X']);
    expect(r.whoseValues).toEqual([{ groupId: 'a', winnerIds: ['X'], differs: false, fits: [{ optionId: 'X', fit: 0.5 }] }]);
    expect(r.flips).toBe(false);
  });
});

describe('computeOptionsResults — mode equal', () => {
  const V = ['F', 'G', 'H'];
  const r = computeOptionsResults({
    optionIds: ['X', 'Y'],
    valueIds: V,
    groupIds: ['a'],
    responses: [
      resp('a1', 'a', rate(V, { X: [2, -1, -1], Y: [0, 1, 0] })),
      resp('a2', 'a', rate(V, { X: [2, -1, -1], Y: [0, 1, 0] })),
    ],
    minGroupSize: 2,
    // room weights given but ignored in mode 'equal': with 0.9 on F, X would win (0.9·2 − 0.1 = 1.7)
    weights: { mode: 'equal', voteActivityId: null, room: { F: 9, G: 1, H: 0 }, byGroup: {} },
  });

  it('weighs every value 1/|V|; without group weights whoseValues is empty', () => {
    // X (2 − 1 − 1)/3 = 0; Y (0 + 1 + 0)/3 = 1/3 → Y
    expect(r.weights.room.F).toBeCloseTo(1 / 3, 12);
    expect(r.weights.room.H).toBeCloseTo(1 / 3, 12);
    expect(option(r, 'X').fit).toBeCloseTo(0, 12);
    expect(option(r, 'Y').fit).toBeCloseTo(1 / 3, 12);
    expect(r.winnerIds).toEqual(['Y']);
    expect(r.whoseValues).toEqual([]);
    expect(r.flips).toBe(false);
    expect(r.weights).toMatchObject({ mode: 'equal', voteActivityId: null, byGroup: { a: null } });
    expect(group(option(r, 'X'), 'a').ownWeights).toBe(false);
  });
});

describe('computeOptionsResults — input it must survive', () => {
  it('counts the last answer per participant, ignores bad scores and inherited names, and weighs a value nobody voted on 0', () => {
    const V = ['F', 'G'];
    const bad = { X: { F: 3, G: '1' } } as unknown as OptionRatings;
    const r = computeOptionsResults({
      optionIds: ['X', 'X', 'constructor'],
      valueIds: V,
      groupIds: ['a'],
      responses: [resp('p', 'a', rate(V, { X: [-2, -2] })), resp('p', 'a', bad), resp('q', 'a', rate(V, { X: [1, undefined] }))],
      minGroupSize: 1,
      weights: { mode: 'room', voteActivityId: 'v', room: { F: 1, G: 0 }, byGroup: {} },
    });
    // p's last answer has no valid score; q: F 1 → X·F n 1 mean 1, X·G n 0 (nobody answered, not "don't know")
    expect(r.answers).toBe(2);
    const X = option(r, 'X');
    expect(X.values[0]).toMatchObject({ n: 1, dontKnow: 0, mean: 1 });
    expect(X.values[1]).toMatchObject({ n: 0, dontKnow: 0, mean: null });
    expect(X.fit).toBe(1);
    // p has no fit, q 1 → 1 of 1 → 2/3
    expect(group(X, 'a')).toMatchObject({ canLiveWith: 1, withFit: 1 });
    expect(r.options.map((o) => o.optionId)).toEqual(['X', 'constructor']);
    expect(option(r, 'constructor').fit).toBeNull();
  });
});
