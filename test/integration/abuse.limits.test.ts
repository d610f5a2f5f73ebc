import net from 'node:net';
import { Manager, io as connectClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type HttpErrorResponse } from '../../shared/index.js';
import { createApp } from '../../server/app.js';
import { readEnv } from '../../server/env.js';
import { addressKey, parseTrustProxy } from '../../server/limits/index.js';
import { silentLogger } from '../../server/logger.js';
import { SqliteStore } from '../../server/store/sqliteStore.js';
import {
  connect,
  connectHost,
  createWorkshop,
  emitAck,
  joinAs,
  mustAck,
  serverPool,
  settle,
  waitFor,
  type ClientSocket,
  type Endpoint,
} from './harness.js';

/**
 * Issue 9, "limits that hold per address, per participant and per workshop", against a real
 * server with real socket.io clients. Every client here comes from 127.0.0.1: one address,
 * like a room behind one venue Wi-Fi. Tests use the default limits unless they say otherwise.
 */

type Attempt = { ok: true; socket: ClientSocket } | { ok: false; message: string; retryAfterMs: number | undefined };

/** One handshake: accepted, or refused with its message and `data.retryAfterMs`. */
function attempt(server: Endpoint, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Attempt> {
  const socket: ClientSocket = connectClient(server.url, {
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      const data = (err as Error & { data?: { retryAfterMs?: number } }).data;
      resolve({ ok: false, message: err.message, retryAfterMs: data?.retryAfterMs });
    });
  });
}

const opened: ClientSocket[] = [];
const keep = (a: Attempt): Attempt => {
  if (a.ok) opened.push(a.socket);
  return a;
};
const closeOpened = () => {
  for (const s of opened.splice(0)) s.disconnect();
};

/** Six-letter codes from the join-code alphabet that no workshop here has (the server made one code). */
const guess = (i: number) => `ZZ${String(i).padStart(4, '2').replace(/[01]/g, '9')}`;

const workshopBody = { title: 'Wijk Zuid', template: 'heat-transition' as const, language: 'en' as const, groups: ['Residents', 'Municipality'] };

function post(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'x' }) });
}

describe('join-code guessing from one address', () => {
  const start = serverPool();

  it('gets 20 answers, then RATE_LIMITED for everything without a valid token; the HTTP lookups share the count', { timeout: 20_000 }, async () => {
    const server = await start();
    const w = await createWorkshop(server, workshopBody);
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const p = await joinAs(server, w.code, view.groups[0]?.id as string);

    // 10 guesses over sockets and 10 over HTTP: the 20 failures the address may have per 10 s.
    for (let i = 0; i < 10; i++) expect(await attempt(server, { code: guess(i) })).toMatchObject({ ok: false, message: 'WORKSHOP_NOT_FOUND' });
    for (let i = 10; i < 20; i++) expect((await fetch(`${server.url}/api/workshops/${guess(i)}`)).status).toBe(404);

    // The 21st starts a block of 10 s (the first block).
    const over = await attempt(server, { code: guess(20) });
    expect(over).toMatchObject({ ok: false, message: 'RATE_LIMITED' });
    expect(!over.ok && over.retryAfterMs).toBeGreaterThan(9_000);
    expect(!over.ok && over.retryAfterMs).toBeLessThanOrEqual(10_000);

    // 100 more guesses as fast as they come: not one is answered, so nothing is learnt.
    const flood = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(server, { code: guess(100 + i) })));
    expect(flood.filter((a) => !a.ok && a.message === 'RATE_LIMITED')).toHaveLength(100);

    // A right code without a token is refused too (found or not looks the same while blocked)…
    expect(await attempt(server, { code: w.code, view: 'phone' })).toMatchObject({ ok: false, message: 'RATE_LIMITED' });
    expect(await attempt(server, { code: w.code, participantToken: 'not-a-token' })).toMatchObject({ ok: false, message: 'RATE_LIMITED' });
    const summary = await fetch(`${server.url}/api/workshops/${w.code}`);
    expect(summary.status).toBe(429);
    expect(Number(summary.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(summary.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(((await summary.json()) as HttpErrorResponse).error.code).toBe('RATE_LIMITED');
    expect((await fetch(`${server.url}/api/workshops/${w.code}/qr.svg`)).status).toBe(429);

    // …but phones and consoles with their token reconnect as ever: the room is not locked out.
    expect(keep(await attempt(server, { code: w.code, participantToken: p.token }))).toMatchObject({ ok: true });
    expect(keep(await attempt(server, { code: w.code, hostToken: w.hostToken }))).toMatchObject({ ok: true });
    closeOpened();
  });

  it('blocks for twice as long each time the address goes over again', { timeout: 20_000 }, async () => {
    const server = await start({ config: { limits: { lookupFailures: { points: 3, seconds: 60 }, lookupBlockSeconds: 0.4, lookupMaxBlockSeconds: 1.2 } } });
    const blockAfterGuesses = async (from: number): Promise<number> => {
      for (let i = 0; i < 3; i++) expect(await attempt(server, { code: guess(from + i) })).toMatchObject({ message: 'WORKSHOP_NOT_FOUND' });
      const over = await attempt(server, { code: guess(from + 3) });
      expect(over).toMatchObject({ ok: false, message: 'RATE_LIMITED' });
      return over.ok ? 0 : (over.retryAfterMs ?? 0);
    };
    // Blocks of 400 ms, 800 ms, then 1,200 ms (the maximum), not 1,600 ms.
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const wait = await blockAfterGuesses(round * 10);
      waits.push(wait);
      await new Promise((r) => setTimeout(r, wait + 100));
    }
    expect(waits[0]).toBeGreaterThan(300);
    expect(waits[0]).toBeLessThanOrEqual(400);
    expect(waits[1]).toBeGreaterThan(700);
    expect(waits[1]).toBeLessThanOrEqual(800);
    expect(waits[2]).toBeGreaterThan(1100);
    expect(waits[2]).toBeLessThanOrEqual(1200);
  });
});

describe('commands per participant, across all of its sockets', () => {
  const start = serverPool();

  it('one participant on 40 sockets stores 60 stories of 400 (20 a second plus a burst of 40); another participant is not touched', { timeout: 20_000 }, async () => {
    // The stories cap is raised so that the rate limit is what stops the flood here.
    const server = await start({ config: { caps: { storiesPerParticipant: 10_000 } } });
    const w = await createWorkshop(server, workshopBody);
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const valueId = view.allValues[0]?.id as string;
    const groupId = view.groups[0]?.id as string;
    await mustAck(host, 'agenda:goto', { activityId: view.activities[0]?.id as string }); // explore: stories may be told
    const flooder = await joinAs(server, w.code, groupId);
    const other = await joinAs(server, w.code, groupId);
    const sockets = await Promise.all(Array.from({ length: 40 }, () => connect(server, { code: w.code, participantToken: flooder.token })));

    const acks = await Promise.all(sockets.flatMap((s, i) => Array.from({ length: 10 }, (_, j) => emitAck(s, 'story:add', { valueId, text: `Flood ${i}-${j}` }))));
    expect(acks.filter((a) => a.ok)).toHaveLength(60);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(340);
    for (const r of refused) {
      expect(r.ok ? null : r.error.code).toBe('RATE_LIMITED');
      expect(r.ok ? 0 : r.error.retryAfterMs).toBeGreaterThan(0);
    }
    const stored = (await waitFor(host, 'workshop:host', (v) => v.allStories.length === 60)).allStories;
    expect(stored.every((s) => s.participantId === flooder.participantId)).toBe(true);
    // The other participant has their own budget.
    expect(await emitAck(other.socket, 'story:add', { valueId, text: 'Mine' })).toMatchObject({ ok: true });
  });
});

describe('joins per address', () => {
  const start = serverPool();

  it('300 joins from one address at once: 200 get in, 100 are told to wait, the console counts 100 refused; after the wait they join', { timeout: 60_000 }, async () => {
    const server = await start();
    const w = await createWorkshop(server, workshopBody);
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const groupId = view.groups[0]?.id as string;
    const phones: ClientSocket[] = [];
    for (let i = 0; i < 300; i += 50) phones.push(...(await Promise.all(Array.from({ length: 50 }, () => connect(server, { code: w.code, view: 'phone' })))));

    const first = await Promise.all(phones.map((s) => emitAck(s, 'participant:join', { groupId })));
    // joinsPerAddress: 200 per 3 s, all 300 within the first window.
    expect(first.filter((a) => a.ok)).toHaveLength(200);
    const refused = first.flatMap((a, i) => (a.ok ? [] : [{ socket: phones[i] as ClientSocket, error: a.error }]));
    expect(refused).toHaveLength(100);
    for (const r of refused) {
      expect(r.error.code).toBe('RATE_LIMITED');
      expect(r.error.retryAfterMs).toBeGreaterThan(0);
      expect(r.error.retryAfterMs).toBeLessThanOrEqual(3000);
    }
    expect((await waitFor(host, 'workshop:presence', (p) => p.joinsRefused === 100)).joinsRefused).toBe(100);

    // What a phone does (client/src/net/send.ts): wait retryAfterMs and send again.
    await new Promise((r) => setTimeout(r, Math.max(...refused.map((r) => r.error.retryAfterMs ?? 0)) + 50));
    const again = await Promise.all(refused.map((r) => emitAck(r.socket, 'participant:join', { groupId })));
    expect(again.filter((a) => a.ok)).toHaveLength(100);
    expect((await waitFor(host, 'workshop:host', (v) => v.participants.length === 300)).participants).toHaveLength(300);
  });
});

describe('joins per workshop', () => {
  const start = serverPool();

  it('many addresses together get no more joins into one workshop than its limit', { timeout: 20_000 }, async () => {
    const server = await start({ config: { trustProxy: 'loopback', limits: { joinsPerWorkshop: { points: 5, seconds: 60 } } } });
    const w = await createWorkshop(server, workshopBody);
    const host = await connectHost(server, w);
    const groupId = (await waitFor(host, 'workshop:host')).groups[0]?.id as string;
    const acks = [];
    for (let i = 1; i <= 7; i++) {
      const a = keep(await attempt(server, { code: w.code, view: 'phone' }, { 'x-forwarded-for': `203.0.113.${i}` }));
      if (!a.ok) throw new Error(a.message);
      acks.push(await emitAck(a.socket, 'participant:join', { groupId }));
    }
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect((await waitFor(host, 'workshop:presence', (p) => p.joinsRefused === 2)).joinsRefused).toBe(2);
    closeOpened();
  });

  it('counts an IPv6 address by its /64 and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('sockets per address', () => {
  const start = serverPool();

  it('caps open sockets per address; a closed one frees its place', { timeout: 20_000 }, async () => {
    const server = await start({ config: { limits: { socketsPerAddress: 5 } } });
    const w = await createWorkshop(server, workshopBody);
    const five = await Promise.all(Array.from({ length: 5 }, () => attempt(server, { code: w.code, view: 'board' }).then(keep)));
    expect(five.every((a) => a.ok)).toBe(true);
    const sixth = await attempt(server, { code: w.code, view: 'board' });
    expect(sixth).toMatchObject({ ok: false, message: 'RATE_LIMITED' });
    expect(!sixth.ok && sixth.retryAfterMs).toBeGreaterThan(0);
    opened.pop()?.disconnect();
    await settle(200);
    expect(keep(await attempt(server, { code: w.code, view: 'board' }))).toMatchObject({ ok: true });
    closeOpened();
  });

  it('caps new sockets per address per window', { timeout: 20_000 }, async () => {
    const server = await start({ config: { limits: { newSocketsPerAddress: { points: 10, seconds: 60 } } } });
    const w = await createWorkshop(server, workshopBody);
    const tries = [];
    for (let i = 0; i < 12; i++) tries.push(keep(await attempt(server, { code: w.code, view: 'board' })));
    expect(tries.map((a) => (a.ok ? 'ok' : a.message))).toEqual([...Array<string>(10).fill('ok'), 'RATE_LIMITED', 'RATE_LIMITED']);
    closeOpened();
  });
});

describe('X-Forwarded-For and TRUST_PROXY', () => {
  const start = serverPool();
  const limits = { createsPerAddress: { points: 2, seconds: 600 } };

  it('without a configured proxy, a spoofed X-Forwarded-For does not make a new address', async () => {
    const server = await start({ config: { limits } });
    const statuses = [];
    for (const xff of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await post(server.url, { 'x-forwarded-for': xff })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('behind a trusted proxy, the client is the address the proxy saw, whatever the client wrote in front of it', async () => {
    const server = await start({ config: { limits, trustProxy: 'loopback' } });
    // The proxy (127.0.0.1) appends the address it saw (9.9.9.9) to what the client sent.
    const statuses = [];
    for (const fake of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await post(server.url, { 'x-forwarded-for': `${fake}, 9.9.9.9` })).status);
    expect(statuses).toEqual([201, 201, 429]);
    // Another client behind the same proxy has its own budget.
    expect((await post(server.url, { 'x-forwarded-for': '8.8.8.8' })).status).toBe(201);
  });

  it('creation has a cap for everyone together, so many addresses do not add up to more', async () => {
    const server = await start({ config: { trustProxy: 'loopback', limits: { createsTotal: { points: 3, seconds: 3600 } } } });
    const statuses = [];
    for (let i = 1; i <= 4; i++) statuses.push((await post(server.url, { 'x-forwarded-for': `10.0.0.${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('sockets are counted by the same rule: per forwarded address behind a trusted proxy, per peer otherwise', { timeout: 20_000 }, async () => {
    const proxied = await start({ config: { trustProxy: ['loopback'], limits: { socketsPerAddress: 2 } } });
    const w = await createWorkshop(proxied, workshopBody);
    const as = (ip: string) => attempt(proxied, { code: w.code, view: 'board' }, { 'x-forwarded-for': ip }).then(keep);
    expect([await as('9.9.9.9'), await as('1.1.1.1, 9.9.9.9'), await as('9.9.9.9')].map((a) => a.ok)).toEqual([true, true, false]);
    expect((await as('8.8.8.8')).ok).toBe(true);
    closeOpened();

    const direct = await start({ config: { limits: { socketsPerAddress: 2 } } });
    const w2 = await createWorkshop(direct, workshopBody);
    const spoof = (ip: string) => attempt(direct, { code: w2.code, view: 'board' }, { 'x-forwarded-for': ip }).then(keep);
    expect([await spoof('1.1.1.1'), await spoof('2.2.2.2'), await spoof('3.3.3.3')].map((a) => a.ok)).toEqual([true, true, false]);
    closeOpened();
  });

  it('refuses TRUST_PROXY=true and hop counts at startup, saying why', () => {
    expect(() => readEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*lets any client write its own X-Forwarded-For/);
    expect(() => readEnv({ TRUST_PROXY: '2' })).toThrow(/number of hops/);
    expect(() => readEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(readEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.5']);
    expect(readEnv({}).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    // The limits are read from the environment too, and a malformed one stops the start.
    expect(readEnv({ LIMIT_JOINS_PER_ADDRESS: '100/2s', LIMIT_PARTICIPANT_COMMANDS: '20/1s+40/10s', LIMIT_CREATES_TOTAL: '500/1h', HTTP_HEADERS_TIMEOUT_MS: '5000' }).limits).toEqual({
      joinsPerAddress: { points: 100, seconds: 2 },
      participantCommands: { points: 20, seconds: 1, burst: { points: 40, seconds: 10 } },
      createsTotal: { points: 500, seconds: 3600 },
      headersTimeoutMs: 5000,
    });
    expect(() => readEnv({ LIMIT_JOINS_PER_ADDRESS: 'lots' })).toThrow(/LIMIT_JOINS_PER_ADDRESS must be "<count>\/<time>"/);
    expect(() => readEnv({ HTTP_HEADERS_TIMEOUT_MS: '-1' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS must be a positive whole number/);
    const store = new SqliteStore(':memory:');
    try {
      expect(() => createApp({ store, config: { logger: silentLogger, trustProxy: true as unknown as string } })).toThrow(/TRUST_PROXY/);
    } finally {
      store.close();
    }
  });
});

describe('idle and half-open connections', () => {
  const start = serverPool();
  const fast = { headersTimeoutMs: 400, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, connectionsCheckingIntervalMs: 100, socketConnectTimeoutMs: 500 };

  /** Opens a raw TCP connection, sends `send`, resolves with ms until the server closed it. */
  const closedAfter = (port: number, send: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const t0 = Date.now();
      const c = net.connect(port, '127.0.0.1', () => {
        if (send) c.write(send);
      });
      c.on('data', () => undefined);
      c.on('error', () => undefined);
      c.on('close', () => resolve(Date.now() - t0));
      setTimeout(() => reject(new Error('still open after 5 s')), 5000).unref();
    });

  it('closes a TCP connection that sends nothing, or only half a request, after the headers timeout', async () => {
    const server = await start({ config: { limits: fast } });
    const [silent, half] = await Promise.all([closedAfter(server.port, ''), closedAfter(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n')]);
    for (const ms of [silent, half]) {
      expect(ms).toBeGreaterThanOrEqual(350);
      expect(ms).toBeLessThan(1500);
    }
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const server = await start({ config: { limits: fast } });
    // One whole request on a keep-alive connection, then nothing: closed ~300 ms after the answer.
    const ms = await closedAfter(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(1500);
  });

  it('closes a socket.io connection that never completes its handshake after connectTimeout', async () => {
    const server = await start({ config: { limits: fast } });
    // A Manager opens the engine.io connection without joining the namespace.
    const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, autoConnect: false });
    const t0 = Date.now();
    const closedMs = await new Promise<number>((resolve, reject) => {
      manager.open((err) => {
        if (err) reject(err);
      });
      manager.on('close', () => resolve(Date.now() - t0));
    });
    expect(closedMs).toBeGreaterThanOrEqual(400);
    expect(closedMs).toBeLessThan(2000);
  });

  it('keeps a connected socket open past every timeout above (its heartbeat keeps it alive)', async () => {
    const server = await start({ config: { limits: { ...fast, pingIntervalMs: 200, pingTimeoutMs: 200 } } });
    const w = await createWorkshop(server, workshopBody);
    const host = await connectHost(server, w);
    await settle(1500);
    expect(host.connected).toBe(true);
    expect(await mustAck(host, 'value:add', { title: 'Still here' })).toMatchObject({ valueId: expect.any(String) });
  });
});
