import { describe, expect, it } from 'vitest';
import { computeVoteResults } from '../consensus/vote.js';
import type { Response, ScanFactor, ScanResults, VoteAnswer, VoteResults } from '../consensus/types.js';
import type { ActivityResults } from './results.js';
import { buildSummary, headlineFactors } from './summary.js';

const voteActivity = (activityId: string, vote: VoteResults): ActivityResults => ({ activityId, kind: vote.kind, vote, previousRound: null, scan: null, openAnswers: [], answers: { counted: 0, fromLateJoiners: 0 } });

function scanActivity(activityId: string, means: [ScanFactor, number | null][]): ActivityResults {
  const scan: ScanResults = {
    answers: 5,
    factors: means.map(([factor, mean]) => ({ factor, mean, sd: 0, answers: mean === null ? 0 : 5, agreement: null, byGroup: [] })),
    statements: [],
    includedGroupIds: [],
    excludedGroups: [],
  };
  return { activityId, kind: 'scan', vote: null, previousRound: null, scan, openAnswers: [], answers: { counted: 5, fromLateJoiners: 0 } };
}

const points = (participantId: string, groupId: string, p: Record<string, number>): Response<VoteAnswer> => ({ participantId, groupId, answer: { kind: 'points', points: p } });
const rank = (participantId: string, groupId: string, order: string[]): Response<VoteAnswer> => ({ participantId, groupId, answer: { kind: 'rank', order } });

describe('buildSummary — common ground and tensions as the lens flags them', () => {
  //            A   B   C
  //   g1 ×3   70  20  10
  //   g2 ×3   50   0  50
  const vote = computeVoteResults({
    kind: 'points',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1', 'g2'],
    responses: [...['a1', 'a2', 'a3'].map((id) => points(id, 'g1', { A: 70, B: 20, C: 10 })), ...['b1', 'b2', 'b3'].map((id) => points(id, 'g2', { A: 50, C: 50 }))],
    minGroupSize: 3,
  });
  const s = buildSummary([voteActivity('v1', vote)], 6);

  it('keeps a tension of exactly 0.2 (0.7 − 0.5 = 0.19999999999999996) and orders equal spreads by display order', () => {
    // C 0.4, A 0.2, B 0.2 — all at least 0.2.
    expect(s.tensions.map((t) => [t.valueId, t.highGroupId, t.lowGroupId])).toEqual([
      ['C', 'g2', 'g1'],
      ['A', 'g1', 'g2'],
      ['B', 'g1', 'g2'],
    ]);
  });

  it('lists as common ground only what the board calls common ground', () => {
    // A: every member of both groups gave ≥ 100/3 → supports 4/5, 4/5; C: g1 nobody (10) → 1/5.
    expect(s.commonGround.map((c) => c.valueId)).toEqual(['A']);
    expect(s.commonGround.every((c) => c.flagged)).toBe(true);
    expect(vote.lens.commonGround.filter((c) => c.flagged).map((c) => c.valueId)).toEqual(['A']);
  });

  it('rank all: common ground is not the first cards in display order', () => {
    // 4 values, everyone ranks all 4; supported = positions 1–2.
    // g1 ×3: D C B A; g2 ×3: C D A B → C and D are supported by everyone, A and B by nobody.
    // (With "ranked in the top K" everyone supported everything and the summary listed A, B, C.)
    const r = computeVoteResults({
      kind: 'rank',
      valueIds: ['A', 'B', 'C', 'D'],
      groupIds: ['g1', 'g2'],
      responses: [...['a1', 'a2', 'a3'].map((id) => rank(id, 'g1', ['D', 'C', 'B', 'A'])), ...['b1', 'b2', 'b3'].map((id) => rank(id, 'g2', ['C', 'D', 'A', 'B']))],
      minGroupSize: 3,
      topK: 4,
    });
    // C and D both have support 4/5 in both groups: equal, so display order (C before D).
    expect(buildSummary([voteActivity('v1', r)], 6).commonGround.map((c) => c.valueId)).toEqual(['C', 'D']);
  });

  it('takes the last vote with answers and at most 3 of each', () => {
    const empty = computeVoteResults({ kind: 'points', valueIds: ['A'], groupIds: ['g1'], responses: [], minGroupSize: 3 });
    const later = buildSummary([voteActivity('v1', vote), voteActivity('v2', empty)], 6);
    expect(later.voteActivityId).toBe('v1');
    expect(later.topValues.map((v) => v.valueId)).toEqual(['A', 'C', 'B']);
    expect(later.tensions).toHaveLength(3);
  });
});

describe('buildSummary — the scan headline', () => {
  const summaryOf = (means: [ScanFactor, number | null][]) => buildSummary([scanActivity('s1', means)], 5);

  it('names the strongest and the weakest factor', () => {
    expect(summaryOf([['motivation', 3.2], ['organisation', 4.1], ['interaction', 2.5], ['result', 3]])).toMatchObject({
      scanActivityId: 's1',
      strongestFactor: 'organisation',
      weakestFactor: 'interaction',
      factorsEqual: false,
    });
  });

  it('equal means (within EPSILON) go to the first factor in the order motivation, organisation, interaction, result', () => {
    // 1.1 + 2.2 = 3.3000000000000003 is 3.3: motivation, first, is the strongest; interaction and
    // result tie at 2 and interaction comes first.
    expect(summaryOf([['motivation', 3.3], ['organisation', 1.1 + 2.2], ['interaction', 2], ['result', 2]])).toMatchObject({
      strongestFactor: 'motivation',
      weakestFactor: 'interaction',
      factorsEqual: false,
    });
  });

  it('all factors equal: no strongest, no weakest, factorsEqual', () => {
    // 4, 4, 4 and 4 + 4e-15 (rounding noise): one score, nothing stands out.
    expect(summaryOf([['motivation', 4], ['organisation', 4], ['interaction', 4], ['result', 4 + 4e-15]])).toMatchObject({
      strongestFactor: null,
      weakestFactor: null,
      factorsEqual: true,
    });
    // Factors without a mean are not counted: two equal means are "all equal".
    expect(headlineFactors([
      { factor: 'motivation', mean: 3 },
      { factor: 'organisation', mean: null },
      { factor: 'interaction', mean: 3 },
      { factor: 'result', mean: null },
    ])).toEqual({ strongestFactor: null, weakestFactor: null, factorsEqual: true });
  });

  it('one factor with a mean is the strongest, with no weakest; none → all null', () => {
    expect(headlineFactors([
      { factor: 'motivation', mean: null },
      { factor: 'organisation', mean: 2.5 },
    ])).toEqual({ strongestFactor: 'organisation', weakestFactor: null, factorsEqual: false });
    expect(buildSummary([], 0)).toMatchObject({ scanActivityId: null, strongestFactor: null, weakestFactor: null, factorsEqual: false });
  });
});
