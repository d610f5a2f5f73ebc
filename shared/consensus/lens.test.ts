import { describe, expect, it } from 'vitest';
import type { Response, VoteAnswer } from './types.js';
import { computeVoteResults } from './vote.js';
import { COMMON_GROUND_MIN_SUPPORT, smoothedSupport, TENSION_MIN_SPREAD } from './lens.js';

const dots = (participantId: string, groupId: string, d: Record<string, number>): Response<VoteAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'dots', dots: d },
});
const rank = (participantId: string, groupId: string, order: string[]): Response<VoteAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'rank', order },
});

describe('smoothedSupport', () => {
  it('is (supporters + 1)/(answers + 2)', () => {
    expect(smoothedSupport(0, 0)).toBe(0.5);
    expect(smoothedSupport(3, 3)).toBe(0.8);
    expect(smoothedSupport(0, 3)).toBe(0.2);
  });
});

describe('groups lens — dots, N = 3; residents 4, municipality 3, grid 2 (below 3), business 0', () => {
  //                      A  B  C
  //   residents r1       3  .  .
  //             r2       2  1  .
  //             r3       1  1  1
  //             r4       3  .  .
  //   municipality m1    .  3  .
  //                m2    .  2  1
  //                m3    1  2  .
  //   grid g1, g2        .  .  3   (excluded: 2 < minGroupSize 3)
  const results = computeVoteResults({
    kind: 'dots',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['residents', 'municipality', 'grid', 'business'],
    responses: [
      dots('r1', 'residents', { A: 3 }),
      dots('r2', 'residents', { A: 2, B: 1 }),
      dots('r3', 'residents', { A: 1, B: 1, C: 1 }),
      dots('r4', 'residents', { A: 3 }),
      dots('m1', 'municipality', { B: 3 }),
      dots('m2', 'municipality', { B: 2, C: 1 }),
      dots('m3', 'municipality', { A: 1, B: 2 }),
      dots('g1', 'grid', { C: 3 }),
      dots('g2', 'grid', { C: 3 }),
    ],
    minGroupSize: 3,
    dotsPerParticipant: 3,
  });
  const lens = results.lens;

  it('includes groups with ≥ 3 answers and names the others with their counts', () => {
    expect(results.answersByGroup).toEqual({ residents: 4, municipality: 3, grid: 2, business: 0 });
    expect(lens.includedGroupIds).toEqual(['residents', 'municipality']);
    expect(lens.excludedGroups).toEqual([
      { groupId: 'grid', answers: 2 },
      { groupId: 'business', answers: 0 },
    ]);
  });

  it('cells: mean dots per member / N, and smoothed support', () => {
    // A residents: (3+2+1+3)/4 = 2.25 → /3 = .75; supporters 4 → (4+1)/(4+2) = 5/6
    // A municipality: 1/3 → /3 = 1/9; supporters 1 → (1+1)/(3+2) = 2/5
    const [aRes, aMun] = lens.cells['A'] ?? [];
    expect(aRes).toMatchObject({ groupId: 'residents', supporters: 4, answers: 4 });
    expect(aRes?.score).toBeCloseTo(0.75, 12);
    expect(aRes?.support).toBeCloseTo(5 / 6, 12);
    expect(aMun).toMatchObject({ groupId: 'municipality', supporters: 1, answers: 3 });
    expect(aMun?.score).toBeCloseTo(1 / 9, 12);
    expect(aMun?.support).toBeCloseTo(2 / 5, 12);
    // B residents: 2/4 = .5 → 1/6, supporters 2 → 3/6; municipality 7/3 → 7/9, supporters 3 → 4/5
    const [bRes, bMun] = lens.cells['B'] ?? [];
    expect(bRes?.score).toBeCloseTo(1 / 6, 12);
    expect(bRes?.support).toBeCloseTo(0.5, 12);
    expect(bMun?.score).toBeCloseTo(7 / 9, 12);
    expect(bMun?.support).toBeCloseTo(0.8, 12);
    // only included groups have cells
    expect(lens.cells['C']?.map((c) => c.groupId)).toEqual(['residents', 'municipality']);
  });

  it('common ground: geometric mean of the smoothed supports, lowest group named', () => {
    // A: √(5/6 · 2/5) = √(1/3) = 0.5774, lowest municipality (0.4)
    // B: √(1/2 · 4/5) = √0.4  = 0.6325, lowest residents (0.5)
    // C: residents 1 of 4 → 2/6 = 1/3; municipality 1 of 3 → 2/5: √(1/3 · 2/5) = √(2/15) = 0.3651
    expect(lens.commonGround.map((c) => c.valueId)).toEqual(['B', 'A', 'C']);
    const [b, a, c] = lens.commonGround;
    expect(b?.score).toBeCloseTo(Math.sqrt(0.4), 12);
    expect(b).toMatchObject({ lowestGroupId: 'residents' });
    expect(b?.lowestSupport).toBeCloseTo(0.5, 12);
    expect(a?.score).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(a).toMatchObject({ lowestGroupId: 'municipality' });
    expect(a?.lowestSupport).toBeCloseTo(0.4, 12);
    expect(c?.score).toBeCloseTo(Math.sqrt(2 / 15), 12);
    expect(c).toMatchObject({ lowestGroupId: 'residents' });
  });

  it('tension: spread between the groups normalised scores, largest first', () => {
    // A: .75 − 1/9 = 23/36 = 0.639 (high residents, low municipality)
    // B: 7/9 − 1/6 = 11/18 = 0.611 (high municipality, low residents)
    // C: residents 1/4 → 1/12, municipality 1/3 → 1/9: 1/9 − 1/12 = 1/36 (high municipality)
    expect(lens.tension.map((t) => [t.valueId, t.highGroupId, t.lowGroupId])).toEqual([
      ['A', 'residents', 'municipality'],
      ['B', 'municipality', 'residents'],
      ['C', 'municipality', 'residents'],
    ]);
    expect(lens.tension[0]?.spread).toBeCloseTo(23 / 36, 12);
    expect(lens.tension[1]?.spread).toBeCloseTo(11 / 18, 12);
    expect(lens.tension[2]?.spread).toBeCloseTo(1 / 36, 12);
  });

  it('between groups: Spearman rho of the two groups scores', () => {
    // residents .75 1/6 1/12 → ranks 3 2 1; municipality 1/9 7/9 1/9 → ranks 1.5 3 1.5
    // dx = 1 0 −1, dy = −.5 1 −.5 → Σdxdy = 0 → rho = 0
    expect(lens.betweenGroups).toHaveLength(1);
    expect(lens.betweenGroups[0]).toMatchObject({ a: 'residents', b: 'municipality' });
    expect(lens.betweenGroups[0]?.rho).toBeCloseTo(0, 12);
  });
});

describe('groups lens — one opposed group pulls common ground down', () => {
  // Three groups of 3. U: 2 of 3 support in every group. V: X and Y all support, Z nobody.
  //   support U = (2+1)/(3+2) = 3/5 in every group → geometric mean 0.6, arithmetic mean 0.6
  //   support V = 4/5, 4/5, 1/5 → arithmetic mean (0.8 + 0.8 + 0.2)/3 = 0.6 (the same as U!)
  //                              → geometric mean (0.8 · 0.8 · 0.2)^(1/3) = 0.128^(1/3) = 0.5040
  // So U is common ground ahead of V, and V names Z as its lowest group (0.2).
  const members = (g: string, answers: Record<string, number>[]) => answers.map((d, i) => dots(`${g}${i}`, g, d));
  const results = computeVoteResults({
    kind: 'dots',
    valueIds: ['V', 'U', 'W'],
    groupIds: ['X', 'Y', 'Z'],
    responses: [
      ...members('X', [{ U: 1, V: 1 }, { U: 1, V: 1 }, { V: 2 }]),
      ...members('Y', [{ U: 1, V: 1 }, { U: 1, V: 1 }, { V: 1, W: 1 }]),
      ...members('Z', [{ U: 1, W: 1 }, { U: 1, W: 1 }, { W: 2 }]),
    ],
    minGroupSize: 3,
    dotsPerParticipant: 2,
  });

  it('ranks U above V although their mean support is equal', () => {
    const [first, second] = results.lens.commonGround;
    expect(first?.valueId).toBe('U');
    expect(first?.score).toBeCloseTo(0.6, 12);
    expect(second?.valueId).toBe('V');
    expect(second?.score).toBeCloseTo(Math.cbrt(0.8 * 0.8 * 0.2), 12);
    expect(second?.score).toBeCloseTo(0.504, 3);
    expect(second).toMatchObject({ lowestGroupId: 'Z' });
    expect(second?.lowestSupport).toBeCloseTo(0.2, 12);
  });

  it('tension of V: X mean 4/3 dots, Y 1, Z 0 of N = 2', () => {
    // V: X (1+1+2)/3 = 4/3 → /2 = 2/3; Y 3/3 = 1 → 1/2; Z 0 → spread 2/3, high X, low Z
    const v = results.lens.tension.find((t) => t.valueId === 'V');
    expect(v?.spread).toBeCloseTo(2 / 3, 12);
    expect(v).toMatchObject({ highGroupId: 'X', lowGroupId: 'Z' });
    // 3 groups → 3 pairs, each once, in display order
    expect(results.lens.betweenGroups.map((p) => [p.a, p.b])).toEqual([
      ['X', 'Y'],
      ['X', 'Z'],
      ['Y', 'Z'],
    ]);
  });
});

describe('groups lens — rank: within-group W and groups in opposite order', () => {
  // K = 3 of 3 values. g1 all [A, B, C]; g2: [C, B, A], [C, A, B], [C, B, A]; g3 one member (excluded).
  const results = computeVoteResults({
    kind: 'rank',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1', 'g2', 'g3'],
    responses: [
      rank('a1', 'g1', ['A', 'B', 'C']),
      rank('a2', 'g1', ['A', 'B', 'C']),
      rank('a3', 'g1', ['A', 'B', 'C']),
      rank('b1', 'g2', ['C', 'B', 'A']),
      rank('b2', 'g2', ['C', 'A', 'B']),
      rank('b3', 'g2', ['C', 'B', 'A']),
      rank('c1', 'g3', ['B', 'A', 'C']),
    ],
    minGroupSize: 3,
    topK: 3,
  });
  const lens = results.lens;

  it('within-group W for included groups only', () => {
    // g1: identical rankings → W = 1
    // g2: ranks (A B C) 3 2 1 / 2 3 1 / 3 2 1 → R = 8 7 3, mean 6, S = 4 + 1 + 9 = 14
    //     W = 12·14 / (9·24) = 168/216 = 7/9; χ² = 3·2·7/9 = 14/3 (χ² p would be e^(−7/3) = 0.097);
    //     m = 3, n = 3, untied → exact: 42 of the 6³ = 216 rooms have Σ R² ≥ 8² + 7² + 3² → 7/36
    expect(Object.keys(lens.withinGroupW)).toEqual(['g1', 'g2']);
    expect(lens.withinGroupW['g1']?.w).toBeCloseTo(1, 12);
    expect(lens.withinGroupW['g2']?.w).toBeCloseTo(7 / 9, 12);
    expect(lens.withinGroupW['g2']?.p).toBeCloseTo(7 / 36, 12);
    expect(lens.excludedGroups).toEqual([{ groupId: 'g3', answers: 1 }]);
  });

  it('cells are mean Borda / K; groups in opposite order have rho = −1', () => {
    // g1: A 3, B 2, C 1 → 1, 2/3, 1/3
    // g2 Borda: A 1+2+1 = 4, B 2+1+2 = 5, C 3+3+3 = 9 → means 4/3 5/3 3 → /3: 4/9, 5/9, 1
    expect(lens.cells['A']?.map((c) => c.score)).toEqual([1, expect.closeTo(4 / 9, 12)]);
    expect(lens.cells['C']?.[1]?.score).toBeCloseTo(1, 12);
    expect(lens.betweenGroups).toEqual([{ a: 'g1', b: 'g2', rho: expect.closeTo(-1, 12) }]);
  });

  it('tension orders C (2/3), A (5/9), B (1/9)', () => {
    // C: 1 − 1/3 = 2/3 (high g2); A: 1 − 4/9 = 5/9 (high g1); B: 2/3 − 5/9 = 1/9 (high g1)
    expect(lens.tension.map((t) => [t.valueId, t.highGroupId, t.lowGroupId])).toEqual([
      ['C', 'g2', 'g1'],
      ['A', 'g1', 'g2'],
      ['B', 'g1', 'g2'],
    ]);
    expect(lens.tension.map((t) => t.spread)).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(5 / 9, 12), expect.closeTo(1 / 9, 12)]);
  });

  it('rank all: support is the upper half (positions ≤ ⌈3/2⌉ = 2), so common ground tells values apart', () => {
    // Supporters (ranked 1st or 2nd): g1 A 3, B 3, C 0; g2 A 1 (b2), B 2 (b1, b3), C 3.
    // Smoothed (s + 1)/5: g1 A 4/5, B 4/5, C 1/5; g2 A 2/5, B 3/5, C 4/5.
    // Geometric means: B √(12/25) = 0.6928, A √(8/25) = 0.5657, C √(4/25) = 0.4.
    // (Before, "in the top K" made everyone support everything: 4/5 everywhere, A B C in display order.)
    expect(lens.commonGround.map((c) => [c.valueId, c.lowestGroupId])).toEqual([
      ['B', 'g2'],
      ['A', 'g2'],
      ['C', 'g1'],
    ]);
    expect(lens.commonGround.map((c) => c.score)).toEqual([expect.closeTo(Math.sqrt(12 / 25), 12), expect.closeTo(Math.sqrt(8 / 25), 12), expect.closeTo(0.4, 12)]);
    // Called common ground only when at least half of every group supports it: B (3/3, 2/3).
    // A has 1 of 3 in g2, C 0 of 3 in g1.
    expect(lens.commonGround.map((c) => c.flagged)).toEqual([true, false, false]);
  });
});

describe('groups lens — minimum group size', () => {
  it('a minimum below 1 still leaves groups without answers out; one member gives W null', () => {
    const r = computeVoteResults({
      kind: 'rank',
      valueIds: ['A', 'B'],
      groupIds: ['g1', 'g2'],
      responses: [rank('p1', 'g1', ['A', 'B'])],
      minGroupSize: 0,
    });
    expect(r.lens.includedGroupIds).toEqual(['g1']);
    expect(r.lens.excludedGroups).toEqual([{ groupId: 'g2', answers: 0 }]);
    expect(r.lens.withinGroupW).toEqual({ g1: null });
  });

  it('an unusable minimum falls back to 3', () => {
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['A'],
      groupIds: ['g1'],
      responses: [dots('p1', 'g1', { A: 1 }), dots('p2', 'g1', { A: 1 })],
      minGroupSize: Number.NaN,
    });
    expect(r.lens.excludedGroups).toEqual([{ groupId: 'g1', answers: 2 }]);
  });

  it('answers from a group that is not listed count in the room only', () => {
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['A'],
      groupIds: ['g1'],
      responses: [dots('p1', 'ghost', { A: 1 })],
      minGroupSize: 1,
    });
    expect(r.answers).toBe(1);
    expect(r.answersByGroup).toEqual({ g1: 0 });
    expect(r.lens.includedGroupIds).toEqual([]);
  });
});

describe('groups lens — ties compared within EPSILON, thresholds defined once', () => {
  const points = (participantId: string, groupId: string, p: Record<string, number>): Response<VoteAnswer> => ({
    participantId,
    groupId,
    answer: { kind: 'points', points: p },
  });
  //            A   B   C
  //   g1 ×3   70  20  10
  //   g2 ×3   50   0  50
  const results = computeVoteResults({
    kind: 'points',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1', 'g2'],
    responses: [
      ...['a1', 'a2', 'a3'].map((id) => points(id, 'g1', { A: 70, B: 20, C: 10 })),
      ...['b1', 'b2', 'b3'].map((id) => points(id, 'g2', { A: 50, C: 50 })),
    ],
    minGroupSize: 3,
  });

  it('equal spreads keep display order: A (0.7 − 0.5, 0.19999999999999996 in floating point) before B (0.2 − 0)', () => {
    // C: 0.5 − 0.1 = 0.4; A: 0.7 − 0.5 = 0.2; B: 0.2 − 0 = 0.2 → C, then A and B in display order.
    expect(0.7 - 0.5).toBe(0.19999999999999996);
    expect(results.lens.tension.map((t) => [t.valueId, t.highGroupId, t.lowGroupId])).toEqual([
      ['C', 'g2', 'g1'],
      ['A', 'g1', 'g2'],
      ['B', 'g1', 'g2'],
    ]);
  });

  it('a spread of exactly 0.2 is a tension (TENSION_MIN_SPREAD, within EPSILON)', () => {
    expect(TENSION_MIN_SPREAD).toBe(0.2);
    expect(results.lens.tension.map((t) => [t.valueId, t.flagged])).toEqual([
      ['C', true],
      ['A', true],
      ['B', true],
    ]);
  });

  it('a spread below 0.2 is not a tension', () => {
    // g1 60/40, g2 41/59: A 0.6 − 0.41 = 0.19, B 0.59 − 0.4 = 0.19.
    const r = computeVoteResults({
      kind: 'points',
      valueIds: ['A', 'B'],
      groupIds: ['g1', 'g2'],
      responses: [...['a1', 'a2', 'a3'].map((id) => points(id, 'g1', { A: 60, B: 40 })), ...['b1', 'b2', 'b3'].map((id) => points(id, 'g2', { A: 41, B: 59 }))],
      minGroupSize: 3,
    });
    expect(r.lens.tension.map((t) => [t.valueId, t.flagged])).toEqual([
      ['A', false],
      ['B', false],
    ]);
  });

  it('equal common-ground scores keep display order although the geometric means differ in the last bit', () => {
    // Groups of 3, 4 and 5 members (smoothed support (s + 1)/5, /6, /7). One dot on X from a member
    // of g2, one dot on Y from a member of g3; nothing else.
    // X: 1/5 · 2/6 · 1/7 = 2/210; Y: 1/5 · 1/6 · 2/7 = 2/210 → the same geometric mean (2/210)^(1/3) = 0.21197,
    // computed as 0.21196796658966527 (X) and 0.21196796658966532 (Y).
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['X', 'Y'],
      groupIds: ['g1', 'g2', 'g3'],
      responses: [
        ...['a1', 'a2', 'a3'].map((id) => dots(id, 'g1', {})),
        dots('b1', 'g2', { X: 1 }),
        ...['b2', 'b3', 'b4'].map((id) => dots(id, 'g2', {})),
        dots('c1', 'g3', { Y: 1 }),
        ...['c2', 'c3', 'c4', 'c5'].map((id) => dots(id, 'g3', {})),
      ],
      minGroupSize: 3,
      dotsPerParticipant: 1,
    });
    const [first, second] = r.lens.commonGround;
    expect(first?.score).not.toBe(second?.score);
    expect(r.lens.commonGround.map((c) => [c.valueId, c.lowestGroupId])).toEqual([
      ['X', 'g3'],
      ['Y', 'g2'],
    ]);
    expect(first?.score).toBeCloseTo(Math.cbrt(2 / 210), 12);
  });

  it('common ground is called when at least half of every group supports it (lowestSupport ≥ 0.5), never with one group', () => {
    expect(COMMON_GROUND_MIN_SUPPORT).toBe(0.5);
    // Points vote above, supporters = points ≥ 100/3: A g1 3/3, g2 3/3 → called; B g1 0 (20 < 33.3) → not;
    // C g1 0, g2 3 → not.
    expect(results.lens.commonGround.map((c) => [c.valueId, c.lowestSupport, c.flagged])).toEqual([
      ['A', 0.8, true],
      ['C', 0.2, false],
      ['B', 0.2, false],
    ]);
    // Exactly half: g1 2 of 4 supporters → (2 + 1)/(4 + 2) = 0.5 → called.
    const half = computeVoteResults({
      kind: 'dots',
      valueIds: ['A'],
      groupIds: ['g1', 'g2'],
      responses: [
        dots('a1', 'g1', { A: 1 }),
        dots('a2', 'g1', { A: 1 }),
        dots('a3', 'g1', {}),
        dots('a4', 'g1', {}),
        ...['b1', 'b2', 'b3'].map((id) => dots(id, 'g2', { A: 1 })),
      ],
      minGroupSize: 3,
      dotsPerParticipant: 1,
    });
    expect(half.lens.commonGround.map((c) => [c.lowestGroupId, c.lowestSupport, c.flagged])).toEqual([['g1', 0.5, true]]);
    // One included group: listed, never called.
    const one = computeVoteResults({
      kind: 'dots',
      valueIds: ['A'],
      groupIds: ['g1'],
      responses: ['a1', 'a2', 'a3'].map((id) => dots(id, 'g1', { A: 1 })),
      minGroupSize: 3,
      dotsPerParticipant: 1,
    });
    expect(one.lens.commonGround.map((c) => [c.score, c.flagged])).toEqual([[0.8, false]]);
  });
});
