import { describe, expect, it } from 'vitest';
import type { ActivityResults, AnswerInput, PhoneView } from '../../shared/index.js';
import { fetchExport } from './exports.js';
import { connectHost, connectVisitor, createWorkshop, emitAck, joinAs, mustAck, received, serverPool, waitFor, type TestParticipant } from './harness.js';

/**
 * Issue 3, end to end: 12 phones in 3 groups of 4 run dots → rank → points → rank again over
 * real sockets. Every vote is on four values, A–D, so the numbers can be worked by hand (below).
 * R = residents, M = municipality, H = housing association.
 */
const LABELS = ['R1', 'R2', 'R3', 'R4', 'M1', 'M2', 'M3', 'M4', 'H1', 'H2', 'H3', 'H4'] as const;
type Label = (typeof LABELS)[number];
type Letter = 'A' | 'B' | 'C' | 'D';

// Dots: 3 each, at most 2 on one value. R4 first gives "B2 C1", then changes to this.
const DOTS: Record<Label, string> = {
  R1: 'A2 B1', R2: 'A2 C1', R3: 'A1 B1 D1', R4: 'A2 D1',
  M1: 'C2 A1', M2: 'C2 B1', M3: 'A1 C1 D1', M4: 'C1 A1 B1',
  H1: 'B2 A1', H2: 'B2 D1', H3: 'A1 B1 C1', H4: 'D2 A1',
};
// Rank all four (K = 4), first = most important.
const RANK_1: Record<Label, string> = {
  R1: 'ABCD', R2: 'ACBD', R3: 'ABDC', R4: 'ADBC',
  M1: 'CABD', M2: 'CBAD', M3: 'CADB', M4: 'ACBD',
  H1: 'BACD', H2: 'BDAC', H3: 'BACD', H4: 'DABC',
};
// 100 points each.
const POINTS: Record<Label, string> = {
  R1: 'A40 B30 C20 D10', R2: 'A50 B20 C20 D10', R3: 'A40 B20 C10 D30', R4: 'A70 D30',
  M1: 'C50 A30 B20', M2: 'C40 B40 A20', M3: 'C60 A20 D20', M4: 'A25 B25 C25 D25',
  H1: 'B50 A30 C10 D10', H2: 'B60 D40', H3: 'B40 A30 C30', H4: 'D50 A50',
};
// After the discussion: social fairness (B) moves up.
const RANK_2: Record<Label, string> = {
  R1: 'ABCD', R2: 'ABCD', R3: 'BADC', R4: 'ABDC',
  M1: 'CBAD', M2: 'BCAD', M3: 'CABD', M4: 'ABCD',
  H1: 'BACD', H2: 'BADC', H3: 'BACD', H4: 'ABDC',
};

const T0 = Date.UTC(2026, 10, 24, 19, 0, 0);
const log2 = Math.log2;

describe('12 participants in 3 groups: dots → rank → points → rank again', () => {
  const start = serverPool();

  it('counts every answer once, keeps results hidden until revealed, and the board shows the export’s numbers', { timeout: 30_000 }, async () => {
    let now = T0;
    const server = await start({ clock: () => now });
    const tick = () => (now += 1000);
    const w = await createWorkshop(server, { title: 'Wijk Zuid', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality', 'Housing association'] });
    const host = await connectHost(server, w);
    const board = await connectVisitor(server, w.code);
    const initial = await waitFor(host, 'workshop:host');
    const [res, mun, hou] = initial.groups.map((g) => g.id) as [string, string, string];
    const valueId = (title: string) => initial.allValues.find((x) => x.title === title)?.id as string;
    const v: Record<Letter, string> = { A: valueId('Affordability'), B: valueId('Social fairness'), C: valueId('Sustainability'), D: valueId('Comfort') };
    const four = [v.A, v.B, v.C, v.D];
    const [explore, dots, rank, rankAgain, scan, options] = initial.activities.map((a) => a.id) as [string, string, string, string, string, string];

    // ---- The agenda: dots → rank → points → rank again (a duplicate of the rank, moved to the end).
    for (const activityId of [explore, rankAgain, scan, options]) await mustAck(host, 'agenda:remove', { activityId });
    await mustAck(host, 'activity:configure', { activityId: dots, valueIds: four, dotsPerParticipant: 3, dotsMaxPerValue: 2 });
    await mustAck(host, 'activity:configure', { activityId: rank, valueIds: four, rankK: null, title: 'Which values matter most to you?' });
    const { activityId: points } = await mustAck(host, 'agenda:add', { kind: 'points', afterActivityId: rank });
    await mustAck(host, 'activity:configure', { activityId: points, valueIds: four });
    const { activityId: round2 } = await mustAck(host, 'agenda:duplicate', { activityId: rank });
    await mustAck(host, 'agenda:move', { activityId: round2, toIndex: 3 });
    const agenda = await waitFor(board, 'workshop:public', (p) => p.activities[3]?.id === round2);
    expect(agenda.activities.map((a) => [a.id, a.kind, a.round])).toEqual([[dots, 'dots', 1], [rank, 'rank', 1], [points, 'points', 1], [round2, 'rank', 2]]);
    expect(agenda.activities[3]).toMatchObject({ title: 'Which values matter most to you?', config: { valueIds: four, rankK: null } });

    // ---- 12 phones join.
    const groupOf = (l: Label) => ({ R: res, M: mun, H: hou })[l[0] as 'R' | 'M' | 'H'];
    const phones = {} as Record<Label, TestParticipant>;
    for (const label of LABELS) phones[label] = await joinAs(server, w.code, groupOf(label));
    const send = (l: Label, activityId: string, answerId: string, answer: AnswerInput) => emitAck(phones[l].socket, 'answer:submit', { activityId, answerId, answer });
    const vote = async (activityId: string, table: Record<Label, string>, encode: (s: string) => AnswerInput) => {
      tick();
      const acks = await Promise.all(LABELS.map((l) => send(l, activityId, `${activityId}-${l}`, encode(table[l]))));
      expect(acks).toEqual(LABELS.map((l) => ({ ok: true, data: { answerId: `${activityId}-${l}`, duplicate: false } })));
    };
    const amounts = (key: 'dots' | 'points') => (s: string): AnswerInput => {
      const record = Object.fromEntries(s.split(' ').map((t) => [v[t[0] as Letter], Number(t.slice(1))]));
      return key === 'dots' ? { kind: 'dots', dots: record } : { kind: 'points', points: record };
    };
    const order = (s: string): AnswerInput => ({ kind: 'rank', order: [...s].map((c) => v[c as Letter]) });
    /** Locks, checks nothing is accepted any more, reveals, and returns what the board then shows. */
    const lockAndReveal = async (activityId: string, late: AnswerInput): Promise<ActivityResults> => {
      tick();
      await mustAck(host, 'activity:control', { activityId, action: 'lock' });
      expect(await send('H4', activityId, `${activityId}-late`, late)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is locked' } });
      // Phones got views all along, but never these results before the reveal.
      const seen = received(phones.R1.socket).filter((e) => e.event === 'workshop:phone');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((e) => (e.payload as PhoneView).results[activityId] === undefined)).toBe(true);
      await mustAck(host, 'activity:control', { activityId, action: 'reveal' });
      const shown = (await waitFor(board, 'workshop:public', (p) => p.results[activityId] !== undefined)).results[activityId] as ActivityResults;
      expect((await waitFor(phones.M2.socket, 'workshop:phone', (p) => p.results[activityId] !== undefined)).results[activityId]).toEqual(shown);
      return shown;
    };
    const scores = (r: ActivityResults) => r.vote?.values.map((x) => [x.valueId, x.position, x.score]);

    // ---- Dots. R4 changes their answer; H1's send is retried; an over-budget answer is refused.
    await mustAck(host, 'activity:control', { activityId: dots, action: 'open' });
    expect(await send('R4', dots, 'r4-first', amounts('dots')('B2 C1'))).toEqual({ ok: true, data: { answerId: 'r4-first', duplicate: false } });
    expect(await send('M1', dots, 'too-many', amounts('dots')('A2 B1 C1'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await vote(dots, DOTS, amounts('dots'));
    expect(await send('H1', dots, `${dots}-H1`, amounts('dots')(DOTS.H1))).toEqual({ ok: true, data: { answerId: `${dots}-H1`, duplicate: true } });
    // A stale retry of R4's first answer arrives late: acknowledged, and changes nothing.
    expect(await send('R4', dots, 'r4-first', amounts('dots')('B2 C1'))).toEqual({ ok: true, data: { answerId: 'r4-first', duplicate: true } });
    expect((await waitFor(phones.R4.socket, 'participant:self', (s) => s.answers[dots]?.answerId === `${dots}-R4`)).answers[dots]?.answer).toEqual({ kind: 'dots', dots: { [v.A]: 2, [v.D]: 1 } });
    // Before the reveal: the room sees how many answered, per group; the facilitator sees results.
    const counted = await waitFor(board, 'workshop:public', (p) => p.answerCounts[dots]?.total === 12);
    expect(counted.answerCounts[dots]).toEqual({ total: 12, byGroup: { [res]: 4, [mun]: 4, [hou]: 4 } });
    expect(counted.results).toEqual({});
    expect(scores((await waitFor(host, 'workshop:host', (h) => h.results[dots]?.vote?.answers === 12)).results[dots] as ActivityResults)).toEqual([[v.A, 1, 13], [v.B, 2, 9], [v.C, 3, 8], [v.D, 4, 6]]);
    const dotsShown = await lockAndReveal(dots, amounts('dots')('A1'));
    // Totals: A = R 2+2+1+2, M 1+0+1+1, H 1+0+1+1 = 13; B = R 1+1, M 1+1, H 2+2+1 = 9;
    // C = R 1, M 2+2+1+1, H 1 = 8; D = R 1+1, M 1, H 1+2 = 6. 36 dots = 12 × 3: H1 counted once.
    expect(scores(dotsShown)).toEqual([[v.A, 1, 13], [v.B, 2, 9], [v.C, 3, 8], [v.D, 4, 6]]);
    expect(dotsShown.vote?.values[0]?.share).toBeCloseTo(13 / 36, 12);
    // Lens: group score = mean dots per member / 2 (the cap). C: R 1/4/2 = 0.125, M 6/4/2 = 0.75,
    // H 0.125 → spread 0.625, the largest; A: R 7/8, M 3/8, H 3/8 → 0.5; B: 0.25, 0.25, 0.625 → 0.375; D: 0.25.
    expect(dotsShown.vote?.lens.tension.map((t) => [t.valueId, t.highGroupId, t.lowGroupId])).toEqual([[v.C, mun, res], [v.A, res, mun], [v.B, hou, res], [v.D, hou, mun]]);
    expect(dotsShown.vote?.lens.tension[0]?.spread).toBeCloseTo(0.625, 12);
    // Common ground: support = (gave a dot + 1) / (4 + 2). A: R 5/6, M 4/6, H 4/6 → ∛(80/216) ≈ 0.7181;
    // B ∛(3·3·4/216), C ∛(2·5·2/216), D ∛(3·2·3/216).
    expect(dotsShown.vote?.lens.commonGround.map((c) => c.valueId)).toEqual([v.A, v.B, v.C, v.D]);
    expect(dotsShown.vote?.lens.commonGround[0]).toMatchObject({ lowestGroupId: mun });
    expect(dotsShown.vote?.lens.commonGround[0]?.score).toBeCloseTo(Math.cbrt(80 / 216), 12);
    expect(dotsShown.vote?.lens.commonGround[0]?.lowestSupport).toBeCloseTo(4 / 6, 12);
    expect(dotsShown.vote?.lens.excludedGroups).toEqual([]);

    // ---- Rank, round 1.
    tick();
    await mustAck(host, 'agenda:goto', { activityId: rank });
    await vote(rank, RANK_1, order);
    const rank1 = await lockAndReveal(rank, order('DCBA'));
    // Rank sums (1 = first): A 4 + (2+3+2+1) + (2+3+2+2) = 21, B 10 + 12 + 6 = 28, C 13 + 5 + 14 = 32,
    // D 13 + 15 + 11 = 39 (Σ 120 = 12 × 10). Borda with K = 4 is 5 − rank: A 60 − 21 = 39, B 32, C 28, D 21.
    expect(scores(rank1)).toEqual([[v.A, 1, 39], [v.B, 2, 32], [v.C, 3, 28], [v.D, 4, 21]]);
    // W: mean rank sum 12·5/2 = 30; S = 9² + 2² + 2² + 9² = 170; W = 12·170 / (12²·(4³ − 4)) = 2040/8640 = 17/72.
    // χ² = m(n − 1)W = 12·3·17/72 = 8.5, df 3: p = erfc(√4.25) + √(17/π)·e^−4.25 ≈ 0.036733.
    expect(rank1.vote?.kendallW).toMatchObject({ m: 12, n: 4, df: 3, tieCorrected: false });
    expect(rank1.vote?.kendallW?.w).toBeCloseTo(17 / 72, 12);
    expect(rank1.vote?.kendallW?.chiSquare).toBeCloseTo(8.5, 12);
    expect(rank1.vote?.kendallW?.p).toBeCloseTo(0.036733, 6);
    // Agreement on A (Tastle–Wierman, scale 0..4): Borda 4 ×5, 3 ×5, 2 ×2, mean 3.25.
    const twA = 1 + (5 * log2(1 - 0.75 / 4) + 5 * log2(1 - 0.25 / 4) + 2 * log2(1 - 1.25 / 4)) / 12;
    expect(rank1.vote?.values[0]?.agreement).toBeCloseTo(twA, 12);
    // Residents alone: rank sums A 4, B 10, C 13, D 13; mean 10; S = 36 + 0 + 9 + 9 = 54; W = 12·54 / (16·60) = 0.675.
    expect(rank1.vote?.lens.withinGroupW[res]?.w).toBeCloseTo(0.675, 12);
    // Tension: C's mean Borda / 4 — R 7/16, M 15/16, H 6/16 → spread 9/16.
    expect(rank1.vote?.lens.tension[0]).toMatchObject({ valueId: v.C, highGroupId: mun, lowGroupId: hou });
    expect(rank1.vote?.lens.tension[0]?.spread).toBeCloseTo(9 / 16, 12);
    expect(rank1.previousRound).toBeNull();

    // ---- Points.
    tick();
    await mustAck(host, 'agenda:goto', { activityId: points });
    await vote(points, POINTS, amounts('points'));
    const pointsShown = await lockAndReveal(points, amounts('points')('D100'));
    // Means: A (200 + 95 + 110)/12 = 33.75, B (70 + 85 + 150)/12, C (50 + 175 + 40)/12, D (80 + 45 + 100)/12 = 18.75.
    expect(pointsShown.vote?.values.map((x) => x.valueId)).toEqual([v.A, v.B, v.C, v.D]);
    expect(pointsShown.vote?.values.map((x) => x.score)).toEqual([33.75, 305 / 12, 265 / 12, 18.75].map((x) => expect.closeTo(x, 12)));
    // A's spread: sorted 0 20 20 25 30 30 30 40 40 50 50 70; q1 = 20 + 0.75·5, q3 = 40 + 0.25·10;
    // Σ(x − 33.75)² = 3556.25. Supporters (≥ 25 points, an equal share of 4): R 4, M 2 (with M4's 25), H 3.
    const a = pointsShown.vote?.values[0];
    expect(a?.spread).toEqual({ mean: 33.75, sd: expect.closeTo(Math.sqrt(3556.25 / 12), 12), min: 0, q1: 23.75, median: 30, q3: 42.5, max: 70 });
    expect(a?.supporters).toBe(9);

    // ---- Rank, round 2: compared with round 1.
    tick();
    await mustAck(host, 'agenda:goto', { activityId: round2 });
    await vote(round2, RANK_2, order);
    const rank2 = await lockAndReveal(round2, order('DCBA'));
    // Rank sums A 5 + 9 + 7 = 21, B 7 + 8 + 5 = 20, C 14 + 7 + 14 = 35, D 14 + 16 + 14 = 44 → Borda A 39, B 40, C 25, D 16.
    expect(scores(rank2)).toEqual([[v.B, 1, 40], [v.A, 2, 39], [v.C, 3, 25], [v.D, 4, 16]]);
    // S = 9² + 10² + 5² + 14² = 402; W = 12·402/8640 = 67/120.
    expect(rank2.vote?.kendallW?.w).toBeCloseTo(67 / 120, 12);
    // B moved up one place (+8 Borda), A down one; W rose by 67/120 − 17/72 = 29/90.
    // Scores are compared normalised: Borda / (12 answers · K = 4) = Borda / 48 in both rounds.
    expect(rank2.previousRound?.activityId).toBe(rank);
    const n48 = (x: number) => expect.closeTo(x / 48, 12);
    expect(rank2.previousRound?.comparison.values).toEqual([
      { valueId: v.B, positionBefore: 2, positionAfter: 1, positionChange: 1, scoreBefore: n48(32), scoreAfter: n48(40), scoreChange: n48(8) },
      { valueId: v.A, positionBefore: 1, positionAfter: 2, positionChange: -1, scoreBefore: n48(39), scoreAfter: n48(39), scoreChange: n48(0) },
      { valueId: v.C, positionBefore: 3, positionAfter: 3, positionChange: 0, scoreBefore: n48(28), scoreAfter: n48(25), scoreChange: n48(-3) },
      { valueId: v.D, positionBefore: 4, positionAfter: 4, positionChange: 0, scoreBefore: n48(21), scoreAfter: n48(16), scoreChange: n48(-5) },
    ]);
    expect(rank2.previousRound?.comparison.wChange).toBeCloseTo(29 / 90, 12);

    // ---- The export: valid against the published schema, every answer, and the board's numbers.
    tick();
    const doc = await fetchExport(server, w);
    expect(doc.activities.map((x) => x.id)).toEqual([dots, rank, points, round2]);
    const shownById: Record<string, ActivityResults> = { [dots]: dotsShown, [rank]: rank1, [points]: pointsShown, [round2]: rank2 };
    for (const activity of doc.activities) {
      expect(activity.results).toEqual(shownById[activity.id]);
      expect(activity.answers).toHaveLength(12);
    }
    const dotsAnswers = doc.activities[0]?.answers ?? [];
    expect(dotsAnswers.find((x) => x.participantId === phones.R4.participantId)).toMatchObject({ answerId: `${dots}-R4`, revisions: 2, counted: true, groupId: res });
    expect(dotsAnswers.find((x) => x.participantId === phones.H1.participantId)).toMatchObject({ answerId: `${dots}-H1`, revisions: 1 });
    expect(doc.activities[3]?.answers.find((x) => x.participantId === phones.M2.participantId)?.answer).toEqual(order(RANK_2.M2));
  });
});
