import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST } from './testing.js';
import { activityResults, answerCounts } from './results.js';
import { allResults, hostView, publicView, selfView } from './views.js';
import { exportWorkshop } from './export.js';

/**
 * The wiring from workshop state to the consensus math: which answers count, which values and
 * groups take part, rounds. Worked by hand below; the math itself is tested in shared/consensus.
 */
function scripted() {
  const h = new DomainHarness({ title: 'x', groups: ['Bewoners', 'Gemeente', 'Woningcorporatie'] });
  const [A, B, C] = h.state.valueOrder as [string, string, string];
  const rank = h.state.activities[2]!.id;
  h.must('activity:configure', { activityId: rank, rankK: 2, valueIds: [A, B, C] }, HOST);
  h.must('agenda:goto', { activityId: rank }, HOST);
  const ballots: [number, string[]][] = [
    [0, [A, B]], // r1
    [0, [A, C]], // r2
    [0, [B, A]], // r3
    [1, [C, B]], // m1
    [1, [C, A]], // m2
    [1, [A, C]], // m3
    [2, [B, A]], // x1 (housing association: a group of one)
  ];
  const actors = ballots.map(([group, order], i) => {
    const p = h.join(group);
    h.must('answer:submit', { activityId: rank, answerId: `b${i}`, answer: { kind: 'rank', order } }, p);
    return p;
  });
  // r4 answers, then is removed: their answer no longer counts.
  const r4 = h.join(0);
  h.must('answer:submit', { activityId: rank, answerId: 'b-r4', answer: { kind: 'rank', order: [C, B] } }, r4);
  h.must('participant:remove', { participantId: r4.participantId }, HOST);
  return { h, A, B, C, rank, actors };
}

describe('activity results', () => {
  it('computes the priority, agreement and groups lens from the answers that count', () => {
    const { h, A, B, C, rank } = scripted();
    const r = activityResults(h.state, rank);
    const vote = r?.vote;
    if (!vote) throw new Error('no vote results');
    // Borda with K = 2: first place 2 points, second 1.
    // A: r1 2 + r2 2 + r3 1 + m1 0 + m2 1 + m3 2 + x1 1 = 9
    // B: 1 + 0 + 2 + 1 + 0 + 0 + 2 = 6;  C: 0 + 1 + 0 + 2 + 2 + 1 + 0 = 6
    expect(vote.answers).toBe(7);
    expect(vote.values.map((v) => [v.valueId, v.position, v.score])).toEqual([[A, 1, 9], [B, 2, 6], [C, 2, 6]]);
    expect(vote.values[0]?.share).toBeCloseTo(9 / 21, 10);
    // Kendall's W: with n = 3 and K = 2 the unranked value takes rank 3, so no ties.
    // Rank sums A 12, B 15, C 15; mean 14; S = 4 + 1 + 1 = 6; W = 12·6 / (7²·(27 − 3)) = 72 / 1176.
    expect(vote.kendallW?.w).toBeCloseTo(72 / 1176, 10);
    expect(vote.kendallW?.chiSquare).toBeCloseTo(7 * 2 * (72 / 1176), 10);
    // The housing association has 1 answer (< 3): left out of the lens, and named.
    const [res, mun, housing] = h.state.groups.map((g) => g.id) as [string, string, string];
    expect(vote.lens.includedGroupIds).toEqual([res, mun]);
    expect(vote.lens.excludedGroups).toEqual([{ groupId: housing, answers: 1 }]);
    // Smoothed support (supporters + 1) / (answers + 2): residents A 4/5, B 3/5, C 2/5; municipality A 3/5, B 2/5, C 4/5.
    // Geometric means: A √(0.8·0.6) = 0.6928, C √(0.4·0.8) = 0.5657, B √(0.6·0.4) = 0.4899.
    expect(vote.lens.commonGround.map((c) => c.valueId)).toEqual([A, C, B]);
    expect(vote.lens.commonGround[0]?.score).toBeCloseTo(Math.sqrt(0.48), 10);
    expect(vote.lens.commonGround[0]).toMatchObject({ lowestGroupId: mun });
    expect(vote.lens.commonGround[0]?.lowestSupport).toBeCloseTo(0.6, 10);
    // Group scores = mean Borda / K: C residents (0+1+0)/3/2 = 1/6, municipality (2+2+1)/3/2 = 5/6: spread 2/3, the tension.
    expect(vote.lens.tension[0]).toMatchObject({ valueId: C, highGroupId: mun, lowGroupId: res });
    expect(vote.lens.tension[0]?.spread).toBeCloseTo(2 / 3, 10);
    expect(answerCounts(h.state, rank)).toEqual({ total: 7, byGroup: { [res]: 3, [mun]: 3, [housing]: 1 } });
  });

  it('compares a repeated activity with the previous round', () => {
    const { h, A, B, C, rank, actors } = scripted();
    h.must('agenda:duplicate', { activityId: rank }, HOST);
    const second = h.state.activities[3]!.id;
    h.must('agenda:goto', { activityId: second }, HOST);
    h.must('answer:submit', { activityId: second, answerId: 'again', answer: { kind: 'rank', order: [A, B] } }, actors[0]!);
    const r = activityResults(h.state, second);
    expect(r?.previousRound?.activityId).toBe(rank);
    // Before: A 1, B 2, C 2. After (one ballot A, B): A 1, B 2, C 3 — C fell one place.
    expect(r?.previousRound?.comparison.values.find((v) => v.valueId === C)).toMatchObject({ positionBefore: 2, positionAfter: 3, positionChange: -1 });
    expect(r?.previousRound?.comparison.wAfter).toBeNull();
  });

  it('keeps results from the room until revealed, but always shows them to the host', () => {
    const { h, rank, actors } = scripted();
    expect(publicView(h.state).results[rank]).toBeUndefined();
    expect(publicView(h.state).answerCounts[rank]?.total).toBe(7);
    expect(hostView(h.state).results[rank]?.vote?.answers).toBe(7);
    h.must('activity:control', { activityId: rank, action: 'reveal' }, HOST);
    expect(publicView(h.state).results[rank]).toEqual(hostView(h.state).results[rank]);
    expect(selfView(h.state, actors[0]!.participantId)?.answers[rank]).toMatchObject({ answerId: 'b0' });
    h.must('summary:publish', { published: true }, HOST);
    expect(Object.keys(publicView(h.state).results)).toEqual([rank]);
    expect(Object.keys(allResults(h.state))).toEqual(h.state.activities.filter((a) => a.kind !== 'explore').map((a) => a.id));
  });

  it('exports every answer and the same numbers the board shows', () => {
    const { h, rank } = scripted();
    h.must('activity:control', { activityId: rank, action: 'reveal' }, HOST);
    const doc = exportWorkshop(h.state, h.now);
    const exported = doc.activities.find((a) => a.id === rank);
    expect(exported?.answers).toHaveLength(8);
    expect(exported?.answers.filter((a) => a.counted)).toHaveLength(7);
    expect(exported?.results).toEqual(publicView(h.state).results[rank]);
    expect(doc.summary.topValues[0]?.valueId).toBe(h.state.valueOrder[0]);
  });
});

describe('room and online apart (channels)', () => {
  /** A rank vote (K = 2 over A, B, C) with 3 answers in the room and 2 marked online. */
  function roomAndOnline() {
    const h = new DomainHarness({ title: 'x', groups: ['Bewoners', 'Gemeente'] });
    const [A, B, C] = h.state.valueOrder as [string, string, string];
    const rank = h.state.activities[2]!.id;
    h.must('activity:configure', { activityId: rank, rankK: 2, valueIds: [A, B, C] }, HOST);
    h.must('agenda:goto', { activityId: rank }, HOST);
    const ballots: [number, string[], 'room' | 'online' | undefined][] = [
      [0, [A, B], 'room'], // r1
      [0, [A, C], undefined], // r2: stored before channels existed, reads as room
      [1, [B, A], 'room'], // r3
      [0, [C, B], 'online'], // o1
      [1, [C, A], 'online'], // o2
    ];
    const people = ballots.map(([group, order], i) => {
      const p = h.join(group);
      h.must('answer:submit', { activityId: rank, answerId: `c${i}`, answer: { kind: 'rank', order } }, p);
      return p.participantId;
    });
    const mark = (ballot: number, channel: 'room' | 'online' | undefined) => {
      const pid = people[ballot]!;
      const { channel: _old, ...stored } = h.state.answers[rank]![pid]!;
      h.state = { ...h.state, answers: { ...h.state.answers, [rank]: { ...h.state.answers[rank], [pid]: channel ? { ...stored, channel } : stored } } };
    };
    ballots.forEach(([, , channel], i) => mark(i, channel));
    return { h, A, B, C, rank, people, mark };
  }

  it('computes the vote over the room answers and over the online answers', () => {
    const { h, A, B, C, rank } = roomAndOnline();
    const [res, mun] = h.state.groups.map((g) => g.id) as [string, string];
    const r = activityResults(h.state, rank);
    // Whole room (5 answers), Borda K = 2: A 2+2+1+0+1 = 6, B 1+0+2+1+0 = 4, C 0+1+0+2+2 = 5.
    expect(r?.vote?.values.map((v) => [v.valueId, v.position, v.score])).toEqual([[A, 1, 6], [C, 2, 5], [B, 3, 4]]);
    const room = r?.channels?.room;
    const online = r?.channels?.online;
    // Room (r1, r2, r3): A 2+2+1 = 5, B 1+0+2 = 3, C 0+1+0 = 1; shares 5/9, 3/9, 1/9.
    expect(room).toMatchObject({ answers: 3, answersByGroup: { [res]: 2, [mun]: 1 }, scan: null, options: null });
    expect(room?.vote?.answers).toBe(3);
    expect(room?.vote?.values.map((v) => [v.valueId, v.position, v.score])).toEqual([[A, 1, 5], [B, 2, 3], [C, 3, 1]]);
    expect(room?.vote?.values[0]?.share).toBeCloseTo(5 / 9, 12);
    // Room W: ranks (unranked = 3) r1 A1 B2 C3, r2 A1 C2 B3, r3 B1 A2 C3 → sums A 4, B 6, C 8; mean 6;
    // S = 4 + 0 + 4 = 8; W = 12·8 / (3²·(3³ − 3)) = 96 / 216 = 4/9.
    expect(room?.vote?.kendallW?.w).toBeCloseTo(4 / 9, 12);
    // Online (o1, o2): C 2+2 = 4, B 1+0 = 1, A 0+1 = 1 (A and B share place 2).
    expect(online).toMatchObject({ answers: 2, answersByGroup: { [res]: 1, [mun]: 1 }, scan: null, options: null });
    expect(online?.vote?.values.map((v) => [v.valueId, v.position, v.score])).toEqual([[C, 1, 4], [A, 2, 1], [B, 2, 1]]);
    // Online W: o1 C1 B2 A3, o2 C1 A2 B3 → sums A 5, B 5, C 2; mean 4; S = 1 + 1 + 4 = 6; W = 72 / (2²·24) = 0.75.
    expect(online?.vote?.kendallW?.w).toBeCloseTo(0.75, 12);
    // The whole room's results are those without the split.
    expect(r?.answers.counted).toBe(5);
  });

  it('is null while no counted answer came in online', () => {
    const { h, rank, people, mark } = roomAndOnline();
    mark(3, 'room');
    mark(4, undefined);
    expect(activityResults(h.state, rank)?.channels).toBeNull();
    // An online answer of a removed participant does not count, so no split either.
    mark(4, 'online');
    expect(activityResults(h.state, rank)?.channels?.online.answers).toBe(1);
    h.must('participant:remove', { participantId: people[4] }, HOST);
    expect(activityResults(h.state, rank)?.channels).toBeNull();
  });
});
