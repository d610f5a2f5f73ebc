/**
 * `npm run bench`: the town-hall benchmark. Starts the Raakvlak server in its own process on a
 * temporary data directory (a fresh one per scenario), drives it from forked load processes
 * (load.ts) over socket.io websockets on loopback, prints a table row per measurement and
 * writes the figures into docs/performance.md between its markers. Scenarios: join ramp, open-
 * loop vote bursts (fresh and full agenda), closed loop against a bare socket.io server, many
 * workshops at once, reconnect storm, restart after kill -9, the participant page's size.
 *
 * BENCH_QUICK=1: small N and short windows, for development; it prints the tables and writes
 * the document to a temporary file instead (BENCH_DOC=<path> writes it anywhere).
 * Bounded: every step has a timeout, the whole run a deadline, and every process it started
 * is killed on the way out. Not part of `npm test`: the figures depend on the machine.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { cpuMs, memoryMb, mean, now, percentile, schedMs, sleep, within, type AnswerResult, type AnswerSpec, type ClosedLoopResult, type CountersResult, type JoinResult, type PhoneRef, type ReconnectResult } from './common.js';
import { freePort, kill9, killAll, LoadProcess, repo, startServer, stop, type ServerProcess } from './procs.js';
import {
  burstTable,
  bundleTable,
  closedTable,
  rampTable,
  targetTable,
  restartTable,
  roomsTable,
  stormTable,
  writeDoc,
  type BurstRow,
  type BundleRow,
  type ClosedRow,
  type Results,
  type RestartRow,
  type RoomsRow,
  type StormRow,
} from './report.js';
import { answered, Room, Watched } from './room.js';

const QUICK = process.env.BENCH_QUICK === '1';
/** The server as `npm start` runs it: the bundle `npm run build:server` makes, under plain node. */
const SERVER_ENTRY = 'dist/server/main.js';
execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: repo, stdio: 'inherit' });
/** BENCH_ONLY=fresh,full,rooms,bundle runs only those parts (development). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'fresh,full,rooms,bundle').split(','));
const CONFIG = QUICK
  ? { sizes: [100, 200], closedSizes: [100, 200], windowMs: 3000, closedMs: 3000, full: { participants: 200, stories: 50 }, rooms: Number(process.env.BENCH_ROOMS ?? 10), roomPhones: 20, deadlineMs: 10 * 60_000 }
  : { sizes: [250, 500, 1000, 2000], closedSizes: [500, 2000], windowMs: 10_000, closedMs: 5000, full: { participants: 2000, stories: 500 }, rooms: 100, roomPhones: 20, deadlineMs: 30 * 60_000 };
const LOAD_PROCESSES = 2;
/** Phones connecting at once per load process. */
const CONNECT_CONCURRENCY = 50;
/**
 * The bench measures how fast the server takes a whole room that arrives at once: 2,000 phones
 * joining as fast as 100 connections can (several hundred a second), 100 rooms at once, storms.
 * A real room arrives at most ~50 phones a second, and the default join limits (200 per 3 s
 * per address, 1,000 per 10 s per workshop; docs/security.md) would slow this simulated one
 * down, so they and the per-address socket and visitor limits are raised here, for the bench
 * only. Command limits stay at their defaults: the closed loop is paced under them.
 */
const BENCH_LIMITS = {
  LIMIT_JOINS_PER_ADDRESS: '100000/1s',
  LIMIT_JOINS_PER_WORKSHOP: '100000/1s',
  LIMIT_VISITOR_COMMANDS_PER_ADDRESS: '100000/1s',
  LIMIT_NEW_SOCKETS_PER_ADDRESS: '100000/1s',
  LIMIT_SOCKETS_PER_ADDRESS: '100000',
};
const GROUPS = ['Bewoners', 'Gemeente', 'Woningcorporatie', 'Netbeheerder', 'Bedrijven'];
const FULL_VALUES = 20;
const STEP_MS = 120_000;
/**
 * A closed-loop phone sends at most one answer per this many ms: just under the server's
 * per-participant limit (20 commands per second), so the loop measures the server, not refusals.
 * The same pacing drives the bare server.
 */
const CLOSED_MIN_INTERVAL_MS = 52;
/** Indices of the phones that talk to the bare server, apart from Raakvlak's. */
const BARE_BASE = 1_000_000;
const DOC = process.env.BENCH_DOC ?? (QUICK ? path.join(os.tmpdir(), 'raakvlak-bench-quick.md') : path.join(repo, 'docs/performance.md'));

/** Every run's raw figures, so `BENCH_RENDER=<file>` can write the document again without measuring. */
const RESULTS_JSON = path.join(os.tmpdir(), `raakvlak-bench-results${QUICK ? '-quick' : ''}.json`);

const results: Results = {
  quick: QUICK,
  command: QUICK ? 'BENCH_QUICK=1 npm run bench' : 'npm run bench',
  startedAt: new Date(),
  finishedAt: null,
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg(),
  },
  loadProcesses: LOAD_PROCESSES,
  revision: revision(),
  failures: [],
  ramp: [],
  bursts: [],
  closed: [],
  rooms: [],
  storms: [],
  restart: null,
  bundle: null,
  full: null,
};

/** The commit measured, and whether the working tree had uncommitted changes on top of it. */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'server', 'shared'], { cwd: repo, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes in server/ or shared/` : head;
  } catch {
    return 'unknown';
  }
}

let loads: LoadProcess[] = [];
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const loadOf = (index: number) => loads[index % loads.length] as LoadProcess;

/** Splits phone indices over the load processes (phone i lives in load i mod L) and gathers the replies. */
async function onLoads<T>(indices: number[], make: (mine: number[]) => Parameters<LoadProcess['request']>[0], timeoutMs = STEP_MS): Promise<T[]> {
  const byLoad = new Map<LoadProcess, number[]>();
  for (const i of indices) {
    const l = loadOf(i);
    const list = byLoad.get(l) ?? [];
    list.push(i);
    byLoad.set(l, list);
  }
  return Promise.all([...byLoad].map(([l, mine]) => l.request<T>(make(mine), timeoutMs)));
}

const loadCpu = () => loads.reduce((a, l) => a + cpuMs(l.pid), 0);

/** Samples the server's RSS every 100 ms until stopped; returns the peak. */
function rssSampler(pid: number): () => number {
  let peak = memoryMb(pid).rss;
  const t = setInterval(() => (peak = Math.max(peak, memoryMb(pid).rss)), 100);
  return () => {
    clearInterval(t);
    return Math.max(peak, memoryMb(pid).rss);
  };
}

async function join(url: string, phones: PhoneRef[]): Promise<JoinResult> {
  const parts = await onLoads<JoinResult>(phones.map((p) => p.index), (mine) => {
    const set = new Set(mine);
    return { op: 'join', url, phones: phones.filter((p) => set.has(p.index)), concurrency: CONNECT_CONCURRENCY, timeoutMs: 60_000 };
  });
  return { connectMs: parts.flatMap((p) => p.connectMs), joinedMs: parts.flatMap((p) => p.joinedMs), retries: parts.reduce((a, p) => a + p.retries, 0), errors: parts.flatMap((p) => p.errors) };
}

const refs = (room: Room, indices: number[]): PhoneRef[] => {
  const groups = room.groupIds;
  return indices.map((index, i) => ({ index, code: room.code, groupId: groups[i % groups.length] as string }));
};

function print(title: string, text: string): void {
  console.log(`\n${title}\n${text}`);
}

async function rampRow(server: ServerProcess, room: Room, n: number): Promise<void> {
  const cpu0 = cpuMs(server.pid);
  const t0 = now();
  const boardAll = room.board.when('workshop:public', (v) => (v.participation?.total ?? 0) >= n, STEP_MS, 'board shows every participant');
  const r = await join(server.url, refs(room, range(0, n)));
  const elapsedMs = now() - t0;
  const boardAt = await boardAll.catch(() => NaN);
  const row = {
    loadAvg: os.loadavg()[0] as number,
    n,
    elapsedMs,
    joinsPerSecond: (r.joinedMs.length * 1000) / elapsedMs,
    connectP50: percentile(r.connectMs, 50),
    connectP99: percentile(r.connectMs, 99),
    joinedP99: percentile(r.joinedMs, 99),
    boardMs: boardAt - t0,
    serverCpuMs: cpuMs(server.pid) - cpu0,
    rssMb: memoryMb(server.pid).rss,
    retries: r.retries,
    errors: r.errors.length,
  };
  results.ramp.push(row);
  print('join ramp', rampTable([row]));
  if (r.errors.length) console.log(`  first errors: ${r.errors.slice(0, 3).join('; ')}`);
}

/** One open-loop burst: a new activity of `kind`, phones [0, n) answer once each in the window. */
async function burst(server: ServerProcess, room: Room, agenda: 'fresh' | 'full', n: number, kind: AnswerSpec['kind']): Promise<void> {
  const spec = await room.addAndOpen(kind);
  const indices = range(0, n);
  await sleep(300);
  await onLoads<CountersResult>(indices, (mine) => ({ op: 'resetCounters', indices: mine }));
  const boardDone = room.board.when('workshop:public', answered(spec.activityId, n), STEP_MS, 'board shows every answer');
  const consoleDone = room.host.when('workshop:host', answered(spec.activityId, n), STEP_MS, 'console shows every answer');
  const peak = rssSampler(server.pid);
  const cpu0 = cpuMs(server.pid);
  const wait0 = schedMs(server.pid).waitMs;
  const load0 = loadCpu();
  const startAt = now() + 200;
  const parts = await onLoads<AnswerResult>(indices, (mine) => ({ op: 'answer', indices: mine, spec, startAt, windowMs: CONFIG.windowMs, concurrency: 0, timeoutMs: 60_000 }), CONFIG.windowMs + STEP_MS);
  const [boardAt, consoleAt] = await Promise.all([boardDone.catch(() => NaN), consoleDone.catch(() => NaN)]);
  const span = Math.max(now(), Number.isFinite(boardAt) ? boardAt : 0) - startAt;
  const serverCpu = cpuMs(server.pid) - cpu0;
  const serverWait = schedMs(server.pid).waitMs - wait0;
  const loadUsed = loadCpu() - load0;
  const peakRss = peak();
  const counters = await onLoads<CountersResult>(indices, (mine) => ({ op: 'counters', indices: mine }));
  const latencies = parts.flatMap((p) => p.latencies);
  const errors = parts.flatMap((p) => p.errors);
  const lastAck = Math.max(...parts.map((p) => p.lastAckAt));
  const bytes = counters.flatMap((c) => c.bytes);
  const row: BurstRow = {
    loadAvg: os.loadavg()[0] as number,
    agenda,
    n,
    kind,
    windowMs: CONFIG.windowMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    boardLagMs: boardAt - lastAck,
    consoleLagMs: consoleAt - lastAck,
    cpuPerAnswerMs: serverCpu / n,
    serverCorePct: (serverCpu / span) * 100,
    serverWaitPct: (serverWait / span) * 100,
    loadCorePct: (loadUsed / span) * 100,
    peakRssMb: peakRss,
    bytesPerPhone: mean(bytes),
    bytesMaxPhone: Math.max(...bytes),
    messagesPerPhone: mean(counters.flatMap((c) => c.messages)),
    errors: errors.length,
  };
  results.bursts.push(row);
  print(`burst (${agenda}, ${n}, ${kind})`, burstTable([row]));
  if (errors.length) console.log(`  first errors: ${errors.slice(0, 3).join('; ')}`);
}

async function closedLoopRate(url: string, indices: number[], spec: AnswerSpec, pids: { server: number }): Promise<{ perSecond: number; p99: number; refused: number; serverCorePct: number; serverWaitPct: number; loadCorePct: number }> {
  const cpu0 = cpuMs(pids.server);
  const wait0 = schedMs(pids.server).waitMs;
  const load0 = loadCpu();
  const t0 = now();
  const parts = await onLoads<ClosedLoopResult>(indices, (mine) => ({ op: 'closedLoop', indices: mine, spec, durationMs: CONFIG.closedMs, minIntervalMs: CLOSED_MIN_INTERVAL_MS, timeoutMs: 30_000 }), CONFIG.closedMs + STEP_MS);
  const span = now() - t0;
  const ok = parts.reduce((a, p) => a + p.ok, 0);
  const elapsed = Math.max(...parts.map((p) => p.elapsedMs));
  const errors = parts.flatMap((p) => p.errors);
  if (errors.length) console.log(`  closed loop (${url}): ${errors.slice(0, 3).join('; ')}`);
  return {
    perSecond: (ok * 1000) / elapsed,
    p99: percentile(parts.flatMap((p) => p.latencies), 99),
    refused: parts.reduce((a, p) => a + p.refused, 0),
    serverCorePct: ((cpuMs(pids.server) - cpu0) / span) * 100,
    serverWaitPct: ((schedMs(pids.server).waitMs - wait0) / span) * 100,
    loadCorePct: ((loadCpu() - load0) / span) * 100,
  };
}

async function closedLoop(server: ServerProcess, bare: ServerProcess, room: Room, n: number): Promise<void> {
  const spec = await room.addAndOpen('dots');
  await sleep(300);
  const indices = range(0, n);
  const rv = await closedLoopRate(server.url, indices, spec, { server: server.pid });
  await sleep(500);
  const bareIndices = range(BARE_BASE, n);
  const joined = await join(bare.url, bareIndices.map((index) => ({ index, code: room.code, groupId: 'g' })));
  if (joined.errors.length) throw new Error(`bare join: ${joined.errors[0]}`);
  const bv = await closedLoopRate(bare.url, bareIndices, spec, { server: bare.pid });
  await onLoads(bareIndices, (mine) => ({ op: 'drop', indices: mine, forget: true }));
  const row: ClosedRow = {
    loadAvg: os.loadavg()[0] as number,
    n,
    durationMs: CONFIG.closedMs,
    capPerSecond: (n * 1000) / CLOSED_MIN_INTERVAL_MS,
    raakvlakPerSecond: rv.perSecond,
    barePerSecond: bv.perSecond,
    ratio: rv.perSecond / bv.perSecond,
    raakvlakP99: rv.p99,
    bareP99: bv.p99,
    refused: rv.refused,
    serverCorePct: rv.serverCorePct,
    serverWaitPct: rv.serverWaitPct,
    loadCorePct: rv.loadCorePct,
    bareCorePct: bv.serverCorePct,
    loadCoreBarePct: bv.loadCorePct,
  };
  results.closed.push(row);
  print(`closed loop (${n})`, closedTable([row]));
}

async function storm(server: ServerProcess, agenda: 'fresh' | 'full', n: number): Promise<void> {
  const indices = range(0, n);
  await onLoads(indices, (mine) => ({ op: 'drop', indices: mine, forget: false }));
  await sleep(1500);
  const cpu0 = cpuMs(server.pid);
  const wait0 = schedMs(server.pid).waitMs;
  const load0 = loadCpu();
  const t0 = now();
  const parts = await onLoads<ReconnectResult>(indices, (mine) => ({ op: 'reconnect', url: server.url, indices: mine, timeoutMs: 60_000 }));
  const span = now() - t0;
  const cpu = cpuMs(server.pid) - cpu0;
  const times = parts.flatMap((p) => p.snapshotMs);
  const errors = parts.flatMap((p) => p.errors);
  const row: StormRow = { loadAvg: os.loadavg()[0] as number, agenda, n, p50: percentile(times, 50), p99: percentile(times, 99), maxMs: errors.length ? NaN : percentile(times, 100), serverCpuMs: cpu, serverCorePct: (cpu / span) * 100, serverWaitPct: ((schedMs(server.pid).waitMs - wait0) / span) * 100, loadCorePct: ((loadCpu() - load0) / span) * 100, retries: parts.reduce((a, p) => a + p.retries, 0), errors: errors.length };
  results.storms.push(row);
  print(`reconnect storm (${agenda}, ${n})`, stormTable([row]));
  if (errors.length) console.log(`  first errors: ${errors.slice(0, 3).join('; ')}`);
}

/** The error, with the end of the server's output on the console (the document gets its first line). */
function withServerOutput(err: unknown, server: ServerProcess): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  const tail = server.output().trim().slice(-1500);
  if (tail) console.error(`server output (end):\n${tail}`);
  return e;
}

const tempDirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-bench-'));
  tempDirs.push(d);
  return d;
}

async function dropAll(indices: number[]): Promise<void> {
  await onLoads(indices, (mine) => ({ op: 'drop', indices: mine, forget: true }));
}

/** Scenarios 1, 2 (fresh), 3 and 5 (fresh): one fresh server and workshop per N. */
async function freshScenarios(bare: ServerProcess): Promise<void> {
  for (const n of CONFIG.sizes) {
    const server = await startServer(SERVER_ENTRY, { ...BENCH_LIMITS, DATA_DIR: dataDir() });
    let room: Room | null = null;
    try {
      room = await Room.open(server.url, { title: `Bench ${n}`, template: 'heat-transition', groups: GROUPS });
      await rampRow(server, room, n);
      for (const kind of ['dots', 'rank', 'points'] as const) await step(`burst fresh ${n} ${kind}`, () => burst(server, room as Room, 'fresh', n, kind));
      if (CONFIG.closedSizes.includes(n)) await step(`closed loop ${n}`, () => closedLoop(server, bare, room as Room, n));
      await step(`reconnect storm fresh ${n}`, () => storm(server, 'fresh', n));
    } catch (err) {
      throw withServerOutput(err, server);
    } finally {
      room?.close();
      await dropAll(range(0, n)).catch(() => undefined);
      await stop(server.child);
    }
  }
}

/** Scenarios 2 (full agenda), 5 (full) and 6: the 2,000-participant workshop with its whole agenda answered. */
async function fullAgendaScenarios(): Promise<void> {
  const participants = Number(process.env.BENCH_FULL_PARTICIPANTS ?? CONFIG.full.participants);
  const stories = Math.min(participants, CONFIG.full.stories);
  const dir = dataDir();
  const port = await freePort();
  let server = await startServer(SERVER_ENTRY, { ...BENCH_LIMITS, DATA_DIR: dir, PORT: String(port) });
  let room: Room | null = null;
  const all = range(0, participants);
  try {
    const t0 = now();
    room = await Room.open(server.url, { title: 'Bench full agenda', template: 'heat-transition', groups: GROUPS });
    const have = room.hostView.values.length;
    for (let i = have; i < FULL_VALUES; i++) await room.host.emit('value:add', { title: `Waarde ${i + 1}`, description: 'Een waarde die de bench toevoegt.' });
    const joined = await join(server.url, refs(room, all));
    if (joined.errors.length) throw new Error(`full agenda join: ${joined.errors.length} errors, first: ${joined.errors[0]}`);
    const agenda = room.hostView.activities;
    const explore = agenda.find((a) => a.kind === 'explore');
    if (explore) {
      await room.goto(explore.id);
      await room.host.when('workshop:host', (v) => v.values.length >= FULL_VALUES, 30_000, 'values');
      const storyReplies = await onLoads<{ errors: string[] }>(range(0, stories), (mine) => ({ op: 'story', indices: mine, valueIds: (room as Room).hostView.values.map((v) => v.id), timeoutMs: 60_000 }));
      const se = storyReplies.flatMap((r) => r.errors);
      if (se.length) throw new Error(`stories: ${se.length} errors, first: ${se[0]}`);
    }
    const answerAll = async (spec: AnswerSpec) => {
      const parts = await onLoads<AnswerResult>(all, (mine) => ({ op: 'answer', indices: mine, spec, startAt: 0, windowMs: 0, concurrency: 100, timeoutMs: 60_000 }), 10 * STEP_MS);
      const errors = parts.flatMap((p) => p.errors);
      if (errors.length) throw new Error(`full agenda answers: ${errors.length} errors, first: ${errors[0]}`);
      await room?.host.emit('activity:control', { activityId: spec.activityId, action: 'reveal' });
    };
    let answeredCount = 0;
    for (const a of agenda.filter((x) => x.kind !== 'explore')) {
      await answerAll(await room.goto(a.id));
      answeredCount += 1;
    }
    for (const kind of ['points', 'dots'] as const) {
      await answerAll(await room.addAndOpen(kind));
      answeredCount += 1;
    }
    await sleep(500);
    const hv = room.hostView;
    results.full = {
      participants,
      stories,
      values: hv.values.length,
      activitiesAnswered: answeredCount,
      events: hv.seq,
      buildMs: now() - t0,
      publicViewBytes: Buffer.byteLength(JSON.stringify(room.board.view('workshop:public') ?? {})),
      hostViewBytes: Buffer.byteLength(JSON.stringify(hv)),
    };
    console.log(`\nfull agenda built: ${JSON.stringify(results.full)}`);

    // Bursts with the first N participants connected, the others gone home.
    await onLoads(all, (mine) => ({ op: 'drop', indices: mine, forget: false }));
    for (const n of CONFIG.sizes.filter((x) => x <= participants)) {
      const back = await onLoads<ReconnectResult>(range(0, n), (mine) => ({ op: 'reconnect', url: server.url, indices: mine, timeoutMs: 60_000 }));
      const be = back.flatMap((b) => b.errors);
      if (be.length) throw new Error(`reconnecting ${n}: ${be[0]}`);
      for (const kind of ['dots', 'rank', 'points'] as const) await step(`burst full ${n} ${kind}`, () => burst(server, room as Room, 'full', n, kind));
    }
    const top = Math.min(participants, Math.max(...CONFIG.sizes));
    await step(`reconnect storm full ${top}`, () => storm(server, 'full', top));

    // Scenario 6: kill -9 and start again on the same data directory and port.
    const events = room.hostView.seq;
    const { code, hostToken } = room;
    room.close();
    room = null;
    await onLoads(all, (mine) => ({ op: 'drop', indices: mine, forget: true }));
    await sleep(500);
    await kill9(server.child);
    const restart = await restartTimes(dir, port, code, hostToken, participants, events);
    server = restart.server;
    results.restart = restart.row;
    print('restart after kill -9', restartTable(restart.row));
  } catch (err) {
    throw withServerOutput(err, server);
  } finally {
    room?.close();
    await dropAll(all).catch(() => undefined);
    await stop(server.child);
  }
}

let baselineListeningMs = NaN;

/** Polls GET /healthz every 10 ms until it answers 200; the time it did, or NaN at the deadline. */
async function healthyAt(url: string, deadline: number): Promise<number> {
  while (now() < deadline) {
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return now();
    await sleep(10);
  }
  return NaN;
}

/** Spawn → /healthz of the server on an empty data directory: what starting costs before any data. */
async function emptyStartMs(): Promise<number> {
  const port = await freePort();
  const t0 = now();
  const starting = startServer(SERVER_ENTRY, { ...BENCH_LIMITS, DATA_DIR: dataDir(), PORT: String(port) }, STEP_MS);
  const at = await healthyAt(`http://127.0.0.1:${port}`, t0 + STEP_MS);
  await stop((await starting).child);
  return at - t0;
}

async function restartTimes(dir: string, port: number, code: string, hostToken: string, participants: number, events: number): Promise<{ server: ServerProcess; row: RestartRow }> {
  const emptyListeningMs = await emptyStartMs();
  const t0 = now();
  const starting = startServer(SERVER_ENTRY, { ...BENCH_LIMITS, DATA_DIR: dir, PORT: String(port) }, STEP_MS);
  const url = `http://127.0.0.1:${port}`;
  const deadline = t0 + STEP_MS;
  const listeningAt = await healthyAt(url, deadline);
  const served = async (auth: Record<string, unknown>, events: string[]): Promise<number> => {
    while (now() < deadline) {
      const w = new Watched(url, { code, ...auth });
      try {
        await w.connect(30_000);
        const at = await Promise.race(events.map((e) => w.when(e, () => true, 30_000, 'snapshot after restart')));
        return at;
      } catch {
        await sleep(20);
      } finally {
        w.close();
      }
    }
    return NaN;
  };
  const servedAt = await served({ view: 'phone' }, ['workshop:phone', 'workshop:public']);
  const consoleAt = await served({ hostToken }, ['workshop:host']);
  const server = await starting;
  return {
    server,
    row: { participants, events, listeningMs: listeningAt - t0, servedMs: servedAt - t0, consoleServedMs: consoleAt - t0, emptyListeningMs, baselineListeningMs, rssMb: memoryMb(server.pid).rss },
  };
}

/** Scenario 4: many small workshops at once. */
async function roomsScenario(): Promise<void> {
  const server = await startServer(SERVER_ENTRY, { ...BENCH_LIMITS, DATA_DIR: dataDir() });
  const rooms: Room[] = [];
  const per = CONFIG.roomPhones;
  const indices = range(0, CONFIG.rooms * per);
  try {
    for (let r = 0; r < CONFIG.rooms; r += 10) {
      rooms.push(...(await Promise.all(range(r, Math.min(10, CONFIG.rooms - r)).map((i) => Room.open(server.url, { title: `Room ${i}`, template: 'heat-transition', groups: GROUPS })))));
    }
    const phoneRefs = rooms.flatMap((room, r) => refs(room, range(r * per, per)));
    const joined = await join(server.url, phoneRefs);
    if (joined.errors.length) throw new Error(`rooms join: ${joined.errors.length} errors, first: ${joined.errors[0]}`);
    const specs = await Promise.all(rooms.map((room) => room.addAndOpen('dots')));
    await sleep(500);
    const boardsDone = rooms.map((room, r) => room.board.when('workshop:public', answered((specs[r] as AnswerSpec).activityId, per), STEP_MS, 'board shows every answer').catch(() => NaN));
    const peak = rssSampler(server.pid);
    const cpu0 = cpuMs(server.pid);
    const wait0 = schedMs(server.pid).waitMs;
    const load0 = loadCpu();
    const own0 = process.cpuUsage();
    const startAt = now() + 300;
    const parts = (
      await Promise.all(
        rooms.map((_room, r) => {
          const mine = range(r * per, per);
          return onLoads<AnswerResult>(mine, (m) => ({ op: 'answer', indices: m, spec: specs[r] as AnswerSpec, startAt, windowMs: CONFIG.windowMs, concurrency: 0, timeoutMs: 60_000 }), CONFIG.windowMs + STEP_MS);
        }),
      )
    ).flat();
    const boardAts = await Promise.all(boardsDone);
    const span = now() - startAt;
    const cpu = cpuMs(server.pid) - cpu0;
    const latencies = parts.flatMap((p) => p.latencies);
    const lastAck = Math.max(...parts.map((p) => p.lastAckAt));
    const row: RoomsRow = {
      loadAvg: os.loadavg()[0] as number,
      rooms: CONFIG.rooms,
      phonesPerRoom: per,
      windowMs: CONFIG.windowMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      boardLagMaxMs: Math.max(...boardAts) - lastAck,
      cpuPerAnswerMs: cpu / indices.length,
      serverCorePct: (cpu / span) * 100,
      serverWaitPct: ((schedMs(server.pid).waitMs - wait0) / span) * 100,
      loadCorePct: ((loadCpu() - load0) / span) * 100,
      watchersCorePct: (((u) => (u.user + u.system) / 1000)(process.cpuUsage(own0)) / span) * 100,
      peakRssMb: peak(),
      errors: parts.reduce((a, p) => a + p.errors.length, 0),
    };
    results.rooms.push(row);
    print('many workshops', roomsTable([row]));
  } catch (err) {
    throw withServerOutput(err, server);
  } finally {
    for (const room of rooms) room.close();
    await dropAll(indices).catch(() => undefined);
    await stop(server.child);
  }
}

/** Scenario 7: the production build, and what the participant route loads of it. */
async function bundleScenario(): Promise<void> {
  const outDir = path.join(dataDir(), 'client');
  const t0 = now();
  await within(
    new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repo, maxBuffer: 16 * 1024 * 1024 }, (err, _out, stderr) =>
        err ? reject(new Error(`vite build: ${err.message}\n${stderr.slice(-2000)}`)) : resolve(),
      ),
    ),
    5 * 60_000,
    'vite build',
  );
  const buildMs = now() - t0;
  results.bundle = { ...(await participantBundle(outDir)), buildMs };
  print('participant page', bundleTable(results.bundle));
}

interface BundleSizeModule {
  participantBundleSize?: (distDir: string) => unknown;
}

/**
 * The participant route's JS and CSS, gzipped: scripts/bundle-size.ts when the repository has
 * it (one definition for the bench and the browser test), else index.html's entry script,
 * modulepreload links and stylesheets.
 */
async function participantBundle(distDir: string): Promise<Omit<BundleRow, 'buildMs'>> {
  const helper = path.join(repo, 'scripts/bundle-size.ts');
  if (fs.existsSync(helper)) {
    const mod = (await import(helper)) as BundleSizeModule;
    const r = (await mod.participantBundleSize?.(distDir)) as Record<string, unknown> | undefined;
    const num = (...keys: string[]) => keys.map((k) => r?.[k]).find((v): v is number => typeof v === 'number');
    const jsGzip = num('jsGzip', 'js', 'jsGzipBytes');
    const cssGzip = num('cssGzip', 'css', 'cssGzipBytes');
    if (jsGzip !== undefined && cssGzip !== undefined) {
      const files = Array.isArray(r?.files) ? (r.files as unknown[]).map(String) : [];
      return { source: 'scripts/bundle-size.ts', files, jsBytes: num('rawJs', 'jsBytes') ?? NaN, jsGzip, cssBytes: num('rawCss', 'cssBytes') ?? NaN, cssGzip, jsBrotli: num('brotliJs') ?? NaN, cssBrotli: num('brotliCss') ?? NaN };
    }
    console.log(`  scripts/bundle-size.ts returned ${JSON.stringify(r)?.slice(0, 200)}; measuring from index.html instead`);
  }
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const js = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  const size = (files: string[]) =>
    files.reduce(
      (acc, f) => {
        const buf = fs.readFileSync(path.join(distDir, f.replace(/^\//, '')));
        return { raw: acc.raw + buf.length, gz: acc.gz + zlib.gzipSync(buf).length };
      },
      { raw: 0, gz: 0 },
    );
  const j = size(js);
  const c = size(css);
  return { source: 'index.html (entry, modulepreload, stylesheet)', files: [...js, ...css].map((f) => path.basename(f)), jsBytes: j.raw, jsGzip: j.gz, cssBytes: c.raw, cssGzip: c.gz, jsBrotli: NaN, cssBrotli: NaN };
}

/** Runs one scenario; a failure is recorded and the run goes on with the next. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    results.failures.push({ scenario: name, error });
    console.error(`\n${name} failed: ${error}`);
  }
}

async function main(): Promise<void> {
  console.log(`Raakvlak bench${QUICK ? ' (quick)' : ''}: ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${process.version}; writing ${DOC}`);
  loads = await Promise.all(range(0, LOAD_PROCESSES).map(() => LoadProcess.start()));
  const bare = await startServer('test/bench/bareServer.ts', {});
  baselineListeningMs = bare.listeningMs;
  try {
    if (ONLY.has('fresh')) await step('fresh workshops', () => freshScenarios(bare));
    if (ONLY.has('full')) await step('full agenda', () => fullAgendaScenarios());
    if (ONLY.has('rooms')) await step('many workshops', () => roomsScenario());
    if (ONLY.has('bundle')) await step('participant page', () => bundleScenario());
  } finally {
    await stop(bare.child);
  }
}

const deadline = setTimeout(() => {
  results.failures.push({ scenario: 'whole run', error: `gave up after the ${CONFIG.deadlineMs / 60000} min deadline` });
  finish(1);
}, CONFIG.deadlineMs);

function finish(code: number): void {
  clearTimeout(deadline);
  results.finishedAt = code === 0 ? new Date() : null;
  killAll();
  try {
    fs.writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 1));
    writeDoc(DOC, results);
    print('targets (issue 8)', targetTable(results));
    for (const f of results.failures) console.log(`failed: ${f.scenario}: ${f.error.split('\n')[0]}`);
    console.log(`wrote ${DOC}`);
  } catch (err) {
    console.error('writing the document failed:', err);
  }
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    results.failures.push({ scenario: 'whole run', error: `interrupted (${signal})` });
    finish(130);
  });
}

/** BENCH_RENDER=<results.json>: render the document from a previous run's figures and stop. */
function render(file: string): void {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  const revived: Results = { ...saved, startedAt: new Date(saved.startedAt), finishedAt: saved.finishedAt ? new Date(saved.finishedAt) : null };
  writeDoc(DOC, revived);
  console.log(`wrote ${DOC} from ${file}`);
  process.exit(0);
}
if (process.env.BENCH_RENDER) render(process.env.BENCH_RENDER);

main().then(
  () => finish(results.failures.length ? 1 : 0),
  (err: unknown) => {
    results.failures.push({ scenario: 'whole run', error: err instanceof Error ? err.message : String(err) });
    console.error(err);
    finish(2);
  },
);
