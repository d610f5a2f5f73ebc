import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { io as connectClient } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type JoinAddress, type JoinAddressOptions, type WorkshopSummary } from '../../shared/index.js';
import { createApp, type AppConfig, type RaakvlakApp } from '../../server/app.js';
import { databaseFile } from '../../server/env.js';
import { silentLogger, type Logger } from '../../server/logger.js';
import { logJoinAddresses } from '../../server/serve.js';
import { lanAddresses, type InterfaceTable } from '../../server/http/origins.js';
import { PERMISSIONS_POLICY } from '../../server/http/security.js';
import { SqliteStore } from '../../server/store/sqliteStore.js';
import { createWorkshop, serverPool, tempDataDir, type ClientSocket } from './harness.js';

/**
 * The HTTP and socket hardening of issue 9 against a real server: security headers on every
 * kind of answer, foreign Origins refused for sockets, join links and QR codes never taken
 * from a spoofed Host header, and the LAN address detection of the laptop mode.
 */

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false): os.NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as os.NetworkInterfaceInfo;

/** A laptop on a venue Wi-Fi with Docker installed, a VPN and an Ethernet port. */
const LAPTOP: InterfaceTable = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  docker0: [iface('172.17.0.1', 'IPv4')],
  'br-5f2a9c': [iface('172.18.0.1', 'IPv4')],
  eth0: [iface('10.0.0.5', 'IPv4'), iface('fe80::1c2d:3e4f', 'IPv6'), iface('2001:db8::5', 'IPv6')],
  wlan0: [iface('169.254.3.4', 'IPv4'), iface('192.168.1.23', 'IPv4')],
  tun0: [iface('100.64.1.2', 'IPv4')],
  enx00e04c: [iface('172.20.1.1', 'IPv4')],
};

describe('LAN address detection (pure)', () => {
  it('puts 192.168, then 10, then 172.16/12, then other IPv4 first; skips loopback, link-local and container bridges', () => {
    expect(lanAddresses(LAPTOP)).toEqual([
      { address: '192.168.1.23', family: 'IPv4', interface: 'wlan0' },
      { address: '10.0.0.5', family: 'IPv4', interface: 'eth0' },
      { address: '172.20.1.1', family: 'IPv4', interface: 'enx00e04c' },
      { address: '100.64.1.2', family: 'IPv4', interface: 'tun0' },
    ]);
  });

  it('adds global IPv6 addresses last only when the server listens on IPv6, never link-local ones', () => {
    expect(lanAddresses(LAPTOP, { ipv6: true }).map((a) => a.address)).toEqual(['192.168.1.23', '10.0.0.5', '172.20.1.1', '100.64.1.2', '2001:db8::5']);
  });

  it('finds nothing on a machine with only loopback', () => {
    expect(lanAddresses({ lo: [iface('127.0.0.1', 'IPv4', true)] })).toEqual([]);
  });

  it('keeps the OS order within a rank and lists an address once', () => {
    const table: InterfaceTable = { 'Wi-Fi': [iface('192.168.2.10', 'IPv4')], 'Local Area Connection* 10': [iface('192.168.137.1', 'IPv4')], dup: [iface('192.168.2.10', 'IPv4')] };
    expect(lanAddresses(table).map((a) => `${a.interface}=${a.address}`)).toEqual(['Wi-Fi=192.168.2.10', 'Local Area Connection* 10=192.168.137.1']);
  });
});

/** A GET (or other method) with headers fetch() would not send, such as a spoofed Host. */
function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

interface Started {
  url: string;
  port: number;
  origins: RaakvlakApp['origins'];
  close(): Promise<void>;
}
const originsOf = (s: Started) => s.origins;
const started: Started[] = [];
afterAll(async () => {
  for (const s of started.splice(0)) await s.close();
});

/** A server listening on every interface (as `npm start` does by default), with a fake interface table. */
async function startOnAllInterfaces(config: AppConfig = {}, table: InterfaceTable = LAPTOP): Promise<Started> {
  const store = new SqliteStore(databaseFile(tempDataDir()));
  const app = createApp({ store, config: { logger: silentLogger, networkInterfaces: () => table, ...config } });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '0.0.0.0', resolve));
  const port = (app.httpServer.address() as AddressInfo).port;
  const s: Started = {
    url: `http://127.0.0.1:${port}`,
    port,
    origins: app.origins,
    async close() {
      await app.close();
      store.close();
    },
  };
  started.push(s);
  return s;
}

const qrFor = (url: string) => QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

/** A built client in miniature: the SPA page and one hashed asset. */
function fakeClient(): string {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const CSP = (port: number) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} wss://127.0.0.1:${port}`,
    "manifest-src 'self'",
    "worker-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join(';');

describe('security headers', () => {
  const start = serverPool();

  it('are on every kind of answer, with exact values', async () => {
    const server = await start({ config: { clientDir: fakeClient() } });
    const w = await createWorkshop(server, { title: 'Headers' });
    const kinds: [string, { path: string; method?: string; headers?: Record<string, string>; body?: string }, number][] = [
      ['API JSON', { path: `/api/workshops/${w.code}` }, 200],
      ['API 404', { path: '/api/workshops/ZZZZZZ' }, 404],
      ['unknown API path', { path: '/api/nope' }, 404],
      ['QR code', { path: `/api/workshops/${w.code}/qr.svg` }, 200],
      ['static asset', { path: '/assets/app-abc123.js' }, 200],
      ['static file', { path: '/favicon.svg' }, 200],
      ['SPA fallback', { path: `/f/${w.code}` }, 200],
      ['healthz', { path: '/healthz' }, 200],
      ['bad JSON (error handler)', { path: '/api/workshops', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }, 400],
      ['export without token', { path: `/api/workshops/${w.code}/export` }, 401],
    ];
    for (const [kind, req, status] of kinds) {
      const res = await request(server.url + req.path, req);
      expect(res.status, kind).toBe(status);
      expect(res.headers['content-security-policy'], kind).toBe(CSP(server.port));
      expect(res.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(res.headers['referrer-policy'], kind).toBe('no-referrer');
      expect(res.headers['x-frame-options'], kind).toBe('DENY');
      expect(res.headers['permissions-policy'], kind).toBe(PERMISSIONS_POLICY);
      expect(res.headers['cross-origin-opener-policy'], kind).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy'], kind).toBe('same-origin');
      expect(res.headers['origin-agent-cluster'], kind).toBe('?1');
      expect(res.headers['x-dns-prefetch-control'], kind).toBe('off');
      expect(res.headers['x-download-options'], kind).toBe('noopen');
      expect(res.headers['x-permitted-cross-domain-policies'], kind).toBe('none');
      expect(res.headers['x-xss-protection'], kind).toBe('0');
      // Plain http (the laptop mode): no HSTS, and no x-powered-by.
      expect(res.headers['strict-transport-security'], kind).toBeUndefined();
      expect(res.headers['x-powered-by'], kind).toBeUndefined();
    }
    expect(PERMISSIONS_POLICY).toContain('camera=()');
    expect(PERMISSIONS_POLICY).toContain('microphone=()');
    expect(PERMISSIONS_POLICY).toContain('geolocation=()');
  });

  it('socket.io answers over HTTP carry nosniff and refuse framing too', async () => {
    const server = await start();
    const res = await request(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('a Host header that is not a host adds nothing to the policy', async () => {
    const server = await start();
    const res = await request(`${server.url}/healthz`, { headers: { Host: "x script-src 'unsafe-inline'" } });
    expect(res.headers['content-security-policy']).toContain("connect-src 'self';");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('HSTS only when PUBLIC_URL is https', async () => {
    const server = await start({ config: { publicUrl: 'https://raakvlak.example' } });
    const res = await request(`${server.url}/healthz`);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

/** Opens a socket with an Origin header (a browser page sends one; Node clients do not). */
function socketWith(url: string, auth: Record<string, unknown>, origin: string | undefined, transport: 'websocket' | 'polling' = 'websocket'): Promise<{ ok: true; socket: ClientSocket } | { ok: false; error: string }> {
  const socket: ClientSocket = connectClient(url, {
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    transports: [transport],
    forceNew: true,
    reconnection: false,
    ...(origin ? { extraHeaders: { Origin: origin } } : {}),
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (err) => {
      socket.close();
      resolve({ ok: false, error: err.message });
    });
  });
}

describe('socket Origin check', () => {
  const start = serverPool();
  const opened: ClientSocket[] = [];
  afterAll(() => opened.forEach((s) => s.close()));
  const expectAllowed = async (p: ReturnType<typeof socketWith>) => {
    const r = await p;
    expect(r.ok).toBe(true);
    if (r.ok) opened.push(r.socket);
  };

  it('refuses a page on another site, as a participant and as the host, over websocket and polling', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Origins' });
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await socketWith(server.url, { code: w.code, view: 'phone' }, 'https://evil.example', transport)).toMatchObject({ ok: false });
      expect(await socketWith(server.url, { code: w.code, hostToken: w.hostToken }, 'https://evil.example', transport)).toMatchObject({ ok: false });
    }
    // The engine refuses before any socket.io handshake: the HTTP answer is 403.
    const raw = await request(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: 'https://evil.example' } });
    expect(raw.status).toBe(403);
  });

  it('refuses a page whose own name was rebound to this server (Origin matches Host, but the name is not ours)', async () => {
    const server = await start();
    const raw = await request(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: `http://rebind.evil.example:${server.port}`, Host: `rebind.evil.example:${server.port}` } });
    expect(raw.status).toBe(403);
  });

  it('allows the same origin, clients without an Origin, PUBLIC_URL and ALLOWED_ORIGINS', async () => {
    const server = await start({ config: { publicUrl: 'https://raakvlak.example', allowedOrigins: ['https://kiosk.example'] } });
    const w = await createWorkshop(server, { title: 'Origins' });
    await expectAllowed(socketWith(server.url, { code: w.code, view: 'phone' }, server.url));
    await expectAllowed(socketWith(server.url, { code: w.code, hostToken: w.hostToken }, server.url));
    await expectAllowed(socketWith(server.url, { code: w.code, view: 'phone' }, undefined));
    await expectAllowed(socketWith(server.url, { code: w.code, view: 'board' }, 'https://raakvlak.example'));
    await expectAllowed(socketWith(server.url, { code: w.code, view: 'board' }, 'https://kiosk.example'));
    expect(await socketWith(server.url, { code: w.code, view: 'board' }, 'https://raakvlak.example.evil.example')).toMatchObject({ ok: false });
  });

  it('allows a page opened at one of the offered LAN addresses', async () => {
    const server = await startOnAllInterfaces();
    const raw = await request(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: `http://192.168.1.23:${server.port}`, Host: `192.168.1.23:${server.port}` } });
    expect(raw.status).toBe(200);
  });
});

describe('join links never come from the Host header', () => {
  const start = serverPool();
  const SPOOF = { Host: 'evil.example' };

  it('bound to loopback only: the loopback origin, reported as unreachable, whatever Host says', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Spoof' });
    const expected = `${server.url}/j/${w.code}`;
    const summary = JSON.parse((await request(`${server.url}/api/workshops/${w.code}`, { headers: SPOOF })).body) as WorkshopSummary;
    expect(summary.joinUrl).toBe(expected);
    const created = JSON.parse(
      (await request(`${server.url}/api/workshops`, { method: 'POST', headers: { ...SPOOF, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Spoofed' }) })).body,
    ) as { joinUrl: string; code: string };
    expect(created.joinUrl).toBe(`${server.url}/j/${created.code}`);
    const address = JSON.parse((await request(`${server.url}/api/workshops/${w.code}/join-address`, { headers: SPOOF })).body) as JoinAddress;
    expect(address).toEqual({ joinUrl: expected, reachable: false });
    const qr = await request(`${server.url}/api/workshops/${w.code}/qr.svg`, { headers: SPOOF });
    expect(qr.body).toBe(await qrFor(expected));
    expect(qr.body).not.toBe(await qrFor(`http://evil.example/j/${w.code}`));
    expect(qr.headers['cache-control']).toBe('private, no-store');
  });

  it('on every interface: the best LAN address; a Host naming another offered LAN address or an ALLOWED_HOSTS name is used as-is', async () => {
    const server = await startOnAllInterfaces({ allowedHosts: ['raakvlak.local'] });
    const w = await createWorkshop(server, { title: 'LAN' });
    const summaryFor = async (host: string) => (JSON.parse((await request(`${server.url}/api/workshops/${w.code}`, { headers: { Host: host } })).body) as WorkshopSummary).joinUrl;
    expect(await summaryFor('evil.example')).toBe(`http://192.168.1.23:${server.port}/j/${w.code}`);
    expect(await summaryFor(`127.0.0.1:${server.port}`)).toBe(`http://192.168.1.23:${server.port}/j/${w.code}`);
    expect(await summaryFor(`10.0.0.5:${server.port}`)).toBe(`http://10.0.0.5:${server.port}/j/${w.code}`);
    expect(await summaryFor(`raakvlak.local:${server.port}`)).toBe(`http://raakvlak.local:${server.port}/j/${w.code}`);
    expect(await summaryFor('raakvlak.local.evil.example')).toBe(`http://192.168.1.23:${server.port}/j/${w.code}`);
    const qr = await request(`${server.url}/api/workshops/${w.code}/qr.svg`, { headers: SPOOF });
    expect(qr.body).toBe(await qrFor(`http://192.168.1.23:${server.port}/j/${w.code}`));
    const address = JSON.parse((await request(`${server.url}/api/workshops/${w.code}/join-address`)).body) as JoinAddress;
    expect(address).toEqual({ joinUrl: `http://192.168.1.23:${server.port}/j/${w.code}`, reachable: true });
  });

  it('with no network at all: loopback, unreachable', async () => {
    const server = await startOnAllInterfaces({}, { lo: [iface('127.0.0.1', 'IPv4', true)] });
    const w = await createWorkshop(server, { title: 'Offline' });
    const address = JSON.parse((await request(`${server.url}/api/workshops/${w.code}/join-address`, { headers: SPOOF })).body) as JoinAddress;
    expect(address).toEqual({ joinUrl: `http://localhost:${server.port}/j/${w.code}`, reachable: false });
  });

  it('PUBLIC_URL wins over the LAN addresses, ALLOWED_HOSTS and the Host header', async () => {
    const server = await startOnAllInterfaces({ publicUrl: 'https://raakvlak.example', allowedHosts: ['raakvlak.local'] });
    const w = await createWorkshop(server, { title: 'Public' });
    for (const host of ['evil.example', `raakvlak.local:${server.port}`, `192.168.1.23:${server.port}`]) {
      const s = JSON.parse((await request(`${server.url}/api/workshops/${w.code}`, { headers: { Host: host } })).body) as WorkshopSummary;
      expect(s.joinUrl).toBe(`https://raakvlak.example/j/${w.code}`);
    }
  });
});

describe('the startup log', () => {
  const collect = () => {
    const lines: string[] = [];
    const logger: Logger = { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
    return { lines, logger };
  };

  it('names where phones join, best address first, and the others the console offers', async () => {
    const server = await startOnAllInterfaces({}, { lo: [iface('127.0.0.1', 'IPv4', true)], wlan0: [iface('192.168.1.23', 'IPv4')], ap0: [iface('10.42.0.1', 'IPv4')] });
    const { lines, logger } = collect();
    logJoinAddresses(originsOf(server), logger);
    expect(lines).toEqual([`info Phones join at http://192.168.1.23:${server.port}/join (wlan0)`, `info   also offered in the console: http://10.42.0.1:${server.port} (ap0)`]);
  });

  it('says clearly when no phone can reach the machine', async () => {
    const server = await startOnAllInterfaces({}, { lo: [iface('127.0.0.1', 'IPv4', true)] });
    const { lines, logger } = collect();
    logJoinAddresses(originsOf(server), logger);
    expect(lines).toEqual([
      'warn Phones cannot reach this computer: no network found (only loopback). Connect to a Wi-Fi or start a hotspot; the board shows the address once there is one.',
    ]);
  });
});

describe('the facilitator picks the join address', () => {
  it('only one of the offered origins, with the host token; the summary, the QR code and the boards follow', async () => {
    const server = await startOnAllInterfaces();
    const w = await createWorkshop(server, { title: 'Pick' });
    const options = `${server.url}/api/workshops/${w.code}/join-address/options`;
    const auth = { Authorization: `Bearer ${w.hostToken}`, 'content-type': 'application/json' };

    expect((await request(options)).status).toBe(401);
    expect((await request(options, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ origin: `http://10.0.0.5:${server.port}` }) })).status).toBe(401);
    const listed = JSON.parse((await request(options, { headers: auth })).body) as JoinAddressOptions;
    expect(listed.offered.map((o) => o.origin)).toEqual([`http://192.168.1.23:${server.port}`, `http://10.0.0.5:${server.port}`, `http://172.20.1.1:${server.port}`, `http://100.64.1.2:${server.port}`]);
    expect(listed.offered[0]).toEqual({ origin: `http://192.168.1.23:${server.port}`, kind: 'lan', interface: 'wlan0' });
    expect(listed.origin).toBe(`http://192.168.1.23:${server.port}`);

    const board = await socketWith(server.url, { code: w.code, view: 'board' }, undefined);
    if (!board.ok) throw new Error(board.error);
    const event = new Promise<JoinAddress>((resolve) => board.socket.once('workshop:joinAddress', resolve));

    // Anything not offered is refused and changes nothing.
    for (const origin of ['http://evil.example', `http://172.17.0.1:${server.port}`, 'javascript:alert(1)', 42]) {
      const res = await request(options, { method: 'PUT', headers: auth, body: JSON.stringify({ origin }) });
      expect(res.status, String(origin)).toBe(400);
    }
    expect((JSON.parse((await request(`${server.url}/api/workshops/${w.code}`)).body) as WorkshopSummary).joinUrl).toBe(`http://192.168.1.23:${server.port}/j/${w.code}`);

    const picked = await request(options, { method: 'PUT', headers: auth, body: JSON.stringify({ origin: `http://10.0.0.5:${server.port}/` }) });
    expect(picked.status).toBe(200);
    const hotspot = `http://10.0.0.5:${server.port}/j/${w.code}`;
    expect(JSON.parse(picked.body)).toMatchObject({ joinUrl: hotspot, reachable: true, origin: `http://10.0.0.5:${server.port}` });
    expect(await event).toEqual({ joinUrl: hotspot, reachable: true });
    expect((JSON.parse((await request(`${server.url}/api/workshops/${w.code}`, { headers: { Host: 'evil.example' } })).body) as WorkshopSummary).joinUrl).toBe(hotspot);
    expect((await request(`${server.url}/api/workshops/${w.code}/qr.svg`)).body).toBe(await qrFor(hotspot));
    board.socket.close();

    // Another workshop on the same server keeps the default.
    const other = await createWorkshop(server, { title: 'Other' });
    expect(other.joinUrl).toBe(`http://192.168.1.23:${server.port}/j/${other.code}`);
  });
});
