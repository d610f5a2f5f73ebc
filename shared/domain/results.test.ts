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
