import { describe, expect, it } from 'vitest';
import { CONNECT_ERRORS, PROTOCOL_VERSION } from '../../shared/index.js';
import {
  connect,
  connectHost,
  connectVisitor,
  createWorkshop,
  emitAck,
  joinAs,
  mustAck,
  received,
  refusal,
  serverPool,
  serverState,
  settle,
  waitFor,
  type TestServer,
} from './harness.js';

async function openWorkshop(server: TestServer, allowNames = false) {
  const w = await createWorkshop(server, { title: 'Toegang', template: 'heat-transition', groups: ['Bewoners', 'Gemeente'], allowNames });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  const explore = view.activities[0]?.id as string;
  await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
  const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
  return { w, host, explore, g1, g2, valueId: view.allValues[0]?.id as string };
}

describe('who may do what', () => {
  const start = serverPool();

  it('refuses facilitator commands from a participant, with nothing changed', async () => {
    const server = await start();
    const { w, explore, g1, valueId } = await openWorkshop(server);
    const phone = await joinAs(server, w.code, g1);
    const seq = serverState(server, w.code).seq;
    const attempts = [
      emitAck(phone.socket, 'value:add', { title: 'Sneaky' }),
      emitAck(phone.socket, 'value:hide', { valueId, hidden: true }),
      emitAck(phone.socket, 'value:merge', { sourceId: valueId, targetId: serverState(server, w.code).valueOrder[1] as string }),
      emitAck(phone.socket, 'settings:update', { allowNames: true }),
      emitAck(phone.socket, 'activity:control', { activityId: explore, action: 'close' }),
      emitAck(phone.socket, 'participant:remove', { participantId: phone.participantId }),
      emitAck(phone.socket, 'participant:join', { groupId: g1 }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(serverState(server, w.code).seq).toBe(seq);
  });

  it('refuses participant commands from a visitor and a host', async () => {
    const server = await start();
    const { w, host, valueId, g1 } = await openWorkshop(server);
    const board = await connectVisitor(server, w.code);
    const seq = serverState(server, w.code).seq;
    expect(await emitAck(board, 'value:propose', { title: 'From the board' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitAck(board, 'story:add', { valueId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitAck(board, 'value:add', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitAck(host, 'value:propose', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emitAck(host, 'participant:join', { groupId: g1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(serverState(server, w.code).seq).toBe(seq);
  });

  it('answers bad payloads with BAD_REQUEST and changes nothing', async () => {
    const server = await start();
    const { w, host, g1, valueId } = await openWorkshop(server);
    const phone = await joinAs(server, w.code, g1);
    const seq = serverState(server, w.code).seq;
    const bad = [
      emitAck(phone.socket, 'value:propose', { title: '   ' }),
      emitAck(phone.socket, 'value:propose', { title: 'x'.repeat(61) }),
      emitAck(phone.socket, 'value:propose', { title: 'ok', description: 'x'.repeat(281) }),
      emitAck(phone.socket, 'value:propose', { title: 'bell\u0007' }),
      emitAck(phone.socket, 'story:add', { valueId, text: 'x'.repeat(501) }),
      emitAck(phone.socket, 'story:add', { valueId: 'not an id!', text: 'x' }),
      emitAck(phone.socket, 'story:endorse', {} as never),
      emitAck(host, 'settings:update', { minGroupSize: 0 }),
      emitAck(host, 'value:hide', { valueId, hidden: 'yes' as never }),
    ];
    for (const result of await Promise.all(bad)) expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(serverState(server, w.code).seq).toBe(seq);
  });
});

describe('the handshake', () => {
  const start = serverPool();

  it('refuses a wrong host token, an unknown workshop, another protocol, a bad handshake and a bad participant token', async () => {
    const server = await start();
    const { w } = await openWorkshop(server);
    const other = await createWorkshop(server, { title: 'Other' });
    expect(await refusal(server, { code: w.code, hostToken: 'x'.repeat(32) })).toBe(CONNECT_ERRORS.badHostToken);
    expect(await refusal(server, { code: w.code, hostToken: other.hostToken })).toBe(CONNECT_ERRORS.badHostToken);
    expect(await refusal(server, { code: 'ZZZZZZ' })).toBe(CONNECT_ERRORS.notFound);
    expect(await refusal(server, { code: w.code, protocol: PROTOCOL_VERSION + 1 })).toBe(CONNECT_ERRORS.protocol);
    expect(await refusal(server, { code: 'O0I1L!' })).toBe(CONNECT_ERRORS.badHandshake);
    expect(await refusal(server, { protocol: PROTOCOL_VERSION })).toBe(CONNECT_ERRORS.badHandshake);
    expect(await refusal(server, undefined)).toBe(CONNECT_ERRORS.badHandshake);
    expect(await refusal(server, { code: w.code, participantToken: 'nope' })).toBe(CONNECT_ERRORS.badParticipantToken);
    // A code typed on a phone, lower case with a dash, still finds the workshop.
    const typed = `${w.code.slice(0, 3).toLowerCase()}-${w.code.slice(3)}`;
    await expect(connect(server, { code: typed })).resolves.toBeDefined();
  });

  it('removes a participant: told, disconnected, and its token refused from then on', async () => {
    const server = await start();
    const { w, host, g1 } = await openWorkshop(server);
    const phone = await joinAs(server, w.code, g1);
    const removed = waitFor(phone.socket, 'participant:removed', () => true, { next: true });
    const disconnected = new Promise((r) => phone.socket.once('disconnect', r));
    await mustAck(host, 'participant:remove', { participantId: phone.participantId });
    await removed;
    await disconnected;
    expect(await refusal(server, { code: w.code, participantToken: phone.token })).toBe(CONNECT_ERRORS.badParticipantToken);
    expect(await waitFor(host, 'workshop:presence', (p) => p.connected === 0)).toMatchObject({ connected: 0 });
  });
});

describe('the board', () => {
  const start = serverPool();

  it('never receives names when names are not allowed, nor the host view, presence or anyone’s self view', async () => {
    const server = await start();
    const { w, host, g1, g2, valueId } = await openWorkshop(server, true);
    const names = ['Annelies Zonnebloem', 'Bart Vlietstra'];
    const a = await joinAs(server, w.code, g1, names[0]);
    const b = await joinAs(server, w.code, g2, names[1]);
    await mustAck(a.socket, 'story:add', { valueId, text: 'Verhaal A' });
    await mustAck(host, 'settings:update', { allowNames: false });

    const board = await connectVisitor(server, w.code);
    await mustAck(b.socket, 'story:add', { valueId, text: 'Verhaal B' });
    await mustAck(a.socket, 'value:propose', { title: 'Nieuwe waarde' });
    const latest = await waitFor(board, 'workshop:public', (v) => v.values.some((x) => x.title === 'Nieuwe waarde'));
    expect(latest.values.find((v) => v.id === valueId)?.stories.map((s) => s.author)).toEqual([null, null]);
    await settle();

    const log = received(board);
    expect(log.length).toBeGreaterThan(1);
    expect(new Set(log.map((e) => e.event))).toEqual(new Set(['workshop:public']));
    const everything = JSON.stringify(log);
    for (const name of names) expect(everything).not.toContain(name);
    for (const secret of [w.hostToken, a.token, b.token, a.participantId, b.participantId]) expect(everything).not.toContain(secret);
    // The host still sees who wrote what.
    expect((await waitFor(host, 'workshop:host', (v) => v.seq === latest.seq)).allStories.map((s) => s.author)).toEqual(names);
  });
});

describe('the export endpoints (JSON and CSV)', () => {
  const start = serverPool();

  it.each(['export', 'export.csv', 'export.csv?sep=;'])('%s answers 401 without a token and 403 with a wrong one, with nothing about the workshop', async (path) => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Geheime workshop' });
    const other = await createWorkshop(server, { title: 'Andere' });
    const url = `${server.url}/api/workshops/${w.code}/${path}`;
    const cases: [Record<string, string>, number][] = [
      [{}, 401],
      [{ Authorization: 'Basic abc' }, 401],
      [{ Authorization: 'Bearer' }, 401],
      [{ Authorization: `Bearer ${'x'.repeat(32)}` }, 403],
      [{ Authorization: `Bearer ${other.hostToken}` }, 403],
    ];
    for (const [headers, status] of cases) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['error']);
      expect(JSON.stringify(body)).not.toMatch(/Geheime|participants|values/);
    }
    expect((await fetch(`${server.url}/api/workshops/ZZZZZZ/${path}`, { headers: { Authorization: `Bearer ${w.hostToken}` } })).status).toBe(404);
    expect((await fetch(url, { headers: { Authorization: `bearer ${w.hostToken}` } })).status).toBe(200);
  });

  it('serves the CSV as an Excel-friendly download, and refuses another separator', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'CSV' });
    const auth = { headers: { Authorization: `Bearer ${w.hostToken}` } };
    const res = await fetch(`${server.url}/api/workshops/${w.code}/export.csv?sep=%3B`, auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="raakvlak-${w.code}.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toMatch(/^workshop_code;activity_id;.*;text;channel\r\n$/);
    for (const sep of ['%09', 'x', ';;']) {
      const bad = await fetch(`${server.url}/api/workshops/${w.code}/export.csv?sep=${sep}`, auth);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    expect((await fetch(`${server.url}/api/workshops/${w.code}/export.csv?sep=a&sep=b`, auth)).status).toBe(400);
  });
});
