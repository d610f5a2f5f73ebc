import { describe, expect, it } from 'vitest';
import { isJoinCode, PROCESS_LIMITS, type HostView } from '../../shared/index.js';
import { connect, mustAck, refusal, serverPool, serverState, waitFor } from './harness.js';
import { createMeeting, createProcess, processCalls, requestId, rows } from './processApi.js';

/**
 * The process routes' edges: bad bodies (400 with issues, nothing stored), tokens (401/403),
 * unknown codes (404, counted as failed lookups), retried request ids, the group rules of a
 * PATCH and the meeting limit.
 */
const GROUPS = [
  { name: 'Residents', invited: 400 },
  { name: 'Municipality', invited: 20 },
];

describe('process HTTP routes', () => {
  const start = serverPool();

  it('refuses bad bodies with their issues and stores nothing', async () => {
    const server = await start();
    const api = processCalls(server);
    const cases: [unknown, { path: string; message: RegExp }][] = [
      [{ groups: GROUPS }, { path: 'title', message: /./ }],
      [{ title: 'Plan', groups: [] }, { path: 'groups', message: /At least one group/ }],
      [{ title: 'Plan', groups: [{ name: 'A' }, { name: 'a' }] }, { path: 'groups', message: /Group names must differ/ }],
      [{ title: 'Plan', groups: [{ name: 'A', invited: -1 }] }, { path: 'groups.0.invited', message: /./ }],
      [{ title: 'Plan', groups: [{ name: 'A', invited: 1.5 }] }, { path: 'groups.0.invited', message: /./ }],
      [{ title: 'Plan', groups: [{ name: 'A', invited: PROCESS_LIMITS.invitedMax + 1 }] }, { path: 'groups.0.invited', message: /./ }],
      [{ title: 'x'.repeat(PROCESS_LIMITS.title + 1), groups: GROUPS }, { path: 'title', message: /./ }],
      [{ title: 'Plan', language: 'de', groups: GROUPS }, { path: 'language', message: /./ }],
    ];
    for (const [body, issue] of cases) {
      const res = await api.create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(res.body.error.issues).toEqual(expect.arrayContaining([{ path: issue.path, message: expect.stringMatching(issue.message) }]));
    }
    const notJson = await api.createRaw('{"title": ');
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON' } } });
    expect(rows(server, 'SELECT id FROM processes')).toEqual([]);
  });

  it('creates a process: the organiser token once, its hash stored, the public page without it', async () => {
    const server = await start();
    const api = processCalls(server);
    const res = await api.create({ title: '  Warmteplan Lombok ', area: 'Lombok', groups: GROUPS });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const p = res.body;
    expect(isJoinCode(p.code)).toBe(true);
    expect(p.organiserToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(p.urls).toEqual({ organiser: `/p/${p.code}#${p.organiserToken}`, public: `/p/${p.code}` });
    const stored = rows(server, 'SELECT state FROM processes') as { state: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.state.includes(p.organiserToken)).toBe(false);

    const pub = await api.get(p.code);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('cache-control')).toBe('no-store');
    expect(pub.body.organiser).toBe(false);
    expect(pub.body.process).toMatchObject({ code: p.code, title: 'Warmteplan Lombok', area: 'Lombok', language: 'nl' });
    expect(pub.body.groups.map((g) => [g.name, g.invited])).toEqual([
      ['Residents', 400],
      ['Municipality', 20],
    ]);
    expect(pub.body.meetings).toEqual([]);
    expect(JSON.stringify(pub.body).includes('organiserTokenHash')).toBe(false);
    // A code is case- and separator-tolerant like a join code.
    expect((await api.get(`${p.code.slice(0, 3).toLowerCase()}-${p.code.slice(3)}`)).status).toBe(200);

    const organiser = await api.get(p.code, p.organiserToken);
    expect(organiser).toMatchObject({ status: 200, body: { organiser: true } });
    expect(await api.get(p.code, 'x'.repeat(32))).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await api.get(p.code, undefined, 'Basic abc')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    expect(await api.get('ZZZZZZ')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await api.get('not-a-code')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('guards every organiser route: 401 without a token, 403 with another process’s, 404 for an unknown code; nothing changes', async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan A', groups: GROUPS });
    const other = await createProcess(server, { title: 'Plan B', groups: GROUPS });
    const patch = { requestId: requestId('t'), title: 'Changed' };
    const meeting = { requestId: requestId('m'), title: 'Avond 1' };
    for (const token of [undefined, other.organiserToken]) {
      const status = token === undefined ? 401 : 403;
      expect((await api.patch(p.code, token, patch)).status).toBe(status);
      expect((await api.meeting(p.code, token, meeting)).status).toBe(status);
      expect((await api.export(p.code, token)).status).toBe(status);
      expect((await api.delete(p.code, token)).status).toBe(status);
    }
    expect((await api.patch('ZZZZZZ', p.organiserToken, patch)).status).toBe(404);
    expect((await api.meeting('ZZZZZZ', p.organiserToken, meeting)).status).toBe(404);
    expect((await api.export('ZZZZZZ', p.organiserToken)).status).toBe(404);
    expect((await api.delete('ZZZZZZ', p.organiserToken)).status).toBe(404);
    const after = await api.get(p.code, p.organiserToken);
    expect(after.body.process.title).toBe('Plan A');
    expect(after.body.meetings).toEqual([]);
    expect(rows(server, 'SELECT COUNT(*) AS n FROM workshops')).toEqual([{ n: 0 }]);
  });

  it('counts unknown process codes as failed lookups, with workshop lookups, and then blocks the address', async () => {
    const server = await start({ config: { limits: { lookupFailures: { points: 3, seconds: 60 } } } });
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan', groups: GROUPS });
    expect((await api.get('ZZZZZZ')).status).toBe(404);
    expect((await api.workshop('ZZZZZY')).status).toBe(404);
    expect((await api.get('ZZZZZX')).status).toBe(404);
    // The fourth goes over the budget of three.
    expect((await api.meeting('ZZZZZV', p.organiserToken, { requestId: requestId('x'), title: 'T' })).status).toBe(404);
    // Blocked now: found or not, 429 with Retry-After.
    const blocked = await api.get(p.code);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await api.get('ZZZZZW')).status).toBe(429);
  });

  it('shares the creation limit with workshops', async () => {
    const server = await start({ config: { limits: { createsPerAddress: { points: 2, seconds: 600 } } } });
    const api = processCalls(server);
    expect((await api.create({ title: 'One', groups: GROUPS })).status).toBe(201);
    const workshop = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'W' }) });
    expect(workshop.status).toBe(201);
    const third = await api.create({ title: 'Three', groups: GROUPS });
    expect(third).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(rows(server, 'SELECT COUNT(*) AS n FROM processes')).toEqual([{ n: 1 }]);
  });

  it('PATCH: changes title, area and groups once per request id; refuses unknown ids and leaving out a group a meeting has', async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan', language: 'en', groups: GROUPS });
    const report = (await api.get(p.code, p.organiserToken)).body;
    const [res, mun] = report.groups.map((g) => g.id) as [string, string];
    const m1 = await createMeeting(server, p, { requestId: requestId('m1'), title: 'Evening 1', template: 'heat-transition' });
    const host = await connect(server, { code: m1.code, hostToken: p.organiserToken });
    const seqBefore = (await waitFor(host, 'workshop:host')).seq;
    expect(serverState(server, m1.code).groups.map((g) => [g.id, g.invited])).toEqual([
      [res, 400],
      [mun, 20],
    ]);

    // Bad bodies: 400, nothing stored.
    for (const [body, path] of [
      [{ title: 'No request id' }, 'requestId'],
      [{ requestId: 'short', title: 'X' }, 'requestId'],
      [{ requestId: requestId('bad'), title: '' }, 'title'],
      [{ requestId: requestId('bad'), groups: [{ id: res, name: 'Residents', invited: -5 }] }, 'groups.0.invited'],
    ] as const) {
      const r = await api.patch(p.code, p.organiserToken, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.issues?.map((i) => i.path)).toContain(path);
    }
    const unknown = await api.patch(p.code, p.organiserToken, { requestId: requestId('u'), groups: [{ id: 'nope-nope-nope-1', name: 'X', invited: null }] });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', issues: [{ path: 'groups.0.id' }] } } });
    const dropped = await api.patch(p.code, p.organiserToken, { requestId: requestId('d'), groups: [{ id: res, name: 'Residents', invited: 400 }] });
    expect(dropped).toMatchObject({ status: 409, body: { error: { code: 'NOT_ALLOWED' } } });
    const unchanged = (await api.get(p.code, p.organiserToken)).body;
    expect(unchanged.process.title).toBe('Plan');
    expect(unchanged.groups.map((g) => g.id)).toEqual([res, mun]);
    expect(serverState(server, m1.code).seq).toBe(seqBefore);

    // A real change: renamed, re-numbered, a group added; the meeting gets the numbers as an event.
    const change = {
      requestId: requestId('c1'),
      title: 'Heat plan Lombok',
      area: 'Lombok',
      groups: [
        { id: res, name: 'Residents', invited: 450 },
        { id: mun, name: 'City', invited: 25 },
        { name: 'Schools', invited: 3 },
      ],
    };
    const changed = await api.patch(p.code, p.organiserToken, change);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ organiser: true, process: { title: 'Heat plan Lombok', area: 'Lombok' } });
    expect(changed.body.groups.map((g) => [g.name, g.invited])).toEqual([
      ['Residents', 450],
      ['City', 25],
      ['Schools', 3],
    ]);
    const view = await waitFor(host, 'workshop:host', (h: HostView) => h.groups.some((g) => g.invited === 450));
    expect(view.groups.map((g) => [g.id, g.invited])).toEqual([
      [res, 450],
      [mun, 25],
    ]);
    const seqAfter = serverState(server, m1.code).seq;
    expect(seqAfter).toBe(seqBefore + 1);
    const events = rows(server, `SELECT type FROM events WHERE workshop_id = '${m1.workshopId}' ORDER BY seq`) as { type: string }[];
    expect(events.at(-1)?.type).toMatch(/invited/);

    // The same request again (a retry), even with other content: nothing is stored twice.
    const retried = await api.patch(p.code, p.organiserToken, { ...change, title: 'Something else', groups: [...change.groups.slice(0, 2), { name: 'Shops', invited: 1 }] });
    expect(retried.status).toBe(200);
    expect(retried.body.process.title).toBe('Heat plan Lombok');
    expect(retried.body.groups.map((g) => g.name)).toEqual(['Residents', 'City', 'Schools']);
    expect(serverState(server, m1.code).seq).toBe(seqAfter);
    const stored = JSON.parse((rows(server, 'SELECT state FROM processes') as { state: string }[])[0]?.state ?? '{}') as { requests: { id: string }[] };
    expect(stored.requests.map((r) => r.id)).toEqual([requestId('m1'), requestId('c1')]);
  });

  it('POST meetings: 400 for a bad body with nothing created, a retried request id gives the same meeting (200)', async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan', groups: GROUPS });
    for (const [body, path] of [
      [{ title: 'No id' }, 'requestId'],
      [{ requestId: requestId('a'), title: '' }, 'title'],
      [{ requestId: requestId('a'), title: 'T', template: 'nope' }, 'template'],
      [{ requestId: requestId('a'), title: 'T', agenda: 'last-time' }, 'agenda'],
      [{ requestId: requestId('a'), title: 'T', rankingOrder: 'yes' }, 'rankingOrder'],
    ] as const) {
      const r = await api.meeting(p.code, p.organiserToken, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(rows(server, 'SELECT COUNT(*) AS n FROM workshops')).toEqual([{ n: 0 }]);

    const first = await api.meeting(p.code, p.organiserToken, { requestId: requestId('a'), title: 'Evening 1' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ meeting: 1, urls: { host: `/f/${first.body.code}#${p.organiserToken}`, board: `/b/${first.body.code}`, join: `/j/${first.body.code}` } });
    expect(first.body.joinUrl).toMatch(new RegExp(`/j/${first.body.code}$`));
    const again = await api.meeting(p.code, p.organiserToken, { requestId: requestId('a'), title: 'Evening 1 (sent twice)' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(rows(server, 'SELECT COUNT(*) AS n FROM workshops')).toEqual([{ n: 1 }]);
    expect(serverState(server, first.body.code).title).toBe('Evening 1');
    const summary = await api.workshop(first.body.code);
    expect(summary.body.process).toEqual({ id: (await api.get(p.code)).body.process.id, code: p.code, title: 'Plan', meeting: 1 });

    // A PATCH's request id is not a meeting's.
    expect((await api.patch(p.code, p.organiserToken, { requestId: requestId('p'), area: 'Zuid' })).status).toBe(200);
    expect(await api.meeting(p.code, p.organiserToken, { requestId: requestId('p'), title: 'T' })).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  });

  it(`holds at most ${PROCESS_LIMITS.meetings} meetings`, { timeout: 30_000 }, async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan', groups: GROUPS });
    for (let i = 1; i <= PROCESS_LIMITS.meetings; i++) await createMeeting(server, p, { requestId: requestId(`n${i}`), title: `Meeting ${i}`, template: 'empty' });
    const over = await api.meeting(p.code, p.organiserToken, { requestId: requestId('over'), title: 'One too many', template: 'empty' });
    expect(over).toMatchObject({ status: 409, body: { error: { code: 'NOT_ALLOWED' } } });
    expect(rows(server, 'SELECT COUNT(*) AS n FROM workshops')).toEqual([{ n: PROCESS_LIMITS.meetings }]);
  });

  it('the organiser token opens the console of its meetings only; a deleted workshop leaves the process', async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan', groups: GROUPS });
    const other = await createProcess(server, { title: 'Other', groups: GROUPS });
    const m1 = await createMeeting(server, p, { requestId: requestId('m1'), title: 'Evening 1' });
    const m2 = await createMeeting(server, p, { requestId: requestId('m2'), title: 'Evening 2' });
    expect(await refusal(server, { code: m1.code, hostToken: other.organiserToken })).toBe('BAD_HOST_TOKEN');
    // The workshop routes that take a host token take the organiser token too.
    const exp = await fetch(`${server.url}/api/workshops/${m1.code}/export`, { headers: { Authorization: `Bearer ${p.organiserToken}` } });
    expect(exp.status).toBe(200);
    const del = await fetch(`${server.url}/api/workshops/${m1.code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${p.organiserToken}` } });
    expect(del.status).toBe(204);
    const report = (await api.get(p.code, p.organiserToken)).body;
    expect(report.meetings.map((m) => m.code)).toEqual([m2.code]);
    const stored = JSON.parse((rows(server, `SELECT state FROM processes WHERE code = '${p.code}'`) as { state: string }[])[0]?.state ?? '{}') as { meetingIds: string[] };
    expect(stored.meetingIds).toEqual([m2.workshopId]);
  });

  it('survives a restart: the page, the meetings and the organiser token as a host token come back from the file', async () => {
    const first = await start();
    const p = await createProcess(first, { title: 'Plan', groups: GROUPS });
    const m1 = await createMeeting(first, p, { requestId: requestId('m1'), title: 'Evening 1' });
    const before = (await processCalls(first).get(p.code, p.organiserToken)).body;
    await first.close();
    const server = await start({ dataDir: first.dataDir });
    const api = processCalls(server);
    const after = await api.get(p.code, p.organiserToken);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before);
    const host = await connect(server, { code: m1.code, hostToken: p.organiserToken });
    expect((await waitFor(host, 'workshop:host')).process).toEqual({ id: before.process.id, code: p.code, title: 'Plan', meeting: 1 });
    // The request id is remembered too: a retry after the restart creates nothing.
    expect((await api.meeting(p.code, p.organiserToken, { requestId: requestId('m1'), title: 'Evening 1' })).status).toBe(200);
    expect(rows(server, 'SELECT COUNT(*) AS n FROM workshops')).toEqual([{ n: 1 }]);
  });

  it('DELETE: the process and every meeting are gone (404), the code is never another process’s', async () => {
    const server = await start();
    const api = processCalls(server);
    const p = await createProcess(server, { title: 'Plan to forget', groups: GROUPS });
    const m1 = await createMeeting(server, p, { requestId: requestId('m1'), title: 'Evening 1' });
    const m2 = await createMeeting(server, p, { requestId: requestId('m2'), title: 'Evening 2' });
    const host = await connect(server, { code: m2.code, hostToken: p.organiserToken });
    const deleted = new Promise<void>((resolve) => host.once('workshop:deleted', () => resolve()));
    const res = await api.delete(p.code, p.organiserToken);
    expect(res.status).toBe(204);
    await deleted;
    expect((await api.get(p.code)).status).toBe(404);
    expect((await api.get(p.code, p.organiserToken)).status).toBe(404);
    expect((await api.delete(p.code, p.organiserToken)).status).toBe(404);
    for (const m of [m1, m2]) expect((await api.workshop(m.code)).status).toBe(404);
    expect(await refusal(server, { code: m1.code, hostToken: p.organiserToken })).toBe('WORKSHOP_NOT_FOUND');
    expect(rows(server, 'SELECT COUNT(*) AS n FROM processes UNION ALL SELECT COUNT(*) FROM workshops UNION ALL SELECT COUNT(*) FROM events')).toEqual([{ n: 0 }, { n: 0 }, { n: 0 }]);
    expect(rows(server, 'SELECT code FROM deleted_process_codes')).toEqual([{ code: p.code }]);
  });

  it('the retention sweep deletes a process once it has no meetings and did not change for RETENTION_DAYS', async () => {
    let now = Date.UTC(2026, 0, 1);
    const server = await start({ clock: () => now, config: { retentionDays: 30 } });
    const api = processCalls(server);
    const empty = await createProcess(server, { title: 'Never used', groups: GROUPS });
    const used = await createProcess(server, { title: 'Used', groups: GROUPS });
    const m = await createMeeting(server, used, { requestId: requestId('m'), title: 'Evening' });
    const kept = await createProcess(server, { title: 'Still running', groups: GROUPS });
    const k = await createMeeting(server, kept, { requestId: requestId('k'), title: 'Evening' });
    now += 20 * 86_400_000;
    const host = await connect(server, { code: k.code, hostToken: kept.organiserToken });
    await mustAck(host, 'value:add', { title: 'Quiet streets' });
    now += 9 * 86_400_000;
    expect(server.app.sweepRetention()).toEqual([]);
    now += 2 * 86_400_000;
    // Day 31: the meeting unchanged since day 0 goes, then both processes that have no meeting
    // left and did not change since day 0; the meeting changed on day 20 and its process stay.
    expect(server.app.sweepRetention().sort()).toEqual([m.code, empty.code, used.code].sort());
    expect((await api.get(empty.code)).status).toBe(404);
    expect((await api.get(used.code)).status).toBe(404);
    expect((await api.workshop(m.code)).status).toBe(404);
    expect((await api.get(kept.code)).body.meetings.map((x) => x.code)).toEqual([k.code]);
  });
});
