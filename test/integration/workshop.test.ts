import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, openAnswerId, parseCsv, restoreFormula, type AnswerInput, type CsvRow, type ExportDocument } from '../../shared/index.js';
import { fetchCsv, fetchExport } from './exports.js';
import { FakeTime } from './fakeTime.js';
import { connectHost, connectVisitor, createWorkshop, emitAck, joinAs, mustAck, serverPool, waitFor, type TestParticipant } from './harness.js';

/**
 * Issue 4, end to end: a whole evening from the default template with 8 phones in 3 groups —
 * explore, dots with a timer that runs out, rank (redone after an agenda edit), the scan, rank
 * again, the summary on every phone — then both exports checked against what was given.
 * The server's clock and activity timers are a FakeTime the test moves; sockets are real.
 */
const T0 = Date.UTC(2026, 10, 25, 18, 30, 0);

describe('a complete workshop from the default template, 8 participants in 3 groups', () => {
  const start = serverPool();

  it('runs from creation to summary, and exports exactly what was given', { timeout: 30_000 }, async () => {
    const time = new FakeTime(T0);
    const server = await start({ clock: time.clock, config: { timers: time } });
    const w = await createWorkshop(server, { title: 'Warmteplan Oost', language: 'nl', groups: ['Bewoners', 'Gemeente', 'Woningcorporatie'], allowNames: true });
    const host = await connectHost(server, w);
    const board = await connectVisitor(server, w.code);
    const initial = await waitFor(host, 'workshop:host');
    const [res, mun, hou] = initial.groups.map((g) => g.id) as [string, string, string];
    const [explore, dots, rank, rankAgain, scan, options] = initial.activities.map((a) => a.id) as [string, string, string, string, string, string];
    expect(initial.activities.map((a) => a.kind)).toEqual(['explore', 'dots', 'rank', 'rank', 'scan', 'options']);
    const titled = (t: string) => initial.allValues.find((x) => x.title === t)?.id as string;

    // Residents 3, municipality 3, housing association 2 (too few for the groups lens).
    const plan: [string, string | undefined][] = [[res, 'Ans'], [res, undefined], [res, undefined], [mun, 'Bram; "gemeente"'], [mun, undefined], [mun, undefined], [hou, undefined], [hou, undefined]];
    const phones: TestParticipant[] = [];
    for (const [groupId, name] of plan) phones.push(await joinAs(server, w.code, groupId, name));
    const [p1, p2, p3, p4, p5, p6, p7, p8] = phones as [TestParticipant, TestParticipant, TestParticipant, TestParticipant, TestParticipant, TestParticipant, TestParticipant, TestParticipant];
    const current = (activityId: string | null) => waitFor(board, 'workshop:public', (p) => p.currentActivityId === activityId);

    /** Every answer that counts in the end, by answerId: what the CSV must hold. */
    const given = new Map<string, { phone: TestParticipant; activityId: string; answer: AnswerInput }>();
    const answer = async (phone: TestParticipant, activityId: string, answerId: string, a: AnswerInput) => {
      time.advance(1000);
      const ack = await emitAck(phone.socket, 'answer:submit', { activityId, answerId, answer: a });
      if (ack.ok) {
        for (const [id, g] of given) if (g.phone === phone && g.activityId === activityId) given.delete(id);
        given.set(answerId, { phone, activityId, answer: a });
      }
      return ack;
    };

    // ---- Explore: a proposal, stories, endorsements.
    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
    time.advance(60_000);
    const { valueId: proposed } = await mustAck(p1.socket, 'value:propose', { title: 'Warmte voor iedereen', description: 'Ook voor huurders' });
    const { storyId: s4 } = await mustAck(p4.socket, 'story:add', { valueId: titled('Betaalbaarheid'), text: 'Onze begroting is krap.' });
    const { storyId: s2 } = await mustAck(p2.socket, 'story:add', { valueId: proposed, text: 'Mijn buren hebben het koud.' });
    await mustAck(p5.socket, 'story:endorse', { storyId: s4 });
    await mustAck(p7.socket, 'story:endorse', { storyId: s2 });
    const six = ['Betaalbaarheid', 'Sociale rechtvaardigheid', 'Duurzaamheid', 'Zeggenschap', 'Vertrouwen'].map(titled).concat(proposed);
    const [a, b, c, d, e, f] = six as [string, string, string, string, string, string];

    // ---- Dots, with a one-minute timer that runs out.
    await mustAck(host, 'activity:configure', { activityId: dots, valueIds: six, timerSeconds: 60 });
    await mustAck(host, 'agenda:goto', { activityId: dots }); // next
    const opened = await current(dots);
    const endsAt = T0 + 60_000 + 60_000;
    expect(opened.activities[1]).toMatchObject({ status: 'open', endsAt });
    expect(opened.activities[0]?.status).toBe('locked');
    const dotsAnswers: [TestParticipant, Record<string, number>][] = [
      [p1, { [a]: 3, [f]: 2 }], [p2, { [f]: 3, [b]: 2 }], [p3, { [a]: 2, [b]: 1, [e]: 2 }], [p4, { [c]: 3, [a]: 2 }],
      [p5, { [c]: 2, [d]: 3 }], [p6, { [a]: 1, [c]: 2, [e]: 2 }],
    ];
    for (const [i, [phone, spread]] of dotsAnswers.entries()) await answer(phone, dots, `dots-${i + 1}`, { kind: 'dots', dots: spread });
    time.advance(endsAt - time.now - 1);
    expect((await waitFor(board, 'workshop:public', (p) => p.answerCounts[dots]?.total === 6)).activities[1]?.status).toBe('open');
    time.advance(1); // time is up: the server locks, stores and broadcasts
    const locked = await waitFor(p7.socket, 'workshop:phone', (p) => p.activities[1]?.status === 'locked');
    expect(locked.activities[1]?.endsAt).toBeNull();
    expect(await answer(p7, dots, 'dots-late', { kind: 'dots', dots: { [b]: 1 } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is locked' } });
    // The facilitator gives the last two half a minute more.
    await mustAck(host, 'activity:extend', { activityId: dots, seconds: 30 });
    expect((await waitFor(board, 'workshop:public', (p) => p.activities[1]?.status === 'open')).activities[1]?.endsAt).toBe(time.now + 30_000);
    await answer(p7, dots, 'dots-7', { kind: 'dots', dots: { [b]: 3, [f]: 2 } });
    await answer(p8, dots, 'dots-8', { kind: 'dots', dots: { [a]: 2, [b]: 2, [d]: 1 } });
    time.advance(30_000);
    expect((await waitFor(board, 'workshop:public', (p) => p.activities[1]?.status === 'locked' && p.answerCounts[dots]?.total === 8)).currentActivityId).toBe(dots);

    // ---- Previous and next: back to the stories for the discussion, then on.
    await mustAck(host, 'agenda:goto', { activityId: explore });
    expect((await current(explore)).activities.slice(0, 2).map((x) => x.status)).toEqual(['locked', 'locked']);
    await mustAck(host, 'agenda:goto', { activityId: dots });
    await current(dots);

    // ---- Rank: started, then redone on the top five of the dots (duplicate, remove the running one).
    await mustAck(host, 'agenda:goto', { activityId: rank });
    await current(rank);
    for (const [i, phone] of [p1, p4, p7].entries()) await answer(phone, rank, `rank-early-${i}`, { kind: 'rank', order: [a, b, c, d, e] });
    for (const phone of [p1, p4, p7]) await waitFor(phone.socket, 'participant:self', (s) => s.answers[rank] !== undefined);
    const { activityId: redo } = await mustAck(host, 'agenda:duplicate', { activityId: rank });
    await mustAck(host, 'agenda:remove', { activityId: rank });
    for (const id of [...given.keys()]) if (id.startsWith('rank-early')) given.delete(id);
    const afterRemove = await current(null);
    expect(afterRemove.activities.map((x) => x.id)).toEqual([explore, dots, redo, rankAgain, scan, options]);
    // Everyone's own view is refreshed, not just the sender's: the removed step's answers are gone from the phones too.
    for (const phone of [p1, p4, p7]) {
      const self = await waitFor(phone.socket, 'participant:self', (s) => s.seq >= afterRemove.seq);
      expect(Object.keys(self.answers)).toEqual([dots]);
    }
    const dotsResults = (await waitFor(host, 'workshop:host', (h) => h.seq === afterRemove.seq)).results[dots];
    const top5 = dotsResults?.vote?.values.slice(0, 5).map((x) => x.valueId) as string[];
    expect(top5).toHaveLength(5);
    for (const activityId of [redo, rankAgain]) await mustAck(host, 'activity:configure', { activityId, valueIds: top5, rankK: 3 });
    await mustAck(host, 'agenda:goto', { activityId: redo });
    await current(redo);
    const rankOrders: string[][] = [[0, 1, 2], [0, 2, 1], [1, 0, 3], [2, 0, 1], [2, 3, 0], [0, 2, 4], [1, 0, 2], [1, 3, 0]].map((o) => o.map((i) => top5[i] as string));
    for (const [i, phone] of phones.entries()) await answer(phone, redo, `redo-${i + 1}`, { kind: 'rank', order: rankOrders[i] as string[] });
    await answer(p3, redo, 'redo-3b', { kind: 'rank', order: rankOrders[0] as string[] }); // p3 changes their mind
    await mustAck(host, 'activity:control', { activityId: redo, action: 'reveal' });

    // ---- The scan comes before the second round tonight: moved up.
    await mustAck(host, 'agenda:move', { activityId: scan, toIndex: 3 });
    await mustAck(host, 'agenda:goto', { activityId: scan });
    expect((await current(scan)).activities.map((x) => x.id)).toEqual([explore, dots, redo, scan, rankAgain, options]);
    const open = { 1: { wentWell: 'Goed geluisterd; "echt"\nnaar elkaar' }, 4: { couldBeBetter: '=SUM(A1)' }, 6: { wentWell: 'Koffie', couldBeBetter: 'Eerder beginnen' } } as Record<number, { wentWell?: string; couldBeBetter?: string }>;
    for (const [i, phone] of phones.entries()) {
      const scores = { m1: 1 + (i % 5), m2: 4, o1: 2 + (i % 3), i1: 5 - (i % 2), r1: 3 };
      await answer(phone, scan, `scan-${i + 1}`, { kind: 'scan', scores, ...open[i + 1] });
    }
    const wallId = (p: TestParticipant, answerId: string, field: 'wentWell' | 'couldBeBetter') => openAnswerId(scan, p.participantId, answerId, field);
    await mustAck(p2.socket, 'open-answer:endorse', { openAnswerId: wallId(p1, 'scan-1', 'wentWell') });
    await mustAck(p5.socket, 'open-answer:endorse', { openAnswerId: wallId(p1, 'scan-1', 'wentWell') });
    await mustAck(p7.socket, 'open-answer:endorse', { openAnswerId: wallId(p4, 'scan-4', 'couldBeBetter') });
    expect(await emitAck(p1.socket, 'open-answer:endorse', { openAnswerId: wallId(p1, 'scan-1', 'wentWell') })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await mustAck(host, 'activity:control', { activityId: scan, action: 'reveal' });
    const wall = (await waitFor(board, 'workshop:public', (p) => p.results[scan] !== undefined)).results[scan]?.openAnswers;
    expect(wall?.map((o) => [o.id, o.endorsements])).toEqual([[wallId(p1, 'scan-1', 'wentWell'), 2], [wallId(p4, 'scan-4', 'couldBeBetter'), 1], [wallId(p6, 'scan-6', 'wentWell'), 0], [wallId(p6, 'scan-6', 'couldBeBetter'), 0]]);

    // ---- Rank again (round 2), then the summary to every phone.
    await mustAck(host, 'agenda:goto', { activityId: rankAgain });
    const roundTwo: string[][] = [[0, 1, 2], [0, 1, 2], [0, 2, 1], [0, 1, 2], [2, 0, 1], [0, 2, 1], [1, 0, 2], [0, 1, 3]].map((o) => o.map((i) => top5[i] as string));
    for (const [i, phone] of phones.entries()) await answer(phone, rankAgain, `again-${i + 1}`, { kind: 'rank', order: roundTwo[i] as string[] });
    await mustAck(host, 'activity:control', { activityId: rankAgain, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: rankAgain, action: 'reveal' });
    await mustAck(host, 'summary:publish', { published: true });
    const hostView = await waitFor(host, 'workshop:host', (h) => h.summaryPublished);
    const again = hostView.results[rankAgain];
    expect(again?.previousRound?.activityId).toBe(redo);
    expect(again?.vote?.lens.excludedGroups).toEqual([{ groupId: hou, answers: 2 }]);
    expect((await waitFor(board, 'workshop:public', (p) => p.summaryPublished)).summary).toEqual(hostView.summary);
    for (const phone of phones) expect((await waitFor(phone.socket, 'workshop:phone', (p) => p.summaryPublished)).summary).toEqual(hostView.summary);
    expect(hostView.summary).toMatchObject({ voteActivityId: rankAgain, scanActivityId: scan, participants: 8, topValues: again?.vote?.values.slice(0, 3).map(({ valueId, position, score, share }) => ({ valueId, position, score, share })) });
    expect(hostView.summary?.kendallW).toBeCloseTo(again?.vote?.kendallW?.w as number, 12);

    // ---- The JSON export: valid against docs/export.schema.json, with the same results.
    time.advance(60_000);
    const doc = await fetchExport(server, w);
    expect(doc.activities.map((x) => [x.kind, x.round, x.answers.length])).toEqual([['explore', 1, 0], ['dots', 1, 8], ['rank', 1, 8], ['scan', 1, 8], ['rank', 2, 8], ['options', 1, 0]]);
    expect(doc.summaryPublishedAt).not.toBeNull();
    for (const x of doc.activities) if (x.results) expect(x.results).toEqual(hostView.results[x.id]);

    // ---- The CSV (Dutch Excel: `;`), parsed back and checked row by row against the answers given.
    const csv = await fetchCsv(server, w, ';');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    const [header, ...records] = parseCsv(csv, ';');
    expect(header).toEqual([...CSV_COLUMNS]);
    const rows = records.map((r) => Object.fromEntries(CSV_COLUMNS.map((col, i) => [col, restoreFormula(r[i] ?? '')])) as CsvRow);
    expect(csv).toContain(";'=SUM(A1);room\r\n"); // neutralised in the file, restored above; the last column is the channel
    checkRows(rows, doc, given, { groups: { [res]: 'Bewoners', [mun]: 'Gemeente', [hou]: 'Woningcorporatie' }, changed: { 'redo-3b': 2 } });
  });
});

/** Each answer given has exactly its rows, with the right answer, participant and activity columns. */
function checkRows(
  rows: CsvRow[],
  doc: ExportDocument,
  given: Map<string, { phone: TestParticipant; activityId: string; answer: AnswerInput }>,
  expected: { groups: Record<string, string>; changed: Record<string, number> },
): void {
  const title = (id: string) => doc.values.find((x) => x.id === id)?.title;
  let total = 0;
  for (const [answerId, g] of given) {
    const index = doc.activities.findIndex((x) => x.id === g.activityId);
    const activity = doc.activities[index];
    const participant = doc.participants.find((p) => p.id === g.phone.participantId);
    const exported = activity?.answers.find((x) => x.answerId === answerId);
    const mine = rows.filter((r) => r.answer_id === answerId);
    for (const r of mine) {
      expect(r).toMatchObject({
        workshop_code: doc.workshop.code,
        activity_id: g.activityId,
        activity_index: String(index + 1),
        activity_kind: activity?.kind,
        round: String(activity?.round),
        activity_title: '',
        participant_id: g.phone.participantId,
        group_id: participant?.groupId,
        group_name: expected.groups[participant?.groupId ?? ''],
        participant_name: participant?.name ?? '',
        submitted_at: exported?.submittedAt,
        revisions: String(expected.changed[answerId] ?? 1),
        counted: 'true',
      });
    }
    const items = mine.map((r) => [r.item_id, r.item_title, r.position, r.amount, r.text]);
    const a = g.answer;
    let want: string[][];
    if (a.kind === 'dots') want = Object.entries(a.dots).map(([id, n]) => [id, title(id) ?? '', '', String(n), '']);
    else if (a.kind === 'rank') want = a.order.map((id, i) => [id, title(id) ?? '', String(i + 1), String(3 - i), '']); // K = 3
    else if (a.kind === 'scan') {
      const text = (id: string) => activity?.config.statements.find((s) => s.id === id)?.text.nl ?? '';
      want = Object.entries(a.scores).map(([id, n]) => [id, text(id), '', String(n), '']);
      if (a.wentWell) want.push(['wentWell', 'Wat gaat goed?', '', '', a.wentWell]);
      if (a.couldBeBetter) want.push(['couldBeBetter', 'Wat kan beter?', '', '', a.couldBeBetter]);
    } else throw new Error('no points in this workshop');
    const byId = (x: string[], y: string[]) => (x[0] as string).localeCompare(y[0] as string);
    expect([...items].sort(byId), answerId).toEqual([...want].sort(byId));
    if (a.kind === 'rank') expect(items.map((i) => i[0])).toEqual(a.order); // ranked rows in rank order
    total += want.length;
  }
  expect(rows).toHaveLength(total);
}
