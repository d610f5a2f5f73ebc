/**
 * The bench's figures: what each scenario measured, printed as a table row while it runs and
 * rendered into docs/performance.md between `<!-- bench:start -->` and `<!-- bench:end -->`
 * (text outside the markers is kept), with the targets of issue 8 and a sentence per scenario
 * on what the bottleneck was, derived from the figures.
 */
import fs from 'node:fs';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  loadAverage: number[];
}

export interface RampRow {
  /** The machine's 1-minute load average when the row was measured (other work on the same cores). */
  loadAvg: number;
  n: number;
  elapsedMs: number;
  joinsPerSecond: number;
  connectP50: number;
  connectP99: number;
  joinedP99: number;
  boardMs: number;
  serverCpuMs: number;
  rssMb: number;
  retries: number;
  errors: number;
}

export interface BurstRow {
  /** The machine's 1-minute load average when the row was measured (other work on the same cores). */
  loadAvg: number;
  agenda: 'fresh' | 'full';
  n: number;
  kind: string;
  windowMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  boardLagMs: number;
  consoleLagMs: number;
  cpuPerAnswerMs: number;
  /** Share of one core over the burst, from its start until the board and console were done. */
  serverCorePct: number;
  /** Share of the span the server's main thread was ready to run but waited for a CPU. */
  serverWaitPct: number;
  loadCorePct: number;
  peakRssMb: number;
  bytesPerPhone: number;
  bytesMaxPhone: number;
  messagesPerPhone: number;
  errors: number;
}

export interface ClosedRow {
  /** The machine's 1-minute load average when the row was measured (other work on the same cores). */
  loadAvg: number;
  n: number;
  durationMs: number;
  /** What the pacing allows at most: N phones × one answer per interval. */
  capPerSecond: number;
  raakvlakPerSecond: number;
  barePerSecond: number;
  ratio: number;
  raakvlakP99: number;
  bareP99: number;
  refused: number;
  serverCorePct: number;
  /** Share of the span the server's main thread was ready to run but waited for a CPU. */
  serverWaitPct: number;

  loadCorePct: number;
  bareCorePct: number;
  loadCoreBarePct: number;
}

export interface RoomsRow {
  /** The machine's 1-minute load average when the row was measured (other work on the same cores). */
  loadAvg: number;
  rooms: number;
  phonesPerRoom: number;
  windowMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  boardLagMaxMs: number;
  cpuPerAnswerMs: number;
  serverCorePct: number;
  /** Share of the span the server's main thread was ready to run but waited for a CPU. */
  serverWaitPct: number;
  loadCorePct: number;
  /** The orchestrator, which holds every workshop's board and console. */
  watchersCorePct: number;
  peakRssMb: number;
  errors: number;
}

export interface StormRow {
  /** The machine's 1-minute load average when the row was measured (other work on the same cores). */
  loadAvg: number;
  agenda: 'fresh' | 'full';
  n: number;
  p50: number;
  p99: number;
  maxMs: number;
  serverCpuMs: number;
  serverCorePct: number;
  /** Share of the span the server's main thread was ready to run but waited for a CPU. */
  serverWaitPct: number;
  loadCorePct: number;
  retries: number;
  errors: number;
}

export interface RestartRow {
  participants: number;
  events: number;
  listeningMs: number;
  servedMs: number;
  consoleServedMs: number;
  /** The same spawn → /healthz of the bare socket.io server: what node and tsx cost before any Raakvlak code runs. */
  baselineListeningMs: number;
  /** Spawn → /healthz of the Raakvlak server on an empty data directory. */
  emptyListeningMs: number;
  rssMb: number;
}

export interface BundleRow {
  source: string;
  files: string[];
  jsBytes: number;
  jsGzip: number;
  cssBytes: number;
  cssGzip: number;
  jsBrotli: number;
  cssBrotli: number;
  buildMs: number;
}

export interface FullAgenda {
  participants: number;
  stories: number;
  values: number;
  activitiesAnswered: number;
  events: number;
  buildMs: number;
  publicViewBytes: number;
  hostViewBytes: number;
}

export interface Results {
  quick: boolean;
  command: string;
  startedAt: Date;
  finishedAt: Date | null;
  machine: Machine;
  loadProcesses: number;
  revision: string;
  failures: { scenario: string; error: string }[];
  ramp: RampRow[];
  bursts: BurstRow[];
  closed: ClosedRow[];
  rooms: RoomsRow[];
  storms: StormRow[];
  restart: RestartRow | null;
  bundle: BundleRow | null;
  full: FullAgenda | null;
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const kib = (b: number) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KiB` : '—');
const kb = (b: number) => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} KB` : '—');
const s1 = (msv: number) => (Number.isFinite(msv) ? `${(msv / 1000).toFixed(2)} s` : '—');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export const rampTable = (rows: RampRow[]) =>
  table(
    ['phones', 'all joined', 'joins/s', 'connect p50 / p99', 'connect → joined p99', 'board shows all', 'server CPU', 'RSS after', 'connects retried', 'errors', 'load avg'],
    rows.map((r) => [String(r.n), s1(r.elapsedMs), f0(r.joinsPerSecond), `${f1(r.connectP50)} / ${f1(r.connectP99)} ms`, `${f1(r.joinedP99)} ms`, s1(r.boardMs), s1(r.serverCpuMs), `${f0(r.rssMb)} MB`, String(r.retries), String(r.errors), f1(r.loadAvg)]),
  );

export const burstTable = (rows: BurstRow[]) =>
  table(
    ['agenda', 'phones', 'kind', 'ack p50 / p95 / p99 (max)', 'board / console after last ack', 'server CPU per answer', 'server core (waited)', 'load core', 'peak RSS', 'one phone received', 'errors', 'load avg'],
    rows.map((r) => [
      r.agenda,
      String(r.n),
      r.kind,
      `${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)} (${f0(r.max)}) ms`,
      `${f0(r.boardLagMs)} / ${f0(r.consoleLagMs)} ms`,
      `${f2(r.cpuPerAnswerMs)} ms`,
      `${f0(r.serverCorePct)} % (${f0(r.serverWaitPct)} %)`,
      `${f0(r.loadCorePct)} %`,
      `${f0(r.peakRssMb)} MB`,
      `${kib(r.bytesPerPhone)} in ${f1(r.messagesPerPhone)} msgs (max ${kib(r.bytesMaxPhone)})`,
      String(r.errors),
      f1(r.loadAvg),
    ]),
  );

export const closedTable = (rows: ClosedRow[]) =>
  table(
    ['phones', 'Raakvlak answers/s', 'bare socket.io acks/s', 'ratio', 'pacing cap', 'ack p99 Raakvlak / bare', 'server core (waited), Raakvlak / bare', 'load core (Raakvlak / bare)', 'refused', 'load avg'],
    rows.map((r) => [
      String(r.n),
      f0(r.raakvlakPerSecond),
      f0(r.barePerSecond),
      `${f0(r.ratio * 100)} %`,
      `${f0(r.capPerSecond)}/s`,
      `${f1(r.raakvlakP99)} / ${f1(r.bareP99)} ms`,
      `${f0(r.serverCorePct)} % (${f0(r.serverWaitPct)} %) / ${f0(r.bareCorePct)} %`,
      `${f0(r.loadCorePct)} / ${f0(r.loadCoreBarePct)} %`,
      String(r.refused),
      f1(r.loadAvg),
    ]),
  );

export const roomsTable = (rows: RoomsRow[]) =>
  table(
    ['workshops × phones', 'ack p50 / p95 / p99 (max)', 'slowest board after last ack', 'server CPU per answer', 'server core (waited)', 'phones / boards and consoles core', 'peak RSS', 'errors', 'load avg'],
    rows.map((r) => [`${r.rooms} × ${r.phonesPerRoom}`, `${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)} (${f0(r.max)}) ms`, `${f0(r.boardLagMaxMs)} ms`, `${f2(r.cpuPerAnswerMs)} ms`, `${f0(r.serverCorePct)} % (${f0(r.serverWaitPct)} %)`, `${f0(r.loadCorePct)} / ${f0(r.watchersCorePct)} %`, `${f0(r.peakRssMb)} MB`, String(r.errors), f1(r.loadAvg)]),
  );

export const stormTable = (rows: StormRow[]) =>
  table(
    ['agenda', 'phones', 'snapshot p50 / p99', 'every phone back', 'server CPU', 'server core (waited)', 'load core', 'connects retried', 'phones not back', 'load avg'],
    rows.map((r) => [r.agenda, String(r.n), `${s1(r.p50)} / ${s1(r.p99)}`, s1(r.maxMs), s1(r.serverCpuMs), `${f0(r.serverCorePct)} % (${f0(r.serverWaitPct)} %)`, `${f0(r.loadCorePct)} %`, String(r.retries), String(r.errors), f1(r.loadAvg)]),
  );

export const restartTable = (r: RestartRow) =>
  table(
    ['participants', 'events', 'listening (/healthz)', 'workshop served (phone snapshot)', 'console snapshot', 'same server, empty data dir, to /healthz', 'bare socket.io server (node + tsx) to listening', 'RSS after'],
    [[String(r.participants), String(r.events), s1(r.listeningMs), s1(r.servedMs), s1(r.consoleServedMs), s1(r.emptyListeningMs), s1(r.baselineListeningMs), `${f0(r.rssMb)} MB`]],
  );

export const bundleTable = (b: BundleRow) =>
  table(
    ['JavaScript gzip (brotli, raw)', 'CSS gzip (brotli, raw)', 'files', 'measured by'],
    [[`${kb(b.jsGzip)} (${kb(b.jsBrotli)}, ${kb(b.jsBytes)})`, `${kb(b.cssGzip)} (${kb(b.cssBrotli)}, ${kb(b.cssBytes)})`, b.files.join(', '), b.source]],
  );

/** The largest finite value (a failed measurement is NaN and left out), NaN when there is none. */
const maxOf = (xs: number[]) => {
  const finite = xs.filter((x) => Number.isFinite(x));
  return finite.length ? Math.max(...finite) : NaN;
};

/**
 * What limited a measurement, from the server's share of a core and the machine's load: a
 * saturated server thread, waiting for a CPU on a machine busy with other work, or neither.
 */
function limit(serverCorePct: number, serverWaitPct: number, loadAvg: number, cpus: number, otherwise: string): string {
  if (serverCorePct >= 80) return `the server's JavaScript thread was saturated (${f0(serverCorePct)} % of a core), so work queued behind it`;
  if (serverWaitPct >= 10 && serverWaitPct >= 0.5 * serverCorePct && loadAvg > cpus)
    return `the server ran ${f0(serverCorePct)} % of the time and waited for a CPU another ${f0(serverWaitPct)} % (load average ${f1(loadAvg)} on ${cpus} cores), so other processes on the machine held its work up`;
  return otherwise;
}

/** Sentence on one burst: where the time went, from the figures. */
function burstSentence(r: BurstRow, cpus: number): string {
  const why = limit(r.serverCorePct, r.serverWaitPct, r.loadAvg, cpus, `the server used ${f0(r.serverCorePct)} % of a core and waited ${f0(r.serverWaitPct)} %, so the tail is the per-command path (validation, the SQLite commit, the ack) and flushes it queued behind, not a saturated server`);
  const load = r.loadCorePct >= 80 ? `; the load processes used ${f0(r.loadCorePct)} % of a core, so part of the latency is the phones' own work` : '';
  return `${r.agenda}, ${r.n} phones, ${r.kind}: ack p99 ${f1(r.p99)} ms; ${why}${load}.`;
}

/**
 * Server CPU of a burst against N, fitted as a + b·N over the bursts of one agenda: a is what a
 * burst costs whatever the number of answers (flushes to the board and console, timers), b what
 * each answer adds.
 */
function cpuFit(rows: BurstRow[]): { fixedMs: number; perAnswerMs: number } | null {
  const pts = rows.map((r) => [r.n, r.cpuPerAnswerMs * r.n] as const);
  if (new Set(pts.map(([n]) => n)).size < 2) return null;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  const sxy = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const b = sxy / sxx;
  return { fixedMs: my - b * mx, perAnswerMs: b };
}

/** The targets of issue 8 against this run's figures. */
export function targetRows(res: Results): string[][] {
  const top = maxOf(res.bursts.map((b) => b.n));
  const atTop = res.bursts.filter((b) => b.n === top);
  const row = (what: string, target: string, measured: string, ok: boolean | null) => [what, target, measured, ok === null ? '—' : ok ? 'met' : '**not met**'];
  const rows: string[][] = [];
  if (atTop.length) {
    const p99 = maxOf(atTop.map((b) => b.p99));
    const lag = maxOf(atTop.flatMap((b) => [b.boardLagMs, b.consoleLagMs]));
    const cpu = maxOf(atTop.map((b) => b.cpuPerAnswerMs));
    const bytes = maxOf(atTop.map((b) => b.bytesPerPhone));
    const rss = maxOf(res.bursts.map((b) => b.peakRssMb));
    rows.push(row(`${top} phones: ack p99, every burst (fresh and full agenda)`, '< 100 ms', `${f1(p99)} ms (worst: ${atTop.find((b) => b.p99 === p99)?.agenda} ${atTop.find((b) => b.p99 === p99)?.kind})`, p99 < 100));
    rows.push(row(`${top} phones: board and console show the final counts after the last ack`, '< 250 ms', `${f0(lag)} ms`, lag < 250));
    rows.push(row(`${top} phones: server CPU per answer`, '≤ 0.5 ms', `${f2(cpu)} ms`, cpu <= 0.5));
    rows.push(row(`${top} phones: what one phone receives during a burst`, '≤ 30 KB', kb(bytes), bytes <= 30_000));
    rows.push(row('peak RSS in any burst', '< 400 MB', `${f0(rss)} MB`, rss < 400));
  }
  const closedTop = res.closed.find((c) => c.n === maxOf(res.closed.map((x) => x.n)));
  if (closedTop) rows.push(row(`closed loop at ${closedTop.n} phones, Raakvlak / bare socket.io`, '≥ 50 %', `${f0(closedTop.ratio * 100)} % (${f0(closedTop.raakvlakPerSecond)} / ${f0(closedTop.barePerSecond)} per s)`, closedTop.ratio >= 0.5));
  const storm = res.storms.filter((s) => s.n === maxOf(res.storms.map((x) => x.n)));
  if (storm.length) {
    const worst = maxOf(storm.map((s) => s.maxMs));
    rows.push(row(`reconnect storm of ${storm[0]?.n} phones: every phone has its snapshot`, '< 5 s', s1(worst), worst < 5000 && storm.every((s) => s.errors === 0)));
  }
  if (res.restart) {
    rows.push(row(`restart, ${res.restart.participants}-participant full agenda: listening`, '< 1 s', s1(res.restart.listeningMs), res.restart.listeningMs < 1000));
    rows.push(row(`restart, ${res.restart.participants}-participant full agenda: that workshop served`, '< 2 s', s1(res.restart.servedMs), res.restart.servedMs < 2000));
  }
  for (const r of res.rooms) rows.push(row(`${r.rooms} rooms × ${r.phonesPerRoom} phones: ack p99`, '< 100 ms', `${f1(r.p99)} ms`, r.p99 < 100));
  if (res.bundle) rows.push(row('participant route JavaScript, gzipped', '≤ 90 KB', kb(res.bundle.jsGzip), res.bundle.jsGzip <= 90_000));
  return rows;
}

export const targetTable = (res: Results) => table(['target', 'wanted', 'measured', ''], targetRows(res));

export function renderFigures(res: Results): string {
  const m = res.machine;
  const out: string[] = [];
  out.push(`_Generated by \`${res.command}\` on ${res.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC${res.finishedAt ? ` (took ${f1((res.finishedAt.getTime() - res.startedAt.getTime()) / 60000)} min)` : ' (did not finish)'}${res.quick ? ', quick version (BENCH_QUICK=1): small N, shorter windows' : ''}. Do not edit between the markers: the next run replaces it._`);
  out.push('');
  out.push(`**Machine:** ${m.cpus} × ${m.cpuModel}, ${f0(m.memoryGb)} GB memory, ${m.os}, Node ${m.node}. Load average at the start: ${m.loadAverage.map((x) => x.toFixed(2)).join(' / ')} (1 / 5 / 15 min) — `
    + 'the development machine is shared with other work (several agents building and testing at once), so every figure competes for the same cores and varies from run to run; each row carries the 1-minute load average when it was measured (above the core count means processes waited for a CPU).');
  out.push('');
  out.push(`**Code measured:** ${res.revision}.`);
  out.push('');
  out.push(`**Harness:** the server runs as \`npm start\` does (\`node dist/server/main.js\`, the bundle of \`npm run build:server\`; durable SQLite in a fresh temporary data directory, a fresh server per scenario); ${res.loadProcesses} forked load processes drive it, each phone a socket.io-client websocket on loopback (\`transports: ['websocket']\`); the board (\`view: 'board'\`) and the console (host token) are websockets in the orchestrator. `
    + 'Server CPU and RSS are read from `/proc/<pid>` (utime + stime of every thread; VmRSS sampled every 100 ms). "Core" is the share of one core over the measured span; "waited" is the share of the span the server\'s main thread was ready to run but waited for a CPU (`/proc/<pid>/schedstat`), i.e. how much other processes held it up; the machine has ' + `${m.cpus}` + ' cores. Bytes and messages a phone received are the encoded socket.io messages counted at the engine.io layer, the ack of its own answer included; pings are not.');
  if (res.failures.length) {
    out.push('');
    out.push('**Failed or cut short:**');
    for (const fl of res.failures) out.push(`- ${fl.scenario}: ${fl.error.split('\n')[0]}`);
  }
  const tr = targetRows(res);
  if (tr.length) {
    out.push('', '### Targets', '', targetTable(res));
  }
  if (res.ramp.length) {
    out.push('', '### 1. Join ramp', '', 'N phones connect as visitors and join one of 5 groups (at most 100 connecting at once), with a board and a console watching; "board shows all" is when its `participation.total` reached N.', '', rampTable(res.ramp));
    const last = res.ramp[res.ramp.length - 1] as RampRow;
    out.push('', `Bottleneck: at ${last.n} phones joining took ${s1(last.elapsedMs)} (${f0(last.joinsPerSecond)} joins/s) with ${s1(last.serverCpuMs)} of server CPU; ${limit((last.serverCpuMs / last.elapsedMs) * 100, 0, last.loadAvg, m.cpus, `the server used ${f0((last.serverCpuMs / last.elapsedMs) * 100)} % of a core, so the connect concurrency and the handshakes in the load processes set the pace`)}.`);
  }
  if (res.full) {
    const fa = res.full;
    out.push('', '### The full-agenda workshop', '', `Built through the protocol, closed loop: ${fa.participants} participants in 5 groups, ${fa.values} values, ${fa.stories} stories, ${fa.activitiesAnswered} activities answered by everyone and revealed — ${fa.events} events, built in ${s1(fa.buildMs)}. Its views at the end: public ${kib(fa.publicViewBytes)}, console ${kib(fa.hostViewBytes)} (JSON).`);
  }
  if (res.bursts.length) {
    const w = res.bursts[0]?.windowMs ?? 0;
    out.push('', '### 2. Open-loop vote bursts', '', `Every phone answers once at a random moment in a ${f0(w / 1000)} s window; a new activity of the kind is added and opened for each burst. "Board / console after last ack": from the last acknowledged answer until the board's \`workshop:public\` and the console's \`workshop:host\` counted all N. CPU per answer is the server's CPU over the whole burst (until board and console were done) divided by N. "Full" is the full-agenda workshop above with its first N participants connected.`, '', burstTable(res.bursts));
    const fits = (['fresh', 'full'] as const)
      .map((agenda) => ({ agenda, fit: cpuFit(res.bursts.filter((b) => b.agenda === agenda)) }))
      .filter((x): x is { agenda: 'fresh' | 'full'; fit: { fixedMs: number; perAnswerMs: number } } => x.fit !== null);
    if (fits.length) {
      out.push('', `Where the CPU goes: fitting each burst's server CPU as a + b·N gives ${fits.map(({ agenda, fit }) => `${agenda}: a ≈ ${f0(fit.fixedMs)} ms per burst, b ≈ ${f2(fit.perAnswerMs)} ms per answer`).join('; ')}. CPU per answer falls as N grows when a is large: that part is paid per flush (the board's and console's views, a few a second) rather than per answer.`);
    }
    out.push('', 'Bottleneck, per burst:', '');
    for (const b of res.bursts) out.push(`- ${burstSentence(b, m.cpus)}`);
  }
  if (res.closed.length) {
    out.push('', '### 3. Closed loop: Raakvlak vs bare socket.io', '', `Every phone resubmits a dots answer as soon as its previous ack returns, for ${f0((res.closed[0]?.durationMs ?? 0) / 1000)} s — but at most one per 52 ms, just under the server's per-participant limit of 20 commands per second, so no answer is refused for speed ("pacing cap": N × 19.2/s; a rate at the cap says the pacing, not the server, was the limit). The bare server (\`test/bench/bareServer.ts\`) only acknowledges, driven by the same load processes with the same pacing in the same run.`, '', closedTable(res.closed));
    const c = res.closed[res.closed.length - 1] as ClosedRow;
    const capped = (c.raakvlakPerSecond >= 0.95 * c.capPerSecond ? 'Raakvlak ' : '') + (c.barePerSecond >= 0.95 * c.capPerSecond ? (c.raakvlakPerSecond >= 0.95 * c.capPerSecond ? 'and the bare server ' : 'the bare server ') : '');
    if (capped) out.push('', `At ${c.n} phones ${capped}ran at the pacing cap: that rate is a lower bound.`);
    out.push('', `Bottleneck: Raakvlak reached ${f0(c.ratio * 100)} % of the bare rate at ${c.n} phones; for Raakvlak ${limit(c.serverCorePct, c.serverWaitPct, c.loadAvg, m.cpus, `the server used ${f0(c.serverCorePct)} % of a core and the load processes ${f0(c.loadCorePct)} %, so the rate is set by the round trip per answer (commit and ack)`)}; the bare server used ${f0(c.bareCorePct)} % of a core and the load processes ${f0(c.loadCoreBarePct)} % driving it.`);
  }
  if (res.rooms.length) {
    const r = res.rooms[0] as RoomsRow;
    out.push('', '### 4. Many workshops at once', '', `${r.rooms} workshops, each with a board, a console and ${r.phonesPerRoom} phones; every phone answers a dots vote once in the same ${f0(r.windowMs / 1000)} s window.`, '', roomsTable(res.rooms));
    out.push('', `Bottleneck: ${r.rooms * r.phonesPerRoom} answers cost ${f2(r.cpuPerAnswerMs)} ms of server CPU each, and each workshop's flush only reaches its own ${r.phonesPerRoom + 2} sockets; ${limit(r.serverCorePct, r.serverWaitPct, r.loadAvg, m.cpus, `the server used ${f0(r.serverCorePct)} % of a core, so the latency is the per-command path (validation, commit, ack)`)}.`);
  }
  if (res.storms.length) {
    out.push('', '### 5. Reconnect storm', '', 'Every phone is dropped, then all reconnect at the same moment with their participant tokens; a phone is back when it has both its view (`workshop:phone` or `workshop:public`) and its `participant:self`. Times are from the moment the storm started. A connect that fails is retried after 1 s ± 50 %, as socket.io-client does by default on a real phone.', '', stormTable(res.storms));
    const s = res.storms.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
    out.push('', `Bottleneck: the slowest storm (${s.agenda}, ${s.n} phones) took ${s1(s.maxMs)} with ${s1(s.serverCpuMs)} of server CPU (${f1(s.serverCpuMs / s.n)} ms per phone); ${limit(s.serverCorePct, s.serverWaitPct, s.loadAvg, m.cpus, s.loadCorePct >= 80 ? `the load processes were busy ${f0(s.loadCorePct)} % of a core with 2,000 handshakes at once, so the phones' side set the pace` : `the server used ${f0(s.serverCorePct)} % of a core and the load processes ${f0(s.loadCorePct)} %, so neither was saturated: the handshakes' round trips (and the retried connects) set the pace`)}.`);
  }
  if (res.restart) {
    const r = res.restart;
    out.push('', '### 6. Restart after kill -9', '', 'The full-agenda server is killed with SIGKILL and started again on the same data directory and port. Times are from the spawn: listening is the first answered `GET /healthz`; served is a phone connecting with the workshop\'s code and getting its snapshot.', '', restartTable(r));
    out.push('', `Bottleneck: of the ${s1(r.listeningMs)} to listening, ${s1(r.emptyListeningMs)} is what the same server needs on an empty data directory (node, tsx compiling and importing the server's modules; the bare socket.io server alone takes ${s1(r.baselineListeningMs)}), so the data added ${s1(r.listeningMs - r.emptyListeningMs)}; serving the workshop took ${s1(r.servedMs - r.listeningMs)} after listening (loading its state from SQLite and building the first phone view), and the console's first view (every activity's results) ${s1(r.consoleServedMs - r.servedMs)} after that.`);
  }
  if (res.bundle) {
    const b = res.bundle;
    out.push('', '### 7. The participant page', '', `From the production build (\`vite build\`, ${s1(b.buildMs)}): what the participant route (\`/j/<code>\`) loads before it can render — ${b.source === 'scripts/bundle-size.ts' ? "measured by `participantBundleSize` in scripts/bundle-size.ts: what `index.html` names plus the entry's static import closure in the vite manifest, gzip level 9 and brotli as the server sends it" : "the entry script, its modulepreloads and stylesheets in `index.html`, gzip at the default level"}; lazily loaded routes (console, board, report) not counted.`, '', bundleTable(b));
  }
  return out.join('\n');
}

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

/** Writes the figures between the markers; everything outside them is kept. */
export function writeDoc(file: string, res: Results): void {
  const figures = `${START}\n${renderFigures(res)}\n${END}`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  let text: string;
  if (existing === null) {
    text = `# Performance\n\nWhat one Raakvlak process does on a small machine, measured by \`npm run bench\` (\`test/bench/\`). The figures below are generated; the sections outside them are written by hand.\n\n## Figures from one machine\n\n${figures}\n`;
  } else {
    const a = existing.indexOf(START);
    const b = existing.indexOf(END);
    text = a >= 0 && b > a ? existing.slice(0, a) + figures + existing.slice(b + END.length) : `${existing.trimEnd()}\n\n## Figures from one machine\n\n${figures}\n`;
  }
  fs.writeFileSync(file, text);
}
