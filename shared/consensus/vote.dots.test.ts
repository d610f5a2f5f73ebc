import { describe, expect, it } from 'vitest';
import type { DotsAnswer, Response, ValueResult, VoteResults } from './types.js';
import { computeVoteResults } from './vote.js';

const dots = (participantId: string, groupId: string, d: Record<string, number>): Response<DotsAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'dots', dots: d },
});

function value(r: VoteResults, id: string): ValueResult {
  const v = r.values.find((x) => x.valueId === id);
  if (!v) throw new Error(`no value ${id}`);
  return v;
}

describe('computeVoteResults — dots, 4 participants, 3 values, N = 5', () => {
  //        A  B  C
  //   p1   3  2  0
  //   p2   1  2  2
  //   p3   5  0  0
  //   p4   0  3  2
  //  total 9  7  4   (sum 20 = 4 × 5)
  const results = computeVoteResults({
    kind: 'dots',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1', 'g2'],
    responses: [
      dots('p1', 'g1', { A: 3, B: 2 }),
      dots('p2', 'g1', { A: 1, B: 2, C: 2 }),
      dots('p3', 'g1', { A: 5 }),
      dots('p4', 'g1', { B: 3, C: 2 }),
    ],
    minGroupSize: 3,
    dotsPerParticipant: 5,
  });

  it('counts answers, per group too', () => {
    expect(results.kind).toBe('dots');
    expect(results.answers).toBe(4);
    expect(results.answersByGroup).toEqual({ g1: 4, g2: 0 });
  });

  it('scores are total dots, ordered, with shares of the 20 dots', () => {
    expect(results.values.map((v) => [v.valueId, v.position, v.score])).toEqual([
      ['A', 1, 9],
      ['B', 2, 7],
      ['C', 3, 4],
    ]);
    // 9/20, 7/20, 4/20
    expect(value(results, 'A').share).toBeCloseTo(0.45, 12);
    expect(value(results, 'B').share).toBeCloseTo(0.35, 12);
    expect(value(results, 'C').share).toBeCloseTo(0.2, 12);
  });

  it('spread of A: dots 3 1 5 0', () => {
    // sorted 0 1 3 5; mean 9/4 = 2.25; deviations .75 −1.25 2.75 −2.25
    // squares .5625 1.5625 7.5625 5.0625 = 14.75; /4 = 3.6875 → sd √3.6875
    // q1: h = 3·.25 = .75 → 0 + .75·1 = .75; median: h = 1.5 → 1 + .5·2 = 2; q3: h = 2.25 → 3 + .25·2 = 3.5
    const s = value(results, 'A').spread;
    expect(s.mean).toBeCloseTo(2.25, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(3.6875), 12);
    expect(s.q1).toBeCloseTo(0.75, 12);
    expect(s.median).toBeCloseTo(2, 12);
    expect(s.q3).toBeCloseTo(3.5, 12);
    expect([s.min, s.max]).toEqual([0, 5]);
  });

  it('spread of B (2 2 0 3) and C (0 2 0 2)', () => {
    // B: mean 7/4 = 1.75; squares .0625 .0625 3.0625 1.5625 = 4.75; /4 = 1.1875
    // sorted 0 2 2 3: q1 = 0 + .75·2 = 1.5; median = 2; q3 = 2 + .25·1 = 2.25
    const b = value(results, 'B').spread;
    expect(b.mean).toBeCloseTo(1.75, 12);
    expect(b.sd).toBeCloseTo(Math.sqrt(1.1875), 12);
    expect([b.q1, b.median, b.q3]).toEqual([1.5, 2, 2.25]);
    // C: mean 1, every deviation ±1 → sd 1; sorted 0 0 2 2: q1 = 0, median = 0 + .5·2 = 1, q3 = 2
    const c = value(results, 'C').spread;
    expect(c).toEqual({ mean: 1, sd: 1, min: 0, q1: 0, median: 1, q3: 2, max: 2 });
  });

  it('agreement is Tastle–Wierman on the scale 0..N = 0..5', () => {
    // A: μ = 2.25; |x − μ|/5 = .15 .25 .55 .45 → Cns = 1 + log₂(.85·.75·.45·.55)/4 ≈ 0.334
    const a = 1 + Math.log2(0.85 * 0.75 * 0.45 * 0.55) / 4;
    // B: μ = 1.75; |x − μ|/5 = .05 .05 .35 .25 → Cns = 1 + log₂(.95·.95·.65·.75)/4 ≈ 0.704
    const b = 1 + Math.log2(0.95 * 0.95 * 0.65 * 0.75) / 4;
    // C: μ = 1; every |x − μ|/5 = .2 → Cns = 1 + log₂(.8) ≈ 0.678
    const c = 1 + Math.log2(0.8);
    expect(value(results, 'A').agreement).toBeCloseTo(a, 12);
    expect(value(results, 'B').agreement).toBeCloseTo(b, 12);
    expect(value(results, 'C').agreement).toBeCloseTo(c, 12);
    // The room level comes from W, not from these (their mean ≈ 0.572 would read 'strong').
    expect((a + b + c) / 3).toBeCloseTo(0.572, 3);
  });

  it('has a Kendall W over the orders the dots imply (equal dots tied)', () => {
    // p1 A3 B2 C0 → ranks A1 B2 C3;  p2 A1 B2 C2 → B,C 1.5, A 3 (tie of 2: t³ − t = 6)
    // p3 A5 B0 C0 → A1, B,C 2.5 (6);  p4 A0 B3 C2 → B1 C2 A3
    // Rank sums A 8, B 7, C 9; mean 8; S = 0 + 1 + 1 = 2; ΣT = 12
    // W = 12·2 / (4²·(3³ − 3) − 4·12) = 24 / 336 = 1/14 → 'none' (< 0.1)
    expect(results.kendallW?.w).toBeCloseTo(1 / 14, 12);
    expect(results.kendallW).toMatchObject({ m: 4, n: 3, df: 2, tieCorrected: true });
    expect(results.kendallW?.chiSquare).toBeCloseTo((4 * 2) / 14, 12);
    expect(results.agreementLevel).toBe('none');
  });

  it('supporters gave at least one dot', () => {
    // A: p1 p2 p3; B: p1 p2 p4; C: p2 p4
    expect([value(results, 'A').supporters, value(results, 'A').supportShare]).toEqual([3, 0.75]);
    expect([value(results, 'B').supporters, value(results, 'B').supportShare]).toEqual([3, 0.75]);
    expect([value(results, 'C').supporters, value(results, 'C').supportShare]).toEqual([2, 0.5]);
  });

  it('has no within-group W for dots', () => {
    expect(results.lens.withinGroupW).toEqual({});
  });

  it('leaves the empty group out of the lens and names it', () => {
    expect(results.lens.includedGroupIds).toEqual(['g1']);
    expect(results.lens.excludedGroups).toEqual([{ groupId: 'g2', answers: 0 }]);
    // one group: cells hold g1 only, score = mean dots / N; A: 2.25/5 = .45
    expect(results.lens.cells['A']?.[0]?.score).toBeCloseTo(0.45, 12);
    // support (3 + 1)/(4 + 2) = 2/3; with one group the geometric mean is that support
    expect(results.lens.commonGround.map((c) => c.valueId)).toEqual(['A', 'B', 'C']);
    expect(results.lens.commonGround[0]?.score).toBeCloseTo(2 / 3, 12);
    // C: (2 + 1)/(4 + 2) = 1/2
    expect(results.lens.commonGround[2]?.score).toBeCloseTo(0.5, 12);
    expect(results.lens.tension).toEqual([]);
    expect(results.lens.betweenGroups).toEqual([]);
  });
});

describe('computeVoteResults — dots details', () => {
  it('gives equal totals the same position and keeps display order (1, 1, 3)', () => {
    // A 2, B 2, C 1 → positions 1 1 3; C is listed after both; with valueIds order C, B, A
    // the tie between B and A is listed B first.
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['C', 'B', 'A'],
      groupIds: [],
      responses: [dots('p1', 'x', { A: 2, B: 1 }), dots('p2', 'x', { B: 1, C: 1 })],
      minGroupSize: 3,
      dotsPerParticipant: 3,
    });
    expect(r.values.map((v) => [v.valueId, v.position])).toEqual([
      ['B', 1],
      ['A', 1],
      ['C', 3],
    ]);
  });

  it('without N, uses the largest number of dots anyone spent as the scale', () => {
    // p1 spent 3, p2 spent 1 → scale 0..3. A: μ = 1.5, |x − μ|/3 = .5 → Cns = 1 + log₂(.5) = 0
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['A', 'B'],
      groupIds: ['g'],
      responses: [dots('p1', 'g', { A: 3 }), dots('p2', 'g', { B: 1 })],
      minGroupSize: 1,
    });
    expect(value(r, 'A').agreement).toBeCloseTo(0, 12);
    // lens: A's group score = mean 1.5 / 3 = 0.5
    expect(r.lens.cells['A']?.[0]?.score).toBeCloseTo(0.5, 12);
  });

  it('with a per-value cap below N, the scale is 0..cap', () => {
    // N = 5, at most 2 per value → scale 0..2
    // A: 2 2 → agreement 1, lens score 2/2 = 1; B: 2 0 → μ = 1, |x − μ|/2 = .5 → 1 + log₂(.5) = 0
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['A', 'B', 'C'],
      groupIds: ['g'],
      responses: [dots('p1', 'g', { A: 2, B: 2, C: 1 }), dots('p2', 'g', { A: 2 })],
      minGroupSize: 1,
      dotsPerParticipant: 5,
      dotsMaxPerValue: 2,
    });
    expect(value(r, 'A').agreement).toBe(1);
    expect(value(r, 'B').agreement).toBeCloseTo(0, 12);
    expect(r.lens.cells['A']?.[0]?.score).toBeCloseTo(1, 12);
    // C: mean 0.5 / 2 = 0.25
    expect(r.lens.cells['C']?.[0]?.score).toBeCloseTo(0.25, 12);
  });

  it('ignores unknown values, other kinds and unusable amounts; the last answer counts', () => {
    const r = computeVoteResults({
      kind: 'dots',
      valueIds: ['A', 'B'],
      groupIds: ['g1', 'g2'],
      responses: [
        dots('p1', 'g1', { A: 5 }), // replaced by p1's later answer
        dots('p2', 'g1', { A: -2, B: Number.NaN, Z: 4 }), // all unusable → 0
        { participantId: 'p3', groupId: 'g1', answer: { kind: 'rank', order: ['A'] } }, // other kind
        dots('p1', 'g2', { B: 1 }),
      ],
      minGroupSize: 1,
      dotsPerParticipant: 5,
    });
    expect(r.answers).toBe(2);
    // p1 now in g2
    expect(r.answersByGroup).toEqual({ g1: 1, g2: 1 });
    expect(value(r, 'A').score).toBe(0);
    expect(value(r, 'B').score).toBe(1);
  });
});
