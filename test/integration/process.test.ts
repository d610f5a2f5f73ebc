import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import schema from '../../docs/process-export.schema.json';
import type { AnswerInput, ExportDocument, HostView, ProcessExportDocument, ProcessReport, WorkshopSummary } from '../../shared/index.js';
import { fetchExport } from './exports.js';
import { connect, connectHost, emitAck, joinAs, mustAck, refusal, serverPool, waitFor, type ClientSocket, type TestParticipant, type TestServer } from './harness.js';
import { createMeeting, createProcess, processCalls, requestId } from './processApi.js';

/**
 * Issue 12's "Done when", end to end over real sockets and HTTP: a process with three meetings,
 * the second and third starting from the first's values (same ids, merges and provenance kept);
 * in each, phones join by group and rank three values, A (Affordability), B (Social fairness)
 * and C (Sustainability), all three ranked (K = 3, Borda = 4 − rank). Residents R1, R2 and the
 * municipality's M1, M2 vote; R3 only joins. The organiser's token opens every console.
 *
 * Meeting 1: R1 ABC, R2 ACB, M1 BAC, M2 ABC.
 *   Borda A 3+3+2+3 = 11, B 2+1+3+2 = 8, C 1+2+1+1 = 5 (Σ 24 = 4 answers × 6).
 *   Rank sums A 5, B 8, C 11; mean m(n+1)/2 = 8; S = 9 + 0 + 9 = 18;
 *   W = 12S / (m²(n³ − n)) = 216 / (16 · 24) = 9/16.
 * Meeting 2: everyone BAC but R2 BCA.
 *   Borda A 2+1+2+2 = 7, B 12, C 1+2+1+1 = 5. Rank sums A 9, B 4, C 11; S = 1 + 16 + 9 = 26; W = 312/384 = 13/16.
 * Meeting 3: R1 ABC, R2 BAC, M1 CBA, M2 ACB in the room, then O1 (a resident who could not
 *   come) CAB online after the live session.
 *   Room only: Borda A 9, B 8, C 7. With O1 (m = 5): A 11, B 9, C 10 (Σ 30); rank sums A 9,
 *   B 11, C 10; mean 10; S = 1 + 1 + 0 = 2; W = 24 / (25 · 24) = 1/25.
 * normalizedScore = Borda / (answers · K); share = Borda / Σ Borda.
 */
type Letter = 'A' | 'B' | 'C';
type Voter = 'R1' | 'R2' | 'M1' | 'M2';
const VOTERS: Voter[] = ['R1', 'R2', 'M1', 'M2'];
const RANKS: Record<1 | 2 | 3, Record<Voter, string>> = {
  1: { R1: 'ABC', R2: 'ACB', M1: 'BAC', M2: 'ABC' },
  2: { R1: 'BAC', R2: 'BCA', M1: 'BAC', M2: 'BAC' },
  3: { R1: 'ABC', R2: 'BAC', M1: 'CBA', M2: 'ACB' },
};
const T0 = Date.UTC(2027, 2, 10, 19, 0, 0);
const DAY = 86_400_000;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateProcessExport = ajv.compile(schema);

describe('a process of three meetings', () => {
  const start = serverPool();

  it('carries the values on, tracks priorities and W, publishes feedback, counts an online answer, exports and deletes', { timeout: 60_000 }, async () => {
    let now = T0;
    const tick = (ms = 1000) => (now += ms);
    const server: TestServer = await start({ clock: () => now });
    const api = processCalls(server);
    const p = await createProcess(server, {
      title: 'Heat plan Lombok',
      area: 'Lombok',
      language: 'en',
      groups: [
        { name: 'Residents', invited: 400 },
        { name: 'Municipality', invited: 20 },
      ],
    });
    const processGroups = (await api.get(p.code)).body.groups;
    const [res, mun] = processGroups.map((g) => g.id) as [string, string];

    // ---- Meeting 1: from the template, with the process's groups (same ids, invited numbers).
    tick();
    const m1 = await createMeeting(server, p, { requestId: requestId('m1'), title: 'Spring evening', template: 'heat-transition' });
    expect(m1.meeting).toBe(1);
    const host1 = await connect(server, { code: m1.code, hostToken: p.organiserToken });
    const initial = await waitFor(host1, 'workshop:host');
    expect(initial.groups.map((g) => [g.id, g.name, g.invited])).toEqual([
      [res, 'Residents', 400],
      [mun, 'Municipality', 20],
    ]);
    const byTitle = (title: string) => initial.allValues.find((x) => x.title === title)?.id as string;
    const v: Record<Letter, string> = { A: byTitle('Affordability'), B: byTitle('Social fairness'), C: byTitle('Sustainability') };
    const [explore, dots, rank1, rankAgain, scan, options] = initial.activities.map((a) => a.id) as [string, string, string, string, string, string];
    for (const activityId of [dots, rankAgain, scan, options]) await mustAck(host1, 'agenda:remove', { activityId });
    await mustAck(host1, 'activity:configure', { activityId: rank1, valueIds: [v.A, v.B, v.C], rankK: null });

    const groupOf = (label: string) => (label.startsWith('R') || label.startsWith('O') ? res : mun);
    const joinAll = async (code: string) => {
      const phones = {} as Record<Voter, TestParticipant>;
      for (const label of VOTERS) phones[label] = await joinAs(server, code, groupOf(label));
      return phones;
    };
    const order = (s: string): AnswerInput => ({ kind: 'rank', order: [...s].map((c) => v[c as Letter]) });
    const vote = async (phones: Record<Voter, TestParticipant>, activityId: string, table: Record<Voter, string>) => {
      tick();
      const acks = await Promise.all(VOTERS.map((l) => emitAck(phones[l].socket, 'answer:submit', { activityId, answerId: `${activityId}-${l}-answer`, answer: order(table[l]) })));
      expect(acks.every((a) => a.ok)).toBe(true);
    };
    const lockAndReveal = async (host: ClientSocket, activityId: string) => {
      tick();
      await mustAck(host, 'activity:control', { activityId, action: 'lock' });
      await mustAck(host, 'activity:control', { activityId, action: 'reveal' });
    };

    // Explore: R1 proposes a value, the facilitator merges it into Affordability.
    await mustAck(host1, 'activity:control', { activityId: explore, action: 'open' });
    const phones1 = await joinAll(m1.code);
    const r3 = await joinAs(server, m1.code, res);
    tick();
    const { valueId: proposed } = await mustAck(phones1.R1.socket, 'value:propose', { title: 'Low energy bills', description: 'What I pay each month' });
    await mustAck(host1, 'value:merge', { sourceId: proposed, targetId: v.A });
    tick();
    await mustAck(host1, 'agenda:goto', { activityId: rank1 });
    await vote(phones1, rank1, RANKS[1]);
    await lockAndReveal(host1, rank1);
    const shown1 = await waitFor(host1, 'workshop:host', (h: HostView) => h.results[rank1]?.vote?.answers === 4);
    expect(shown1.results[rank1]?.vote?.values.map((x) => [x.valueId, x.position, x.score])).toEqual([
      [v.A, 1, 11],
      [v.B, 2, 8],
      [v.C, 3, 5],
    ]);
    expect(shown1.results[rank1]?.vote?.kendallW?.w).toBeCloseTo(9 / 16, 12);
    phones1.R1.socket.disconnect();
    const export1 = await fetchExport(server, { code: m1.code, hostToken: p.organiserToken });

    // ---- Meeting 2: the previous meeting's groups, values (same ids, the merge kept) and agenda.
    tick(90 * DAY);
    const m2 = await createMeeting(server, p, { requestId: requestId('m2'), title: 'Autumn evening' });
    expect(m2.meeting).toBe(2);
    const host2 = await connect(server, { code: m2.code, hostToken: p.organiserToken });
    const start2 = await waitFor(host2, 'workshop:host');
    expect(start2.groups.map((g) => g.id)).toEqual([res, mun]);
    const rank2 = start2.activities.find((a) => a.kind === 'rank');
    expect(start2.activities.map((a) => a.kind)).toEqual(['explore', 'rank']);
    expect(rank2?.id).not.toBe(rank1);
    expect(rank2).toMatchObject({ status: 'pending', config: { valueIds: [v.A, v.B, v.C], rankK: null } });
    const phones2 = await joinAll(m2.code);
    tick();
    await mustAck(host2, 'agenda:goto', { activityId: rank2!.id });
    await vote(phones2, rank2!.id, RANKS[2]);
    await lockAndReveal(host2, rank2!.id);
    // A feedback draft in meeting 2: the organiser sees it, the public page does not.
    await mustAck(host2, 'feedback:set', { entryId: 'draft-entry-0001', target: { kind: 'general', id: null }, decision: 'Still to be decided' });

    // ---- Meeting 3: starts in the order of meeting 2's vote (B, A, C first).
    tick(120 * DAY);
    const m3 = await createMeeting(server, p, { requestId: requestId('m3'), title: 'Winter evening', rankingOrder: true });
    const host3 = await connect(server, { code: m3.code, hostToken: p.organiserToken });
    const start3 = await waitFor(host3, 'workshop:host');
    expect(start3.allValues.slice(0, 3).map((x) => x.id)).toEqual([v.B, v.A, v.C]);
    const rank3 = start3.activities.find((a) => a.kind === 'rank')!.id;
    const phones3 = await joinAll(m3.code);
    tick();
    await mustAck(host3, 'agenda:goto', { activityId: rank3 });
    await vote(phones3, rank3, RANKS[3]);
    await lockAndReveal(host3, rank3);

    // Merges and provenance are the first meeting's in every later one.
    const export2 = await fetchExport(server, { code: m2.code, hostToken: p.organiserToken });
    const pick = (doc: ExportDocument) =>
      doc.values.map(({ id, title, origin, groupId, hidden, mergedInto, mergedFrom, provenance }) => ({ id, title, origin, groupId, hidden, mergedInto, mergedFrom, provenance })).sort((a, b) => a.id.localeCompare(b.id));
    expect(pick(export2)).toEqual(pick(export1));
    const merged = export1.values.find((x) => x.id === proposed);
    expect(merged).toMatchObject({ origin: 'participant', groupId: res, mergedInto: v.A });
    expect(export1.values.find((x) => x.id === v.A)?.mergedFrom).toEqual([proposed]);
    expect(export2.values.find((x) => x.id === proposed)?.proposedBy).toBeNull();

    // ---- Online after the live session: meeting 3's rank stays open two days for those who could not come.
    tick();
    await mustAck(host3, 'online:open', { activityIds: [rank3], until: now + 2 * DAY });
    tick(DAY);
    const o1 = await joinAs(server, m3.code, res);
    const online = await emitAck(o1.socket, 'answer:submit', { activityId: rank3, answerId: 'online-answer-o1-0001', answer: order('CAB') });
    expect(online).toEqual({ ok: true, data: { answerId: 'online-answer-o1-0001', duplicate: false } });
    const counted = await waitFor(host3, 'workshop:host', (h: HostView) => h.results[rank3]?.vote?.answers === 5);
    const r3Results = counted.results[rank3]!;
    expect(r3Results.vote?.values.map((x) => [x.valueId, x.position, x.score])).toEqual([
      [v.A, 1, 11],
      [v.C, 2, 10],
      [v.B, 3, 9],
    ]);
    expect(r3Results.channels?.room).toMatchObject({ answers: 4, answersByGroup: { [res]: 2, [mun]: 2 } });
    expect(r3Results.channels?.room.vote?.values.map((x) => [x.valueId, x.score])).toEqual([
      [v.A, 9],
      [v.B, 8],
      [v.C, 7],
    ]);
    expect(r3Results.channels?.online).toMatchObject({ answers: 1, answersByGroup: { [res]: 1 } });
    expect(r3Results.channels?.online.vote?.values.map((x) => [x.valueId, x.score])).toEqual([
      [v.C, 3],
      [v.A, 2],
      [v.B, 1],
    ]);
    const export3 = await fetchExport(server, { code: m3.code, hostToken: p.organiserToken });
    const answers3 = export3.activities.find((a) => a.id === rank3)!.answers;
    expect(answers3.map((a) => [a.participantId, a.channel]).sort()).toEqual(
      [...VOTERS.map((l) => [phones3[l].participantId, 'room']), [o1.participantId, 'online']].sort(),
    );
    expect(export3.activities.find((a) => a.id === rank3)?.results?.channels?.online.answers).toBe(1);
    expect(export3.liveEndedAt).not.toBeNull();

    // ---- "You said, we did" in meeting 1: a draft is not at the join link; published, it is.
    tick(30 * DAY);
    const entry = {
      entryId: 'fb-affordability-01',
      target: { kind: 'value' as const, id: v.A },
      decision: 'The heat plan caps the monthly cost for every household.',
      reason: 'Affordability came first in the spring.',
      when: 'Council, 12 December 2027',
      link: 'https://lombok.example/raad/2027-12-12',
    };
    expect(await mustAck(host1, 'feedback:set', entry)).toEqual({ entryId: entry.entryId });
    expect((await api.workshop(m1.code)).body.feedback).toBeNull();
    tick();
    await mustAck(host1, 'feedback:publish', { published: true });
    const publishedAt = now;
    // A new phone opening the join link sees it before joining.
    const summary = (await api.workshop(m1.code)).body as unknown as WorkshopSummary;
    expect(summary.process).toEqual({ id: expect.any(String), code: p.code, title: 'Heat plan Lombok', meeting: 1 });
    expect(summary.feedback).toEqual({
      publishedAt,
      entries: [{ id: entry.entryId, target: { kind: 'value', id: v.A, activityId: null }, decision: entry.decision, reason: entry.reason, when: entry.when, link: entry.link, createdAt: expect.any(Number), updatedAt: expect.any(Number) }],
    });
    // R1 comes back with its participant token: the view has it, and it is about what R1 ranked.
    const back = await connect(server, { code: m1.code, participantToken: phones1.R1.token });
    const phoneView = await waitFor(back, 'workshop:phone', (pv) => pv.feedback !== null);
    expect(phoneView.feedback?.entries.map((e) => e.id)).toEqual([entry.entryId]);
    expect((await waitFor(back, 'participant:self')).feedbackAboutYou).toEqual([entry.entryId]);
    // R3 joined but said nothing: the entry is public to it, but not "about you".
    const r3Back = await connect(server, { code: m1.code, participantToken: r3.token });
    expect((await waitFor(r3Back, 'participant:self')).feedbackAboutYou).toEqual([]);
    r3.socket.disconnect();

    // ---- The process page: priority and W across the meetings, by value id.
    const pub = (await api.get(p.code)).body;
    const org = (await api.get(p.code, p.organiserToken)).body;
    expect(pub.organiser).toBe(false);
    expect(org.organiser).toBe(true);
    expect(pub.meetings.map((m) => [m.index, m.code, m.voteKind, m.voteAnswers])).toEqual([
      [1, m1.code, 'rank', { room: 4, online: 0 }],
      [2, m2.code, 'rank', { room: 4, online: 0 }],
      [3, m3.code, 'rank', { room: 4, online: 1 }],
    ]);
    expect(pub.agreement.map((a) => a.meeting)).toEqual([1, 2, 3]);
    expect(pub.agreement.map((a) => a.kendallW)).toEqual([expect.closeTo(9 / 16, 12), expect.closeTo(13 / 16, 12), expect.closeTo(1 / 25, 12)]);
    expect(pub.meetings.map((m) => m.kendallW)).toEqual(pub.agreement.map((a) => a.kendallW));
    const series = (report: ProcessReport, id: string) => report.values.find((x) => x.valueId === id)?.points.map((pt) => [pt.meeting, pt.position, pt.normalizedScore, pt.share]);
    const c = (x: number) => expect.closeTo(x, 12);
    expect(series(pub, v.A)).toEqual([
      [1, 1, c(11 / 12), c(11 / 24)],
      [2, 2, c(7 / 12), c(7 / 24)],
      [3, 1, c(11 / 15), c(11 / 30)],
    ]);
    expect(series(pub, v.B)).toEqual([
      [1, 2, c(8 / 12), c(8 / 24)],
      [2, 1, c(1), c(12 / 24)],
      [3, 3, c(9 / 15), c(9 / 30)],
    ]);
    expect(series(pub, v.C)).toEqual([
      [1, 3, c(5 / 12), c(5 / 24)],
      [2, 3, c(5 / 12), c(5 / 24)],
      [3, 2, c(10 / 15), c(10 / 30)],
    ]);
    // Turnout per group against what was invited: meeting 1 had R1–R3 and M1–M2; meeting 3 one resident online.
    const turnout = (report: ProcessReport) => report.meetings.map((m) => m.representation.groups.map((g) => [g.groupId, g.invited, g.tookPart, g.room, g.online]));
    expect(turnout(pub)).toEqual([
      [
        [res, 400, 3, 3, 0],
        [mun, 20, 2, 2, 0],
      ],
      [
        [res, 400, 2, 2, 0],
        [mun, 20, 2, 2, 0],
      ],
      [
        [res, 400, 3, 2, 1],
        [mun, 20, 2, 2, 0],
      ],
    ]);
    // Feedback: published only on the public page; the organiser sees meeting 2's draft too.
    expect(pub.meetings.map((m) => m.feedback?.entries.map((e) => e.id) ?? null)).toEqual([[entry.entryId], null, null]);
    expect(org.meetings.map((m) => m.feedback?.entries.map((e) => e.id) ?? null)).toEqual([[entry.entryId], ['draft-entry-0001'], []]);
    expect(org.meetings[1]?.feedback?.publishedAt).toBeNull();

    // ---- The process export: valid against docs/process-export.schema.json, every meeting in it.
    const exp = await api.export(p.code, p.organiserToken);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toBe(`attachment; filename="raakvlak-process-${p.code}.json"`);
    expect(exp.headers.get('cache-control')).toBe('no-store');
    expect(validateProcessExport(exp.body), ajv.errorsText(validateProcessExport.errors, { separator: '\n' })).toBe(true);
    const doc = exp.body as ProcessExportDocument;
    expect(doc.process).toMatchObject({ code: p.code, title: 'Heat plan Lombok', area: 'Lombok' });
    expect(doc.meetings.map((m) => m.workshop.code)).toEqual([m1.code, m2.code, m3.code]);
    expect(doc.report.values).toEqual(org.values);
    expect(doc.meetings[0]?.feedback?.entries.map((e) => e.id)).toEqual([entry.entryId]);
    expect(doc.meetings[2]?.activities.find((a) => a.id === rank3)?.answers.filter((a) => a.channel === 'online')).toHaveLength(1);

    // ---- The organiser token opens each meeting's console; a wrong one does not; a visitor's socket is not a host.
    for (const m of [m1, m2, m3]) expect(await refusal(server, { code: m.code, hostToken: 'x'.repeat(32) })).toBe('BAD_HOST_TOKEN');
    const other = await createProcess(server, { title: 'Another plan', groups: [{ name: 'Residents' }] });
    expect(await refusal(server, { code: m2.code, hostToken: other.organiserToken })).toBe('BAD_HOST_TOKEN');
    const visitor = await connect(server, { code: m2.code, view: 'board' });
    expect(await emitAck(visitor, 'feedback:publish', { published: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const again = await connectHost(server, { code: m2.code, hostToken: p.organiserToken });
    expect((await waitFor(again, 'workshop:host')).code).toBe(m2.code);

    // ---- Delete the process: every meeting goes with it.
    const gone = [host1, host2, host3].map((h) => new Promise<void>((resolve) => h.once('workshop:deleted', () => resolve())));
    expect((await api.delete(p.code, p.organiserToken)).status).toBe(204);
    await Promise.all(gone);
    expect((await api.get(p.code)).status).toBe(404);
    for (const m of [m1, m2, m3]) {
      expect((await api.workshop(m.code)).status).toBe(404);
      expect(await refusal(server, { code: m.code, hostToken: p.organiserToken })).toBe('WORKSHOP_NOT_FOUND');
    }
  });
});
