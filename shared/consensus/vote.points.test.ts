import { describe, expect, it } from 'vitest';
import type { PointsAnswer, Response, ValueResult, VoteResults } from './types.js';
import { computeVoteResults } from './vote.js';

const points = (participantId: string, groupId: string, p: Record<string, number>): Response<PointsAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'points', points: p },
});

function value(r: VoteResults, id: string): ValueResult {
  const v = r.values.find((x) => x.valueId === id);
  if (!v) throw new Error(`no value ${id}`);
  return v;
}

describe('computeVoteResults — points, 3 participants, 3 values', () => {
  //          A    B    C
  //   p1    50   30   20
  //   p2    40   40   20
  //   p3    20   20   60
  //  mean  110/3 30  100/3   (sum of means 100)
  const results = computeVoteResults({
    kind: 'points',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1'],
    responses: [
      points('p1', 'g1', { A: 50, B: 30, C: 20 }),
      points('p2', 'g1', { A: 40, B: 40, C: 20 }),
      points('p3', 'g1', { A: 20, B: 20, C: 60 }),
    ],
    minGroupSize: 3,
  });

  it('scores are mean points: A 36.67, C 33.33, B 30', () => {
    expect(results.values.map((v) => [v.valueId, v.position])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
    ]);
    expect(value(results, 'A').score).toBeCloseTo(110 / 3, 12);
    expect(value(results, 'B').score).toBeCloseTo(30, 12);
    expect(value(results, 'C').score).toBeCloseTo(100 / 3, 12);
    // shares of the 100 mean points
    expect(value(results, 'A').share).toBeCloseTo(110 / 300, 12);
    expect(value(results, 'B').share).toBeCloseTo(0.3, 12);
  });

  it('supporters gave at least an equal share (points · 3 ≥ 100)', () => {
    // A: p1 (50), p2 (40); B: p2 (40); C: p3 (60)
    expect(results.values.map((v) => [v.valueId, v.supporters])).toEqual([
      ['A', 2],
      ['C', 1],
      ['B', 1],
    ]);
    expect(value(results, 'A').supportShare).toBeCloseTo(2 / 3, 12);
  });

  it('spread of A: 50 40 20', () => {
    // mean 110/3; deviations 40/3, 10/3, −50/3; squares (1600 + 100 + 2500)/9 = 4200/9; /3 → 1400/9
    // sorted 20 40 50: q1: h = .5 → 20 + .5·20 = 30; median 40; q3: h = 1.5 → 40 + .5·10 = 45
    const s = value(results, 'A').spread;
    expect(s.mean).toBeCloseTo(110 / 3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(1400 / 9), 12);
    expect([s.min, s.q1, s.median, s.q3, s.max]).toEqual([20, 30, 40, 45, 50]);
  });

  it('agreement is Tastle–Wierman on 0..100', () => {
    // A: μ = 110/3; |x − μ|/100 = 2/15, 1/30, 1/6 → Cns = 1 + log₂(13/15 · 29/30 · 5/6)/3
    const a = 1 + Math.log2((13 / 15) * (29 / 30) * (5 / 6)) / 3;
    // B: μ = 30; |x − μ|/100 = 0, .1, .1 → Cns = 1 + 2·log₂(.9)/3
    const b = 1 + (2 * Math.log2(0.9)) / 3;
    // C: μ = 100/3; |x − μ|/100 = 2/15, 2/15, 4/15 → Cns = 1 + log₂((13/15)² · 11/15)/3
    const c = 1 + Math.log2((13 / 15) * (13 / 15) * (11 / 15)) / 3;
    expect(value(results, 'A').agreement).toBeCloseTo(a, 12);
    expect(value(results, 'B').agreement).toBeCloseTo(b, 12);
    expect(value(results, 'C').agreement).toBeCloseTo(c, 12);
    // a ≈ 0.8272, b ≈ 0.8987, c ≈ 0.7132: high, yet the orders differ — the room level uses W.
    expect((a + b + c) / 3).toBeGreaterThanOrEqual(0.7);
  });

  it('has a Kendall W over the orders the points imply', () => {
    // p1 A50 B30 C20 → A1 B2 C3;  p2 A40 B40 C20 → A,B 1.5 (t³ − t = 6), C3;  p3 A20 B20 C60 → C1, A,B 2.5 (6)
    // Rank sums A 5, B 6, C 7; mean 6; S = 1 + 0 + 1 = 2; W = 24 / (3²·24 − 3·12) = 24/180 = 2/15 → 'weak'
    expect(results.kendallW?.w).toBeCloseTo(2 / 15, 12);
    expect(results.agreementLevel).toBe('weak');
  });

  it('the lens normalises mean points by 100', () => {
    // A: (110/3)/100 = 11/30; support (2 + 1)/(3 + 2) = 3/5
    const a = results.lens.cells['A']?.[0];
    expect(a?.score).toBeCloseTo(11 / 30, 12);
    expect(a?.support).toBeCloseTo(0.6, 12);
    expect(a).toMatchObject({ groupId: 'g1', supporters: 2, answers: 3 });
  });
});

describe('computeVoteResults — points details', () => {
  it('with one value, 100 points is support (an equal share is 100/1)', () => {
    const r = computeVoteResults({
      kind: 'points',
      valueIds: ['A'],
      groupIds: [],
      responses: [points('p1', 'g', { A: 100 }), points('p2', 'g', { A: 100 })],
      minGroupSize: 3,
    });
    expect(r.values[0]).toMatchObject({ valueId: 'A', score: 100, normalizedScore: 1, share: 1, supporters: 2, supportShare: 1, agreement: 1 });
  });

  it('exactly an equal share supports; one point less does not (4 values: 25)', () => {
    // p1 25 25 25 25 → supports all four; p2 40 24 36 0 → supports A (40) and C (36), not B (24 < 25).
    const r = computeVoteResults({
      kind: 'points',
      valueIds: ['A', 'B', 'C', 'D'],
      groupIds: [],
      responses: [points('p1', 'g', { A: 25, B: 25, C: 25, D: 25 }), points('p2', 'g', { A: 40, B: 24, C: 36 })],
      minGroupSize: 3,
    });
    expect(r.values.map((v) => [v.valueId, v.supporters])).toEqual([
      ['A', 2],
      ['C', 2],
      ['B', 1],
      ['D', 1],
    ]);
  });

  it('a value nobody gave points to scores 0 at the bottom', () => {
    // mean A = (60 + 100)/2 = 80, B = 40/2 = 20, C = 0
    const r = computeVoteResults({
      kind: 'points',
      valueIds: ['C', 'B', 'A'],
      groupIds: [],
      responses: [points('p1', 'g', { A: 60, B: 40 }), points('p2', 'g', { A: 100 })],
      minGroupSize: 3,
    });
    expect(r.values.map((v) => [v.valueId, v.position, v.score])).toEqual([
      ['A', 1, 80],
      ['B', 2, 20],
      ['C', 3, 0],
    ]);
  });
});
