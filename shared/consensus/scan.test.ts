import { describe, expect, it } from 'vitest';
import { computeScanResults } from './scan.js';
import type { Response, ScanAnswer, ScanInput } from './types.js';

const scan = (participantId: string, groupId: string, scores: Record<string, number>): Response<ScanAnswer> => ({
  participantId,
  groupId,
  answer: { kind: 'scan', scores },
});

const statements: ScanInput['statements'] = [
  { id: 'm1', factor: 'motivation' },
  { id: 'm2', factor: 'motivation' },
  { id: 'o1', factor: 'organisation' },
  { id: 'i1', factor: 'interaction' },
  { id: 'r1', factor: 'result' },
  { id: 'r2', factor: 'result' },
];

describe('computeScanResults — 3 participants, g1 (2) included, g2 (1) excluded', () => {
  //        m1 m2 | o1 | i1 | r1 r2
  //   p1    5  4 |  3 |  2 |  5  5     (g1)
  //   p2    4  4 |  2 |  – |  4  –     (g1)
  //   p3    2  – |  5 |  1 |  9  3     (g2; 9 is off the scale → unanswered)
  // factor scores (mean of the answered statements):
  //   motivation   p1 4.5, p2 4, p3 2
  //   organisation p1 3,   p2 2, p3 5
  //   interaction  p1 2,   p3 1
  //   result       p1 5,   p2 4, p3 3
  const results = computeScanResults({
    statements,
    groupIds: ['g1', 'g2'],
    responses: [
      scan('p1', 'g1', { m1: 5, m2: 4, o1: 3, i1: 2, r1: 5, r2: 5 }),
      scan('p2', 'g1', { m1: 4, m2: 4, o1: 2, r1: 4 }),
      scan('p3', 'g2', { m1: 2, o1: 5, i1: 1, r1: 9, r2: 3, unknown: 5 }),
    ],
    minGroupSize: 2,
  });
  const factor = (name: string) => {
    const f = results.factors.find((x) => x.factor === name);
    if (!f) throw new Error(name);
    return f;
  };

  it('lists the four factors in order and the groups', () => {
    expect(results.answers).toBe(3);
    expect(results.factors.map((f) => f.factor)).toEqual(['motivation', 'organisation', 'interaction', 'result']);
    expect(results.includedGroupIds).toEqual(['g1']);
    expect(results.excludedGroups).toEqual([{ groupId: 'g2', answers: 1 }]);
  });

  it('motivation: mean 3.5 of 4.5, 4, 2', () => {
    // mean 10.5/3 = 3.5; deviations 1, .5, −1.5 → 1 + .25 + 2.25 = 3.5; /3 → sd √(7/6)
    // TW on 1..5: |x − 3.5|/4 = .25 .125 .375 → 1 + log₂(.75·.875·.625)/3
    const m = factor('motivation');
    expect(m.mean).toBeCloseTo(3.5, 12);
    expect(m.sd).toBeCloseTo(Math.sqrt(7 / 6), 12);
    expect(m.answers).toBe(3);
    expect(m.agreement).toBeCloseTo(1 + Math.log2(0.75 * 0.875 * 0.625) / 3, 12);
    // g1: (4.5 + 4)/2 = 4.25
    expect(m.byGroup).toEqual([{ groupId: 'g1', mean: 4.25, answers: 2 }]);
  });

  it('organisation: mean 10/3 of 3, 2, 5', () => {
    // deviations −1/3, −4/3, 5/3 → (1 + 16 + 25)/9 = 42/9; /3 = 14/9 → sd √14/3
    // TW: |x − 10/3|/4 = 1/12, 1/3, 5/12 → 1 + log₂(11/12 · 2/3 · 7/12)/3
    const o = factor('organisation');
    expect(o.mean).toBeCloseTo(10 / 3, 12);
    expect(o.sd).toBeCloseTo(Math.sqrt(14) / 3, 12);
    expect(o.agreement).toBeCloseTo(1 + Math.log2((11 / 12) * (2 / 3) * (7 / 12)) / 3, 12);
    expect(o.byGroup).toEqual([{ groupId: 'g1', mean: 2.5, answers: 2 }]);
  });

  it('interaction: only those who answered count', () => {
    // p1 2, p3 1 → mean 1.5, sd .5; TW: |x − 1.5|/4 = .125 twice → 1 + log₂(.875)
    const i = factor('interaction');
    expect(i).toMatchObject({ mean: 1.5, sd: 0.5, answers: 2 });
    expect(i.agreement).toBeCloseTo(1 + Math.log2(0.875), 12);
    // g1: only p1 → 2
    expect(i.byGroup).toEqual([{ groupId: 'g1', mean: 2, answers: 1 }]);
  });

  it('result: an off-scale score counts as unanswered', () => {
    // p1 (5 + 5)/2 = 5, p2 4, p3 3 (r1 = 9 skipped) → mean 4; sd √(2/3)
    // TW: |x − 4|/4 = .25, 0, .25 → 1 + 2·log₂(.75)/3
    const r = factor('result');
    expect(r.mean).toBeCloseTo(4, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.agreement).toBeCloseTo(1 + (2 * Math.log2(0.75)) / 3, 12);
    expect(r.byGroup).toEqual([{ groupId: 'g1', mean: 4.5, answers: 2 }]);
  });

  it('per statement: mean, sd and count of the scores given', () => {
    const s = Object.fromEntries(results.statements.map((x) => [x.statementId, x]));
    // m1: 5 4 2 → mean 11/3; deviations 4/3 1/3 −5/3 → 42/9 /3 = 14/9
    expect(s['m1']?.mean).toBeCloseTo(11 / 3, 12);
    expect(s['m1']?.sd).toBeCloseTo(Math.sqrt(14 / 9), 12);
    expect(s['m2']).toEqual({ statementId: 'm2', mean: 4, sd: 0, answers: 2 });
    expect(s['i1']).toEqual({ statementId: 'i1', mean: 1.5, sd: 0.5, answers: 2 });
    expect(s['r1']).toEqual({ statementId: 'r1', mean: 4.5, sd: 0.5, answers: 2 });
    expect(s['r2']).toEqual({ statementId: 'r2', mean: 4, sd: 1, answers: 2 });
    expect(results.statements.map((x) => x.statementId)).toEqual(['m1', 'm2', 'o1', 'i1', 'r1', 'r2']);
  });
});

describe('computeScanResults — edge cases', () => {
  it('no answers: every number that needs one is null, answers 0', () => {
    const r = computeScanResults({ statements, groupIds: ['g1'], responses: [], minGroupSize: 3 });
    expect(r.answers).toBe(0);
    expect(r.factors).toEqual(
      ['motivation', 'organisation', 'interaction', 'result'].map((factor) => ({ factor, mean: null, sd: null, answers: 0, agreement: null, byGroup: [] })),
    );
    expect(r.statements[0]).toEqual({ statementId: 'm1', mean: null, sd: null, answers: 0 });
    expect(r.excludedGroups).toEqual([{ groupId: 'g1', answers: 0 }]);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('one participant: sd 0, agreement null', () => {
    const r = computeScanResults({ statements, groupIds: ['g1'], responses: [scan('p1', 'g1', { m1: 3, m2: 4 })], minGroupSize: 1 });
    // motivation (3 + 4)/2 = 3.5
    expect(r.factors[0]).toEqual({ factor: 'motivation', mean: 3.5, sd: 0, answers: 1, agreement: null, byGroup: [{ groupId: 'g1', mean: 3.5, answers: 1 }] });
    // organisation unanswered → null, but the group still has its row
    expect(r.factors[1]).toEqual({ factor: 'organisation', mean: null, sd: null, answers: 0, agreement: null, byGroup: [{ groupId: 'g1', mean: null, answers: 0 }] });
  });

  it('the last answer of a participant counts; other kinds are ignored', () => {
    const r = computeScanResults({
      statements,
      groupIds: ['g1', 'g2'],
      responses: [
        scan('p1', 'g1', { m1: 1 }),
        scan('p2', 'g2', { m1: 5 }),
        scan('p1', 'g2', { m1: 3 }),
        { participantId: 'p3', groupId: 'g1', answer: { kind: 'dots', dots: {} } as unknown as ScanAnswer },
      ],
      minGroupSize: 1,
    });
    // p1 → 3 (in g2), p2 → 5: mean 4
    expect(r.answers).toBe(2);
    expect(r.factors[0]?.mean).toBe(4);
    expect(r.includedGroupIds).toEqual(['g2']);
    expect(r.factors[0]?.byGroup).toEqual([{ groupId: 'g2', mean: 4, answers: 2 }]);
  });

  it('all participants at opposite ends of the scale → agreement 0', () => {
    const r = computeScanResults({
      statements: [{ id: 's', factor: 'interaction' }],
      groupIds: [],
      responses: [scan('a', 'g', { s: 1 }), scan('b', 'g', { s: 5 })],
      minGroupSize: 3,
    });
    expect(r.factors[2]).toMatchObject({ factor: 'interaction', mean: 3, sd: 2, agreement: 0 });
  });
});
