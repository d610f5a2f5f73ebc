import { describe, expect, it } from 'vitest';
import type { Response, VoteAnswer, VoteInput, VoteKind, VoteResults } from './types.js';
import { computeVoteResults } from './vote.js';

const ZERO_SPREAD = { mean: 0, sd: 0, min: 0, q1: 0, median: 0, q3: 0, max: 0 };

/** Keys whose value may be null (the "not defined" of the output types); any other null is a bug. */
const NULLABLE_KEYS = new Set(['agreement', 'kendallW', 'agreementLevel', 'rho', 'positionBefore', 'positionChange', 'scoreBefore', 'scoreChange', 'wBefore', 'wAfter', 'wChange']);

/** Paths of every null, NaN, Infinity or undefined in a result, for the plain-JSON checks. */
function badLeaves(value: unknown, path = '$', parentIsWithinGroupW = false): string[] {
  if (value === null) {
    const key = path.slice(path.lastIndexOf('.') + 1);
    return NULLABLE_KEYS.has(key) || parentIsWithinGroupW ? [] : [`${path} is null`];
  }
  if (value === undefined) return [`${path} is undefined`];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => badLeaves(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) return [`${path} is not a plain object`];
    return Object.entries(value).flatMap(([k, v]) => badLeaves(v, `${path}.${k}`, k === 'withinGroupW'));
  }
  return [];
}

function answer(kind: VoteKind, spec: Record<string, number> | string[]): VoteAnswer {
  if (kind === 'rank') return { kind, order: spec as string[] };
  return kind === 'dots' ? { kind, dots: spec as Record<string, number> } : { kind, points: spec as Record<string, number> };
}

const base = (kind: VoteKind, responses: Response<VoteAnswer>[]): VoteInput => ({
  kind,
  valueIds: ['A', 'B', 'C'],
  groupIds: ['g1', 'g2'],
  responses,
  minGroupSize: 3,
  dotsPerParticipant: 5,
  topK: 2,
});

describe('badLeaves (the checker the JSON tests rely on)', () => {
  it('catches NaN, Infinity, undefined and nulls outside the nullable keys', () => {
    expect(badLeaves({ a: Number.NaN, b: [1, Number.POSITIVE_INFINITY], c: undefined, d: null, agreement: null })).toEqual([
      '$.a is NaN',
      '$.b[1] is Infinity',
      '$.c is undefined',
      '$.d is null',
    ]);
    expect(badLeaves({ m: new Map() })).toEqual(['$.m is not a plain object']);
  });
});

describe.each<VoteKind>(['dots', 'rank', 'points'])('computeVoteResults — no answers (%s)', (kind) => {
  const r = computeVoteResults(base(kind, []));

  it('is all zeros, nulls where undefined, every group excluded', () => {
    expect(r).toEqual<VoteResults>({
      kind,
      answers: 0,
      answersByGroup: { g1: 0, g2: 0 },
      // dots: dotsPerParticipant 5; rank: K = 2; points: 100
      scaleMax: { dots: 5, rank: 2, points: 100 }[kind],
      values: ['A', 'B', 'C'].map((valueId) => ({
        valueId,
        position: 1,
        score: 0,
        normalizedScore: 0,
        share: 0,
        spread: ZERO_SPREAD,
        agreement: null,
        supporters: 0,
        supportShare: 0,
      })),
      kendallW: null,
      agreementLevel: null,
      lens: {
        includedGroupIds: [],
        excludedGroups: [
          { groupId: 'g1', answers: 0 },
          { groupId: 'g2', answers: 0 },
        ],
        cells: { A: [], B: [], C: [] },
        commonGround: [],
        tension: [],
        withinGroupW: {},
        betweenGroups: [],
      },
    });
  });

  it('round-trips through JSON with no NaN, Infinity, undefined or stray null', () => {
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    expect(badLeaves(r)).toEqual([]);
  });
});

describe('computeVoteResults — no values', () => {
  it('returns empty lists', () => {
    const r = computeVoteResults({ ...base('rank', [{ participantId: 'p', groupId: 'g1', answer: answer('rank', ['A']) }]), valueIds: [] });
    expect(r.answers).toBe(1);
    expect(r.values).toEqual([]);
    expect(r.kendallW).toBeNull();
    expect(r.agreementLevel).toBeNull();
    expect(badLeaves(r)).toEqual([]);
  });
});

describe('computeVoteResults — one participant', () => {
  it('dots: their dots are the scores; agreement and W are undefined', () => {
    const r = computeVoteResults(base('dots', [{ participantId: 'p1', groupId: 'g1', answer: answer('dots', { A: 1, B: 4 }) }]));
    // B 4, A 1, C 0 → positions 1 2 3; shares 4/5 1/5 0
    expect(r.values.map((v) => [v.valueId, v.position, v.score, v.share])).toEqual([
      ['B', 1, 4, 0.8],
      ['A', 2, 1, 0.2],
      ['C', 3, 0, 0],
    ]);
    expect(r.values[0]?.spread).toEqual({ mean: 4, sd: 0, min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    expect(r.values.map((v) => v.agreement)).toEqual([null, null, null]);
    expect(r.values.map((v) => v.supportShare)).toEqual([1, 1, 0]);
    expect(r.agreementLevel).toBeNull();
    expect(r.kendallW).toBeNull();
    // one answer in g1 < 3 → excluded
    expect(r.lens.excludedGroups).toEqual([
      { groupId: 'g1', answers: 1 },
      { groupId: 'g2', answers: 0 },
    ]);
  });

  it('rank: Borda of a top 2; W null', () => {
    const r = computeVoteResults(base('rank', [{ participantId: 'p1', groupId: 'g1', answer: answer('rank', ['C', 'A']) }]));
    expect(r.values.map((v) => [v.valueId, v.position, v.score])).toEqual([
      ['C', 1, 2],
      ['A', 2, 1],
      ['B', 3, 0],
    ]);
    expect(r.kendallW).toBeNull();
    expect(r.agreementLevel).toBeNull();
  });

  it('points: mean points are their points', () => {
    const r = computeVoteResults(base('points', [{ participantId: 'p1', groupId: 'g2', answer: answer('points', { A: 70, C: 30 }) }]));
    expect(r.values.map((v) => [v.valueId, v.score, v.supporters])).toEqual([
      ['A', 70, 1],
      ['C', 30, 0],
      ['B', 0, 0],
    ]);
  });
});

describe('computeVoteResults — plain JSON with answers', () => {
  const responses = (kind: VoteKind): Response<VoteAnswer>[] => {
    const specs: (Record<string, number> | string[])[] =
      kind === 'rank'
        ? [['A', 'B'], ['B', 'C'], ['A'], ['C', 'A'], [], ['B', 'A']]
        : kind === 'dots'
          ? [{ A: 5 }, { A: 2, B: 3 }, { C: 5 }, { B: 1, C: 4 }, {}, { A: 1, B: 1, C: 3 }]
          : [{ A: 100 }, { A: 50, B: 50 }, { C: 100 }, { B: 20, C: 80 }, { A: 34, B: 33, C: 33 }, { B: 100 }];
    return specs.map((s, i) => ({ participantId: `p${i}`, groupId: i < 3 ? 'g1' : 'g2', answer: answer(kind, s) }));
  };

  it.each<VoteKind>(['dots', 'rank', 'points'])('%s results survive JSON unchanged and hold only finite numbers', (kind) => {
    const r = computeVoteResults(base(kind, responses(kind)));
    expect(r.lens.includedGroupIds).toEqual(['g1', 'g2']);
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    expect(badLeaves(r)).toEqual([]);
  });

  it('is deterministic: the same input gives the same output', () => {
    const input = base('rank', responses('rank'));
    expect(computeVoteResults(input)).toStrictEqual(computeVoteResults(structuredClone(input)));
  });

  it('does not modify its input', () => {
    const input = base('dots', responses('dots'));
    const copy = structuredClone(input);
    computeVoteResults(input);
    expect(input).toStrictEqual(copy);
  });
});
