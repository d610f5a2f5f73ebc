/**
 * `npm run bench [-- --phones N]`: a room of N phones (default 300) and a board against a real
 * server process (server/main.ts, PORT=0, a temporary DATA_DIR), over socket.io websockets on
 * loopback. Prints connection and join rates, the answer-burst ack latencies and throughput,
 * how the board's updates were coalesced during the burst, their size, and the server's RSS.
 * Bounded: gives up after BENCH_DEADLINE_MS and always stops the server it started.
 * Not part of `npm test`: the figures depend on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { BROADCAST_COALESCE_MS } from '../../server/sockets/broadcaster.js';
import {
  PROTOCOL_VERSION,
  type AckResult,
  type ClientToServerEvents,
  type CreateWorkshopResponse,
  type HostView,
  type PublicView,
  type ServerToClientEvents,
} from '../../shared/index.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DEADLINE_MS = 180_000;
const STEP_TIMEOUT_MS = 60_000;
/** Phones are opened this many at a time, as a room fills up in waves, not all in one tick. */
const CONNECT_WAVE = 100;

function phonesArg(argv: string[]): number {
  const i = argv.indexOf('--phones');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--phones='))?.slice('--phones='.length);
  const n = raw === undefined ? 300 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new Error(`--phones must be 1..5000, got ${raw}`);
  return n;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const rate = (n: number, elapsedMs: number) => `${Math.round((n * 1000) / elapsedMs)}/s`;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function within<T>(p: Promise<T>, what: string, timeoutMs = STEP_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no result within ${timeoutMs} ms`)), timeoutMs);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repo,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await within(
    new Promise<number>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
    }),
    'server start',
  );
  return { child, url: `http://127.0.0.1:${port}` };
}

/** The snapshot each socket got on connect (it can arrive before anyone listens). */
const snapshots = new WeakMap<Client, Map<string, unknown>>();

function connect(url: string, auth: Record<string, unknown>): Promise<Client> {
  const socket: Client = io(url, { auth: { protocol: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false });
  const seen = new Map<string, unknown>();
  snapshots.set(socket, seen);
  socket.onAny((event: string, payload: unknown) => {
    if (!seen.has(event)) seen.set(event, payload);
  });
  socket.connect();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

function ack<T>(socket: Client, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    (socket.emit as unknown as (e: string, p: unknown, cb: (r: AckResult<T>) => void) => void)(event, payload, (r) =>
      r.ok ? resolve(r.data) : reject(new Error(`${event}: ${r.error.code} ${r.error.message}`)),
    );
  });
}

function nextView<T>(socket: Client, event: 'workshop:public' | 'workshop:host', predicate: (v: T) => boolean, what: string): Promise<T> {
  const on = socket.on.bind(socket) as unknown as (e: string, l: (v: T) => void) => void;
  const off = socket.off.bind(socket) as unknown as (e: string, l: (v: T) => void) => void;
  return within(
    new Promise<T>((resolve) => {
      const listener = (v: T) => {
        if (!predicate(v)) return;
        off(event, listener);
        resolve(v);
      };
      on(event, listener);
    }),
    what,
  );
}

async function bench(phones: number, server: { child: ChildProcess; url: string }, sockets: Client[]): Promise<void> {
  const pid = server.child.pid as number;
  const rssIdle = rssMb(pid);
  const res = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Bench', template: 'heat-transition' }) });
  const w = (await res.json()) as CreateWorkshopResponse;
  const host = await connect(server.url, { code: w.code, hostToken: w.hostToken });
  const board = await connect(server.url, { code: w.code });
  sockets.push(host, board);
  const initial = (snapshots.get(host)?.get('workshop:host') as HostView | undefined) ?? (await nextView<HostView>(host, 'workshop:host', () => true, 'host snapshot'));
  const dots = initial.activities.find((a) => a.kind === 'dots')?.id as string;
  const valueIds = initial.values.map((v) => v.id);
  const groupIds = initial.groups.map((g) => g.id);
  await ack(host, 'agenda:goto', { activityId: dots });

  // ---- Connections.
  const phoneSockets: Client[] = [];
  const t0 = performance.now();
  for (let i = 0; i < phones; i += CONNECT_WAVE) {
    const wave = await within(Promise.all(Array.from({ length: Math.min(CONNECT_WAVE, phones - i) }, () => connect(server.url, { code: w.code }))), 'connect');
    phoneSockets.push(...wave);
    sockets.push(...wave);
  }
  const connectMs = performance.now() - t0;

  // ---- Joins (each changes the public view: coalesced broadcasts to everyone meanwhile).
  const joined = nextView<PublicView>(board, 'workshop:public', (v) => v.participation.total === phones, 'everyone joined');
  const t1 = performance.now();
  await within(Promise.all(phoneSockets.map((s, i) => ack(s, 'participant:join', { groupId: groupIds[i % groupIds.length] }))), 'joins');
  const joinMs = performance.now() - t1;
  await joined;
  await new Promise((r) => setTimeout(r, 500));
  const rssJoined = rssMb(pid);

  // ---- The burst: every phone submits a dots answer at the same moment.
  const boardUpdates: { at: number; bytes: number }[] = [];
  board.on('workshop:public', (v) => boardUpdates.push({ at: performance.now(), bytes: Buffer.byteLength(JSON.stringify(v)) }));
  let rssPeak = rssJoined;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 50);
  const counted = nextView<PublicView>(board, 'workshop:public', (v) => v.answerCounts[dots]?.total === phones, 'every answer on the board');
  const t2 = performance.now();
  const latencies = await within(
    Promise.all(
      phoneSockets.map(async (s, i) => {
        const sent = performance.now();
        const answer = { kind: 'dots', dots: { [valueIds[i % valueIds.length] as string]: 3, [valueIds[(i * 7 + 1) % valueIds.length] as string]: 2 } };
        await ack(s, 'answer:submit', { activityId: dots, answerId: `bench-${i}`, answer });
        return performance.now() - sent;
      }),
    ),
    'answers',
  );
  const burstMs = performance.now() - t2;
  await counted;
  const boardDoneMs = performance.now() - t2;
  clearInterval(sampler);
  const during = boardUpdates.filter((u) => u.at >= t2);
  const sorted = [...latencies].sort((a, b) => a - b);

  console.log(`\nRaakvlak bench: ${phones} phones + 1 board + 1 host, websocket on loopback, server pid ${pid}, Node ${process.version}, ${os.cpus().length} CPUs`);
  console.log(`connections       ${phones} in ${ms(connectMs)} → ${rate(phones, connectMs)}`);
  console.log(`join acks         ${phones} in ${ms(joinMs)} → ${rate(phones, joinMs)}`);
  console.log(`answer burst      ${phones} answers acked in ${ms(burstMs)} → ${rate(phones, burstMs)}`);
  console.log(`ack latency       p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? NaN)}`);
  console.log(`board updates     ${during.length} from the burst's start until it showed all ${phones} answers (${ms(boardDoneMs)}); coalescing allows at most ${Math.ceil(boardDoneMs / BROADCAST_COALESCE_MS)} (one per ${BROADCAST_COALESCE_MS} ms), not one per answer`);
  const bytes = during.map((u) => u.bytes);
  console.log(`bytes per update  mean ${Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length))} B (JSON payload; min ${Math.min(...bytes)}, max ${Math.max(...bytes)})`);
  console.log(`server RSS        idle ${rssIdle.toFixed(1)} MB, after joins ${rssJoined.toFixed(1)} MB, peak in burst ${rssPeak.toFixed(1)} MB`);
}

async function main(): Promise<void> {
  const phones = phonesArg(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-bench-'));
  const sockets: Client[] = [];
  let server: { child: ChildProcess; url: string } | null = null;
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${BENCH_DEADLINE_MS} ms`);
    server?.child.kill('SIGKILL');
    process.exit(1);
  }, BENCH_DEADLINE_MS);
  let failed = false;
  try {
    server = await startServer(dataDir);
    await bench(phones, server, sockets);
  } catch (err) {
    failed = true;
    console.error('bench failed:', err);
  } finally {
    for (const s of sockets) s.disconnect();
    if (server && server.child.exitCode === null) {
      const exited = new Promise((r) => server?.child.once('exit', r));
      server.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(deadline);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
