import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseCsv, restoreFormula, type ActivityResults, type AnswerInput, type CsvRow, type PhoneView } from '../../shared/index.js';
import type { OptionItem, OptionScore, OptionsResults } from '../../shared/kinds/options/model.js';
import { fetchCsv, fetchExport } from './exports.js';
import {
  connectHost,
  connectVisitor,
  createWorkshop,
  emitAck,
  joinAs,
  mustAck,
  rawEmitAck,
  received,
  serverPool,
  serverState,
  waitFor,
  type TestParticipant,
} from './harness.js';

/**
 * Issue 11, end to end: "Weigh the options" with 12 phones in 3 groups of 4 over real sockets,
 * after a rank vote whose shares weigh the values — per group ("whose values decide", weights
 * mode 'group'). The answers are built so that the room's winner (the heat network) is not the
 * winner under the residents' own weights (the hybrid heat pump) nor under the municipality's
 * (the all-electric heat pump), and the option every group can live with most is the hybrid.
 *
 * Groups: R = residents, M = municipality, H = housing association. Values: A = Affordability,
 * B = Social fairness, C = Sustainability. Options (the heat-transition template's four):
 * N = heat network, E = all-electric heat pump, Y = hybrid heat pump, G = wait for green gas.
 *
 * ---- The weighting vote: rank all three (K = 3, Borda 3 · 2 · 1).
 *   R ×4: A > B > C → A 12, B 8, C 4        M ×4: C > B > A → C 12, B 8, A 4
 *   H ×4: B > A > C → B 12, A 8, C 4        room: A 24, B 28, C 20 (Σ 72)
 * Room weights: A 24/72 = 1/3, B 28/72 = 7/18, C 20/72 = 5/18. The vote's order is B, A, C, so
 * the options step (values not picked) takes the values [B, A, C] when it opens.
 * Own weights: R A 1/2, B 1/3, C 1/6 · M A 1/6, B 1/3, C 1/2 · H A 1/3, B 1/2, C 1/6.
 *
 * ---- The scores (A, B, C per option; ? = don't know):
 *        N          E           Y          G
 *   R1   0  1  0   −2 −1  2    2  1  0    2  0  0
 *   R2   0  1  0   −2 −1  2    2  0  0    2  0 −1
 *   R3   1  1  0   −2 −1  2    1  1  0    2  0  0
 *   R4  −1  1  0   −2 −1  2    1  0  0    2  0 −1
 *   M1   1  1  2    0  1  2    1  0  1    0 −1 −2
 *   M2   0  1  1    0  1  2    0  0  1    0 −1 −2
 *   M3   1  1  2    0  1  2    1  0  1    0 −1 −2
 *   M4   0  1  1    0  1  2    0  0  1    0 −1 −2
 *   H1   1  2  0   −1  0  2    1  1  1    1 −2  0
 *   H2   1  1  0   −1  0  2    1  1  0    1  1 −1
 *   H3   1  0  0   −1  0  2    1  1  1    1  0  0
 *   H4   1  1  0   −1  0  ?    1  1  0    1 −1 −1
 *
 * Group means (A, B, C):
 *   N: R 0, 1, 0        M ½, 1, 1½        H 1, 1, 0
 *   E: R −2, −1, 2      M 0, 1, 2         H −1, 0, 2 (C over 3 scores, 1 don't know)
 *   Y: R 1½, ½, 0       M ½, 0, 1         H 1, 1, ½
 *   G: R 2, 0, −½       M 0, −1, −2       H 1, −½, −½
 * Room means (12 answers; the groups are equal, so the mean of the group means):
 *   N ½, 1, ½    E −1, 0, 2 (C: 22/11)    Y 1, ½, ½    G 1, −½, −1
 *
 * ---- Fits (weighted mean of the means, Σ w·m / Σ w):
 * Room, room weights (6, 7, 5)/18: N (3 + 7 + 2.5)/18 = 25/36 · Y (6 + 3.5 + 2.5)/18 = 2/3 ·
 *   E (−6 + 0 + 10)/18 = 2/9 · G (6 − 3.5 − 5)/18 = −5/36. Winner: N; positions N 1, Y 2, E 3, G 4.
 * Groups, own means and own weights:
 *   R (9, 6, 3)/18: N 6/18 = 1/3 · E (−18 − 6 + 6)/18 = −1 · Y (13.5 + 3)/18 = 11/12 · G (18 − 1.5)/18 = 11/12
 *   M (3, 6, 9)/18: N (1.5 + 6 + 13.5)/18 = 7/6 · E 24/18 = 4/3 · Y 10.5/18 = 7/12 · G −24/18 = −4/3
 *   H (6, 9, 3)/18: N 15/18 = 5/6 · E (−6 + 6)/18 = 0 · Y (6 + 9 + 1.5)/18 = 11/12 · G (6 − 4.5 − 1.5)/18 = 0
 * "Whose values decide": each group's own weights on the ROOM's means:
 *   R: N 2/3, E −1/6, Y 3/4, G 1/6 → winner Y
 *   M: N 2/3, E 5/6, Y 7/12, G −1/2 → winner E
 *   H: N 3/4, E 0, Y 2/3, G −1/12 → winner N
 * So the choice of weights flips the outcome (flips = true).
 *
 * ---- "Every group can live with it": a member's own fit (own scores, the group's weights) ≥ 0.
 *   N: R1 1/3, R2 1/3, R3 5/6, R4 −1/2 + 1/3 = −1/6 ✗ → R 3 of 4; M 4 of 4; H 4 of 4
 *   E: R all −1 − 1/3 + 1/3 = −1 ✗ → 0 of 4; M 4 of 4; H1–H3 −1/3 + 2/6 = 0 (counts),
 *      H4 (−1, 0, ?) = (−1/3)/(1/3 + 1/2) = −2/5 ✗ → 3 of 4
 *   Y: everyone ≥ 0 → 4, 4, 4
 *   G: R 4 of 4 (R2, R4 1 − 1/6 = 5/6); M (0, −1, −2) −4/3 ✗ → 0 of 4;
 *      H1 1/3 − 1 = −2/3 ✗, H2 1/3 + 1/2 − 1/6 = 2/3, H3 1/3, H4 1/3 − 1/2 − 1/6 = −1/3 ✗ → 2 of 4
 * Shares (k + 1)/(n + 2) and their geometric mean:
 *   N: 4/6, 5/6, 5/6 → ∛(25/54) ≈ 0.7736, lowest R 2/3
 *   E: 1/6, 5/6, 4/6 → ∛(5/54) ≈ 0.4524, lowest R 1/6
 *   Y: 5/6, 5/6, 5/6 → 5/6 ≈ 0.8333, lowest R (first of the tie) 5/6  ← every group can live with it
 *   G: 5/6, 1/6, 3/6 → ∛(5/72) ≈ 0.4110, lowest M 1/6
 *
 * ---- "What splits us": per option the value whose group means differ most (ties: value order B, A, C).
 *   N: B 0, A 1 − 0 = 1, C 1½ − 0 = 1½ → C (high M, low R, the first of R and H at 0)
 *   E: B 1 − (−1) = 2, A 0 − (−2) = 2, C 0 → B (tie with A, B comes first), high M, low R
 *   Y: B 1 − 0 = 1, A 1½ − ½ = 1, C 1 − 0 = 1 → B, high H, low M
 *   G: B 0 − (−1) = 1, A 2 − 0 = 2, C −½ − (−2) = 1½ → A, high R, low M
 */
const LABELS = ['R1', 'R2', 'R3', 'R4', 'M1', 'M2', 'M3', 'M4', 'H1', 'H2', 'H3', 'H4'] as const;
type Label = (typeof LABELS)[number];
type Letter = 'A' | 'B' | 'C';
type OptionLetter = 'N' | 'E' | 'Y' | 'G';

// Per participant: "N E Y G", each option's scores for A, B, C (? = don't know).
const SCORES: Record<Label, string> = {
  R1: '0,1,0 -2,-1,2 2,1,0 2,0,0',
  R2: '0,1,0 -2,-1,2 2,0,0 2,0,-1',
  R3: '1,1,0 -2,-1,2 1,1,0 2,0,0',
  R4: '-1,1,0 -2,-1,2 1,0,0 2,0,-1',
  M1: '1,1,2 0,1,2 1,0,1 0,-1,-2',
  M2: '0,1,1 0,1,2 0,0,1 0,-1,-2',
  M3: '1,1,2 0,1,2 1,0,1 0,-1,-2',
  M4: '0,1,1 0,1,2 0,0,1 0,-1,-2',
  H1: '1,2,0 -1,0,2 1,1,1 1,-2,0',
  H2: '1,1,0 -1,0,2 1,1,0 1,1,-1',
  H3: '1,0,0 -1,0,2 1,1,1 1,0,0',
  H4: '1,1,0 -1,0,? 1,1,0 1,-1,-1',
};
const WHY: Partial<Record<Label, [OptionLetter, string]>> = {
  R2: ['Y', 'Affordable now, and the boiler stays as a backup on cold days.'],
  M3: ['E', 'The only option without gas; the grid has to be ready for it.'],
  H4: ['N', 'One supplier for the whole street worries me, but there is no work inside the flats.'],
};
// Rank all three values, first = most important.
const RANK: Record<'R' | 'M' | 'H', string> = { R: 'ABC', M: 'CBA', H: 'BAC' };

const T0 = Date.UTC(2026, 11, 1, 19, 0, 0);
const third = (x: number) => Math.cbrt(x);

describe('weigh the options: 12 participants in 3 groups, weights per group from a rank vote', () => {
  const start = serverPool();

  it("the room's winner and a group's winner differ; the board shows the export's numbers", { timeout: 30_000 }, async () => {
    let now = T0;
    const server = await start({ clock: () => now });
    const tick = () => (now += 1000);
    const w = await createWorkshop(server, { title: 'Warmteplan Noord', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality', 'Housing association'] });
    const host = await connectHost(server, w);
    const board = await connectVisitor(server, w.code);
    const initial = await waitFor(host, 'workshop:host');
    const [res, mun, hou] = initial.groups.map((g) => g.id) as [string, string, string];
    const valueId = (title: string) => initial.allValues.find((x) => x.title === title)?.id as string;
    const v: Record<Letter, string> = { A: valueId('Affordability'), B: valueId('Social fairness'), C: valueId('Sustainability') };

    // ---- The template ends with "Weigh the options" and its four options.
    expect(initial.activities.map((a) => a.kind)).toEqual(['explore', 'dots', 'rank', 'rank', 'scan', 'options']);
    const [explore, dots, rank, rankAgain, scan, options] = initial.activities.map((a) => a.id) as [string, string, string, string, string, string];
    const template = initial.activities[5]!.config.options;
    expect(template.map((o) => o.id)).toEqual(['heat-network', 'heat-pump', 'hybrid', 'wait']);
    expect(template.map((o) => o.text.en.title)).toEqual(['Heat network', 'All-electric heat pump (with insulation)', 'Hybrid heat pump', 'Wait for green gas / decide later']);
    const o: Record<OptionLetter, string> = { N: 'heat-network', E: 'heat-pump', Y: 'hybrid', G: 'wait' };

    // ---- The agenda: rank → weigh the options.
    for (const activityId of [explore, dots, rankAgain, scan]) await mustAck(host, 'agenda:remove', { activityId });
    await mustAck(host, 'activity:configure', { activityId: rank, valueIds: [v.A, v.B, v.C], rankK: null });
    // The facilitator renames the last option and has the weights come from each group's own vote.
    const edited: OptionItem[] = template.map((x) => (x.id === o.G ? { ...x, text: { ...x.text, en: { ...x.text.en, title: 'Wait for green gas' } } } : x));
    await mustAck(host, 'activity:configure', { activityId: options, options: edited, weights: { mode: 'group', voteActivityId: null } });
    const configured = await waitFor(host, 'workshop:host', (h) => h.activities[1]?.config.weights.mode === 'group');
    expect(configured.activities.map((a) => a.id)).toEqual([rank, options]);
    expect(configured.activities[1]?.config).toMatchObject({ options: edited, weights: { mode: 'group', voteActivityId: null }, valueIds: null });

    // Nine options are refused, typed, and change nothing.
    const before = JSON.stringify(serverState(server, w.code));
    const nine = Array.from({ length: 9 }, (_, i): OptionItem => ({ id: `o${i}`, text: { nl: { title: `Optie ${i}`, description: '' }, en: { title: `Option ${i}`, description: '' } } }));
    expect(await emitAck(host, 'activity:configure', { activityId: options, options: nine })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(serverState(server, w.code))).toBe(before);

    // ---- 12 phones join.
    const groupOf = (l: Label) => ({ R: res, M: mun, H: hou })[l[0] as 'R' | 'M' | 'H'];
    const phones = {} as Record<Label, TestParticipant>;
    for (const label of LABELS) phones[label] = await joinAs(server, w.code, groupOf(label));

    // ---- The rank vote, revealed.
    tick();
    await mustAck(host, 'agenda:goto', { activityId: rank });
    for (const l of LABELS) {
      await mustAck(phones[l].socket, 'answer:submit', { activityId: rank, answerId: `rank-${l}`, answer: { kind: 'rank', order: [...RANK[l[0] as 'R' | 'M' | 'H']].map((c) => v[c as Letter]) } });
    }
    await mustAck(host, 'activity:control', { activityId: rank, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: rank, action: 'reveal' });
    const rankShown = (await waitFor(board, 'workshop:public', (p) => p.results[rank] !== undefined)).results[rank] as ActivityResults;
    expect(rankShown.vote?.values.map((x) => [x.valueId, x.position, x.score])).toEqual([[v.B, 1, 28], [v.A, 2, 24], [v.C, 3, 20]]);

    // ---- Weigh the options opens: it takes the vote's values in its order, and the vote as weights.
    tick();
    await mustAck(host, 'agenda:goto', { activityId: options });
    const opened = await waitFor(host, 'workshop:host', (h) => h.activities[1]?.status === 'open');
    expect(opened.activities[1]?.config).toMatchObject({ valueIds: [v.B, v.A, v.C], weights: { mode: 'group', voteActivityId: rank } });

    const answerOf = (l: Label): AnswerInput => {
      const cells = SCORES[l].split(' ');
      const ratings: Record<string, Record<string, OptionScore | null>> = {};
      (['N', 'E', 'Y', 'G'] as const).forEach((letter, i) => {
        const [a, b, c] = (cells[i] as string).split(',').map((s) => (s === '?' ? null : (Number(s) as OptionScore)));
        ratings[o[letter]] = { [v.A]: a ?? null, [v.B]: b ?? null, [v.C]: c ?? null };
      });
      const why = WHY[l];
      return { kind: 'options', ratings, why: why ? { [o[why[0]]]: why[1] } : {} };
    };
    const send = (l: Label, answerId: string, answer: unknown) => rawEmitAck(phones[l].socket, 'answer:submit', { activityId: options, answerId, answer });

    // R4 first answers otherwise (all 0), then changes its mind before the lock.
    const allZero = { kind: 'options', ratings: Object.fromEntries(Object.values(o).map((id) => [id, { [v.A]: 0, [v.B]: 0, [v.C]: 0 }])), why: { [o.G]: 'Not sure yet.' } };
    expect(await send('R4', 'R4-first', allZero)).toEqual({ ok: true, data: { answerId: 'R4-first', duplicate: false } });
    tick();
    const acks = await Promise.all(LABELS.map((l) => send(l, `opt-${l}`, answerOf(l))));
    expect(acks).toEqual(LABELS.map((l) => ({ ok: true, data: { answerId: `opt-${l}`, duplicate: false } })));
    // H1's send is retried (its ack was lost): acknowledged as a duplicate, stored once.
    expect(await send('H1', 'opt-H1', answerOf('H1'))).toEqual({ ok: true, data: { answerId: 'opt-H1', duplicate: true } });
    // A stale retry of R4's first answer: acknowledged, and changes nothing.
    expect(await send('R4', 'R4-first', allZero)).toEqual({ ok: true, data: { answerId: 'R4-first', duplicate: true } });
    const r4 = await waitFor(phones.R4.socket, 'participant:self', (s) => s.answers[options]?.answerId === 'opt-R4');
    // Stored canonical: options in the activity's order, values in its order (B, A, C).
    expect(r4.answers[options]?.answer).toEqual({
      kind: 'options',
      ratings: {
        [o.N]: { [v.B]: 1, [v.A]: -1, [v.C]: 0 },
        [o.E]: { [v.B]: -1, [v.A]: -2, [v.C]: 2 },
        [o.Y]: { [v.B]: 0, [v.A]: 1, [v.C]: 0 },
        [o.G]: { [v.B]: 0, [v.A]: 2, [v.C]: -1 },
      },
      why: {},
    });

    // Bad input: typed BAD_REQUEST (a locked setting: NOT_ALLOWED), nothing changes.
    const unchanged = JSON.stringify(serverState(server, w.code));
    const bad: [string, unknown][] = [
      ['an unknown option', { kind: 'options', ratings: { 'no-such-option': { [v.A]: 1 } }, why: {} }],
      ['a score of 3', { kind: 'options', ratings: { [o.N]: { [v.A]: 3 } }, why: {} }],
      ['a value that does not take part', { kind: 'options', ratings: { [o.N]: { [valueId('Comfort')]: 1 } }, why: {} }],
    ];
    for (const [what, answer] of bad) {
      expect(await send('M2', `bad-${what}`, answer), what).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    // With answers in, the options and the weights shape what an answer is: they are locked.
    expect(await emitAck(host, 'activity:configure', { activityId: options, options: edited.slice(0, 3) })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await emitAck(host, 'activity:configure', { activityId: options, weights: { mode: 'room', voteActivityId: rank } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(JSON.stringify(serverState(server, w.code))).toBe(unchanged);

    // Before the reveal: the room sees how many answered, not the results.
    const counted = await waitFor(board, 'workshop:public', (p) => p.answerCounts[options]?.total === 12);
    expect(counted.answerCounts[options]).toEqual({ total: 12, byGroup: { [res]: 4, [mun]: 4, [hou]: 4 } });
    expect(counted.results[options]).toBeUndefined();

    // ---- Lock: answers are refused. Reveal.
    tick();
    await mustAck(host, 'activity:control', { activityId: options, action: 'lock' });
    expect(await send('H4', 'opt-H4-late', answerOf('H3'))).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is locked' } });
    const seen = received(phones.R1.socket).filter((e) => e.event === 'workshop:phone');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => (e.payload as PhoneView).results[options] === undefined)).toBe(true);
    await mustAck(host, 'activity:control', { activityId: options, action: 'reveal' });
    const shown = (await waitFor(board, 'workshop:public', (p) => p.results[options] !== undefined)).results[options] as ActivityResults;
    expect(shown.kind).toBe('options');
    const r = shown.options as OptionsResults;

    // Counts, groups, weights.
    expect(r.answers).toBe(12);
    expect(r.answersByGroup).toEqual({ [res]: 4, [mun]: 4, [hou]: 4 });
    expect(r.includedGroupIds).toEqual([res, mun, hou]);
    expect(r.excludedGroups).toEqual([]);
    expect(r.valueIds).toEqual([v.B, v.A, v.C]);
    const close = (x: number) => expect.closeTo(x, 12);
    expect(r.weights).toEqual({
      mode: 'group',
      voteActivityId: rank,
      room: { [v.A]: close(1 / 3), [v.B]: close(7 / 18), [v.C]: close(5 / 18) },
      byGroup: {
        [res]: { [v.A]: close(1 / 2), [v.B]: close(1 / 3), [v.C]: close(1 / 6) },
        [mun]: { [v.A]: close(1 / 6), [v.B]: close(1 / 3), [v.C]: close(1 / 2) },
        [hou]: { [v.A]: close(1 / 3), [v.B]: close(1 / 2), [v.C]: close(1 / 6) },
      },
    });

    // The room's fits and positions; the winner.
    expect(r.options.map((x) => [x.optionId, x.position, x.fit])).toEqual([
      [o.N, 1, close(25 / 36)],
      [o.Y, 2, close(2 / 3)],
      [o.E, 3, close(2 / 9)],
      [o.G, 4, close(-5 / 36)],
    ]);
    expect(r.winnerIds).toEqual([o.N]);
    const opt = (id: string) => r.options.find((x) => x.optionId === id)!;

    // The heat network's values, room: B ten 1s, a 2 and a 0: mean 1, sd √(2/12), TW 1 + 2·log2(1 − 1/4)/12;
    // A four 0s, seven 1s, one −1: mean ½, Σ(x − ½)² = 4·¼ + 7·¼ + 2¼ = 5, TW 1 + (11·log2(1 − ⅛) + log2(1 − ⅜))/12;
    // C eight 0s, two 1s, two 2s: mean ½, Σ(x − ½)² = 8·¼ + 2·¼ + 2·2¼ = 7, TW 1 + (10·log2(⅞) + 2·log2(⅝))/12.
    expect(opt(o.N).values).toEqual([
      { valueId: v.B, n: 12, dontKnow: 0, mean: close(1), sd: close(Math.sqrt(1 / 6)), agreement: close(1 + (2 * Math.log2(3 / 4)) / 12) },
      { valueId: v.A, n: 12, dontKnow: 0, mean: close(0.5), sd: close(Math.sqrt(5 / 12)), agreement: close(1 + (11 * Math.log2(7 / 8) + Math.log2(5 / 8)) / 12) },
      { valueId: v.C, n: 12, dontKnow: 0, mean: close(0.5), sd: close(Math.sqrt(7 / 12)), agreement: close(1 + (10 * Math.log2(7 / 8) + 2 * Math.log2(5 / 8)) / 12) },
    ]);
    // The heat pump's sustainability: eleven 2s and H4's don't know — counted nowhere.
    expect(opt(o.E).values[2]).toEqual({ valueId: v.C, n: 11, dontKnow: 1, mean: 2, sd: 0, agreement: 1 });
    expect(opt(o.E).groups[2]?.values[2]).toEqual({ valueId: v.C, n: 3, dontKnow: 1, mean: 2, sd: 0, agreement: 1 });

    // Per group: fit under its own weights, can-live-with counts and shares.
    const perGroup = (id: string) => opt(id).groups.map((g) => [g.groupId, g.answers, g.fit, g.ownWeights, g.canLiveWith, g.withFit, g.share]);
    expect(perGroup(o.N)).toEqual([
      [res, 4, close(1 / 3), true, 3, 4, close(4 / 6)],
      [mun, 4, close(7 / 6), true, 4, 4, close(5 / 6)],
      [hou, 4, close(5 / 6), true, 4, 4, close(5 / 6)],
    ]);
    expect(perGroup(o.E)).toEqual([
      [res, 4, close(-1), true, 0, 4, close(1 / 6)],
      [mun, 4, close(4 / 3), true, 4, 4, close(5 / 6)],
      [hou, 4, close(0), true, 3, 4, close(4 / 6)],
    ]);
    expect(perGroup(o.Y)).toEqual([
      [res, 4, close(11 / 12), true, 4, 4, close(5 / 6)],
      [mun, 4, close(7 / 12), true, 4, 4, close(5 / 6)],
      [hou, 4, close(11 / 12), true, 4, 4, close(5 / 6)],
    ]);
    expect(perGroup(o.G)).toEqual([
      [res, 4, close(11 / 12), true, 4, 4, close(5 / 6)],
      [mun, 4, close(-4 / 3), true, 0, 4, close(1 / 6)],
      [hou, 4, close(0), true, 2, 4, close(3 / 6)],
    ]);

    // Every group can live with it: geometric mean of the shares, with the lowest group.
    expect(opt(o.N).liveWith).toEqual({ score: close(third(25 / 54)), lowestGroupId: res, lowestShare: close(2 / 3) });
    expect(opt(o.E).liveWith).toEqual({ score: close(third(5 / 54)), lowestGroupId: res, lowestShare: close(1 / 6) });
    expect(opt(o.Y).liveWith).toEqual({ score: close(5 / 6), lowestGroupId: res, lowestShare: close(5 / 6) });
    expect(opt(o.G).liveWith).toEqual({ score: close(third(5 / 72)), lowestGroupId: mun, lowestShare: close(1 / 6) });
    expect(r.liveWithIds).toEqual([o.Y]);

    // Whose values decide: the residents' weights pick the hybrid, the municipality's the heat pump.
    expect(r.whoseValues).toEqual([
      { groupId: res, winnerIds: [o.Y], differs: true, fits: [{ optionId: o.N, fit: close(2 / 3) }, { optionId: o.E, fit: close(-1 / 6) }, { optionId: o.Y, fit: close(3 / 4) }, { optionId: o.G, fit: close(1 / 6) }] },
      { groupId: mun, winnerIds: [o.E], differs: true, fits: [{ optionId: o.N, fit: close(2 / 3) }, { optionId: o.E, fit: close(5 / 6) }, { optionId: o.Y, fit: close(7 / 12) }, { optionId: o.G, fit: close(-1 / 2) }] },
      { groupId: hou, winnerIds: [o.N], differs: false, fits: [{ optionId: o.N, fit: close(3 / 4) }, { optionId: o.E, fit: close(0) }, { optionId: o.Y, fit: close(2 / 3) }, { optionId: o.G, fit: close(-1 / 12) }] },
    ]);
    expect(r.flips).toBe(true);

    // What splits us.
    expect(r.options.map((x) => [x.optionId, x.split])).toEqual([
      [o.N, { valueId: v.C, spread: close(1.5), highGroupId: mun, lowGroupId: res }],
      [o.Y, { valueId: v.B, spread: close(1), highGroupId: hou, lowGroupId: mun }],
      [o.E, { valueId: v.B, spread: close(2), highGroupId: mun, lowGroupId: res }],
      [o.G, { valueId: v.A, spread: close(2), highGroupId: res, lowGroupId: mun }],
    ]);

    // The phones and the console get the same results as the board.
    expect((await waitFor(phones.M2.socket, 'workshop:phone', (p) => p.results[options] !== undefined)).results[options]).toEqual(shown);
    expect((await waitFor(host, 'workshop:host', (h) => h.results[options]?.options?.answers === 12)).results[options]).toEqual(shown);

    // ---- The why sentences, endorsable like the scan's open answers; most endorsed first.
    const whyId = (l: Label, letter: OptionLetter) => `${options}:${phones[l].participantId}:opt-${l}:why.${o[letter]}`;
    expect(shown.openAnswers.map((a) => [a.id, a.field, a.optionId, a.text, a.endorsements])).toEqual([
      [whyId('R2', 'Y'), 'why', o.Y, WHY.R2![1], 0],
      [whyId('M3', 'E'), 'why', o.E, WHY.M3![1], 0],
      [whyId('H4', 'N'), 'why', o.N, WHY.H4![1], 0],
    ]);
    tick();
    await mustAck(phones.M1.socket, 'open-answer:endorse', { openAnswerId: whyId('R2', 'Y') });
    await mustAck(phones.H2.socket, 'open-answer:endorse', { openAnswerId: whyId('R2', 'Y') });
    await mustAck(phones.H2.socket, 'open-answer:endorse', { openAnswerId: whyId('R2', 'Y') }); // a retry counts once
    await mustAck(phones.R1.socket, 'open-answer:endorse', { openAnswerId: whyId('H4', 'N') });
    expect(await emitAck(phones.R2.socket, 'open-answer:endorse', { openAnswerId: whyId('R2', 'Y') })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    // R4's first answer had a why; that submission no longer counts, so neither does its sentence.
    expect(await emitAck(phones.R1.socket, 'open-answer:endorse', { openAnswerId: `${options}:${phones.R4.participantId}:R4-first:why.${o.G}` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const endorsed = (await waitFor(board, 'workshop:public', (p) => p.results[options]?.openAnswers[0]?.endorsements === 2 && p.results[options]?.openAnswers[1]?.endorsements === 1))
      .results[options] as ActivityResults;
    expect(endorsed.openAnswers.map((a) => [a.id, a.endorsements])).toEqual([
      [whyId('R2', 'Y'), 2],
      [whyId('H4', 'N'), 1],
      [whyId('M3', 'E'), 0],
    ]);
    expect(endorsed.options).toEqual(shown.options);

    // ---- The export: valid against the schema, the board's numbers, every answer once.
    tick();
    const doc = await fetchExport(server, w);
    const exported = doc.activities.find((x) => x.id === options)!;
    expect(exported.results).toEqual(endorsed);
    expect(exported.results?.options).toEqual(r);
    expect(exported.answers).toHaveLength(12);
    expect(exported.answers.find((x) => x.participantId === phones.H1.participantId)).toMatchObject({ answerId: 'opt-H1', revisions: 1, counted: true, groupId: hou });
    expect(exported.answers.find((x) => x.participantId === phones.R4.participantId)).toMatchObject({ answerId: 'opt-R4', revisions: 2, counted: true, groupId: res });
    expect(doc.summary.options).toEqual({ activityId: options, winnerIds: [o.N], liveWithIds: [o.Y], lowestGroupId: res, lowestShare: close(5 / 6), flips: true });

    // ---- The CSV: H4's answer, one row per rated option × value (option order, value order B, A, C),
    // "don't know" with an empty amount and text "?", then its why sentence.
    const csv = await fetchCsv(server, w, ',');
    const [header, ...records] = parseCsv(csv, ',');
    expect(header).toEqual([...CSV_COLUMNS]);
    const rows = records.map((x) => Object.fromEntries(CSV_COLUMNS.map((col, i) => [col, restoreFormula(x[i] ?? '')])) as CsvRow);
    const h4 = rows.filter((x) => x.answer_id === 'opt-H4');
    expect(h4.every((x) => x.activity_id === options && x.activity_kind === 'options' && x.participant_id === phones.H4.participantId && x.group_name === 'Housing association')).toBe(true);
    const title = { [v.A]: 'Affordability', [v.B]: 'Social fairness', [v.C]: 'Sustainability' };
    const optionTitle = { [o.N]: 'Heat network', [o.E]: 'All-electric heat pump (with insulation)', [o.Y]: 'Hybrid heat pump', [o.G]: 'Wait for green gas' };
    const row = (optionId: string, value: string, amount: string, text = '') => [`${optionId}:${value}`, `${optionTitle[optionId]} — ${title[value]}`, '', amount, text];
    expect(h4.map((x) => [x.item_id, x.item_title, x.position, x.amount, x.text])).toEqual([
      row(o.N, v.B, '1'),
      row(o.N, v.A, '1'),
      row(o.N, v.C, '0'),
      row(o.E, v.B, '0'),
      row(o.E, v.A, '-1'),
      row(o.E, v.C, '', '?'),
      row(o.Y, v.B, '1'),
      row(o.Y, v.A, '1'),
      row(o.Y, v.C, '0'),
      row(o.G, v.B, '-1'),
      row(o.G, v.A, '1'),
      row(o.G, v.C, '-1'),
      [`why.${o.N}`, 'Why? — Heat network', '', '', WHY.H4![1]],
    ]);
    // A negative score is a number, never a formula: written as it is, without the formula apostrophe.
    expect(csv).toMatch(/,-1,/);
    expect(csv).not.toMatch(/,'-1,/);
    // 12 answers × 4 options × 3 values = 144 score rows, 1 of them "don't know", and 3 why rows.
    const optionRows = rows.filter((x) => x.activity_id === options);
    expect(optionRows).toHaveLength(147);
    expect(optionRows.filter((x) => x.text === '?')).toHaveLength(1);
  });
});
