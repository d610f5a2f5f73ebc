import { describe, expect, it } from 'vitest';
import type { RankAnswer, Response, ValueResult, VoteResults } from './types.js';
import { computeVoteResults } from './vote.js';

const rank = (participantId: string, groupId: string, order: string[]): Response<RankAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'rank', order },
});

function value(r: VoteResults, id: string): ValueResult {
  const v = r.values.find((x) => x.valueId === id);
  if (!v) throw new Error(`no value ${id}`);
  return v;
}

describe('computeVoteResults — rank, top 2 of 4 values, 4 participants', () => {
  // Borda with K = 2: first place 2 points, second 1, unranked 0.
  //                       A  B  C  D
  //   p1 [A, B]           2  1  0  0
  //   p2 [A, C]           2  0  1  0
  //   p3 [B, A]           1  2  0  0
  //   p4 [C, zz, C]       0  0  2  0   (zz unknown, second C a repeat → cleaned [C])
  //   total               5  3  3  0   (sum 11)
  const results = computeVoteResults({
    kind: 'rank',
    valueIds: ['A', 'B', 'C', 'D'],
    groupIds: ['g1'],
    responses: [rank('p1', 'g1', ['A', 'B']), rank('p2', 'g1', ['A', 'C']), rank('p3', 'g1', ['B', 'A']), rank('p4', 'g1', ['C', 'zz', 'C'])],
    minGroupSize: 3,
    topK: 2,
  });

  it('scores are Borda totals with competition positions 1, 2, 2, 4', () => {
    expect(results.values.map((v) => [v.valueId, v.position, v.score])).toEqual([
      ['A', 1, 5],
      ['B', 2, 3],
      ['C', 2, 3],
      ['D', 4, 0],
    ]);
    expect(value(results, 'A').share).toBeCloseTo(5 / 11, 12);
    expect(value(results, 'C').share).toBeCloseTo(3 / 11, 12);
    expect(value(results, 'D').share).toBe(0);
  });

  it('supporters ranked the value in the upper half (K = 2 ≤ ⌈4/2⌉: the top K)', () => {
    expect(results.values.map((v) => [v.valueId, v.supporters, v.supportShare])).toEqual([
      ['A', 3, 0.75],
      ['B', 2, 0.5],
      ['C', 2, 0.5],
      ['D', 0, 0],
    ]);
  });

  it('spread and agreement of A (Borda 2 2 1 0, scale 0..K = 0..2)', () => {
    // mean 5/4 = 1.25; squares .5625 .5625 .0625 1.5625 = 2.75; /4 = .6875
    // sorted 0 1 2 2: q1 = 0 + .75·1 = .75; median = 1 + .5·1 = 1.5; q3 = 2 + .25·0 = 2
    const a = value(results, 'A');
    expect(a.spread.mean).toBeCloseTo(1.25, 12);
    expect(a.spread.sd).toBeCloseTo(Math.sqrt(0.6875), 12);
    expect([a.spread.q1, a.spread.median, a.spread.q3]).toEqual([0.75, 1.5, 2]);
    // |x − 1.25|/2 = .375 .375 .125 .625 → Cns = 1 + log₂(.625·.625·.875·.375)/4
    expect(a.agreement).toBeCloseTo(1 + Math.log2(0.625 * 0.625 * 0.875 * 0.375) / 4, 12);
    // D: nobody ranked it → everyone gave 0 → complete agreement, zero spread
    expect(value(results, 'D').agreement).toBe(1);
    expect(value(results, 'D').spread).toEqual({ mean: 0, sd: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 });
  });

  it("Kendall's W: unranked values share the remaining ranks, with tie correction", () => {
    // Ranks (A B C D); unranked values share the mean of the positions left:
    //   p1: 1 2 3.5 3.5        (T = 2³ − 2 = 6)
    //   p2: 1 3.5 2 3.5        (T = 6)
    //   p3: 2 1 3.5 3.5        (T = 6)
    //   p4: 3 3 1 3            (A B D share 2..4 → 3; T = 3³ − 3 = 24)
    //   R:  7 9.5 10 13.5      (sum 40 = 4·10); mean R = 4·5/2 = 10
    // S = 9 + .25 + 0 + 12.25 = 21.5; ΣT = 42
    // W = 12·21.5 / (4²·(4³ − 4) − 4·42) = 258 / (960 − 168) = 258/792 = 43/132 ≈ 0.3258
    const w = results.kendallW;
    expect(w?.w).toBeCloseTo(43 / 132, 12);
    expect(w).toMatchObject({ m: 4, n: 4, df: 3, tieCorrected: true });
    // χ² = 4·3·43/132 = 43/11 ≈ 3.909; p for df 3 = 2·Q_N(√χ²) + 2φ(√χ²)·√χ²
    //    √3.909 = 1.97714; Q_N = 0.02401, φ = 0.05650 → 0.04802 + 0.22343 = 0.2715
    expect(w?.chiSquare).toBeCloseTo(43 / 11, 12);
    expect(w?.p).toBeCloseTo(0.2715, 3);
    // 0.3 ≤ 0.3258 < 0.5
    expect(results.agreementLevel).toBe('moderate');
  });

  it('the lens normalises Borda by K and computes the within-group W', () => {
    // A: mean Borda 5/4 / K = 1.25/2 = 0.625; support (3 + 1)/(4 + 2) = 2/3
    const a = results.lens.cells['A']?.[0];
    expect(a?.score).toBeCloseTo(0.625, 12);
    expect(a?.support).toBeCloseTo(2 / 3, 12);
    // g1 holds everyone, so its W is the room's
    expect(results.lens.withinGroupW['g1']?.w).toBeCloseTo(43 / 132, 12);
  });
});

describe('computeVoteResults — rank details', () => {
  it('defaults K to the longest order given', () => {
    // orders of length 3 and 1 → K = 3: p1 A3 B2 C1; p2 C3 → A 3, B 2, C 4
    const r = computeVoteResults({
      kind: 'rank',
      valueIds: ['A', 'B', 'C', 'D'],
      groupIds: [],
      responses: [rank('p1', 'g', ['A', 'B', 'C']), rank('p2', 'g', ['C'])],
      minGroupSize: 3,
    });
    expect(r.values.map((v) => [v.valueId, v.score])).toEqual([
      ['C', 4],
      ['A', 3],
      ['B', 2],
      ['D', 0],
    ]);
  });

  it('leaves empty rankings out of W but counts them as answers', () => {
    // p1 [A, B, C] → ranks 1 2 3; p2 [A, B, C] → 1 2 3; p3 [] → no order, left out of W.
    // Two identical rankings → W = 1 with m = 2 (were p3 counted it would be 2/3).
    const r = computeVoteResults({
      kind: 'rank',
      valueIds: ['A', 'B', 'C'],
      groupIds: [],
      responses: [rank('p1', 'g', ['A', 'B', 'C']), rank('p2', 'g', ['A', 'B', 'C']), rank('p3', 'g', [])],
      minGroupSize: 3,
    });
    expect(r.answers).toBe(3);
    expect(r.kendallW?.w).toBeCloseTo(1, 12);
    expect(r.kendallW?.m).toBe(2);
    // supporters of A: p1 and p2 of the 3 answers
    expect(value(r, 'A').supportShare).toBeCloseTo(2 / 3, 12);
  });

  it('W is null with one ranking, or with one value', () => {
    const one = computeVoteResults({
      kind: 'rank',
      valueIds: ['A', 'B'],
      groupIds: [],
      responses: [rank('p1', 'g', ['B', 'A'])],
      minGroupSize: 3,
    });
    expect(one.kendallW).toBeNull();
    expect(one.agreementLevel).toBeNull();
    const single = computeVoteResults({
      kind: 'rank',
      valueIds: ['A'],
      groupIds: [],
      responses: [rank('p1', 'g', ['A']), rank('p2', 'g', ['A'])],
      minGroupSize: 3,
    });
    expect(single.kendallW).toBeNull();
    expect(single.values).toHaveLength(1);
    expect(single.values[0]?.score).toBe(2);
  });
});

describe('computeVoteResults — rank all: support is the upper half of the ballot', () => {
  // 5 values, K = 5 (rank all): supported = position ≤ ⌈5/2⌉ = 3, i.e. Borda ≥ 5 + 1 − 3 = 3.
  //   p1 A B C D E;  p2 B A D C E;  p3 E D C B A
  const results = computeVoteResults({
    kind: 'rank',
    valueIds: ['A', 'B', 'C', 'D', 'E'],
    groupIds: ['g1'],
    responses: [rank('p1', 'g1', ['A', 'B', 'C', 'D', 'E']), rank('p2', 'g1', ['B', 'A', 'D', 'C', 'E']), rank('p3', 'g1', ['E', 'D', 'C', 'B', 'A'])],
    minGroupSize: 3,
    topK: 5,
  });

  it('tells values apart although everyone ranked every value', () => {
    // Top three: p1 A B C, p2 B A D, p3 E D C → A 2, B 2, C 2, D 2, E 1 (before: 3 for every value).
    // Borda: A 5+4+1 = 10, B 4+5+2 = 11, C 3+2+3 = 8, D 2+3+4 = 9, E 1+1+5 = 7.
    expect(results.values.map((v) => [v.valueId, v.score, v.supporters])).toEqual([
      ['B', 11, 2],
      ['A', 10, 2],
      ['D', 9, 2],
      ['C', 8, 2],
      ['E', 7, 1],
    ]);
  });

  it('K ≥ n behaves like rank all; a single value is supported by its only ranking', () => {
    const one = computeVoteResults({ kind: 'rank', valueIds: ['A'], groupIds: [], responses: [rank('p1', 'g', ['A'])], minGroupSize: 3, topK: 4 });
    expect(one.values[0]).toMatchObject({ valueId: 'A', score: 1, supporters: 1 });
    // 2 values, K 5 → K = 2, supported = position 1 only.
    const two = computeVoteResults({ kind: 'rank', valueIds: ['A', 'B'], groupIds: [], responses: [rank('p1', 'g', ['B', 'A'])], minGroupSize: 3, topK: 5 });
    expect(two.values.map((v) => [v.valueId, v.supporters])).toEqual([
      ['B', 1],
      ['A', 0],
    ]);
  });
});
