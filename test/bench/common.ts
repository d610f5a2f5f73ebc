/**
 * What the bench's processes share: the messages between the orchestrator (bench.ts) and its
 * load processes (load.ts), the answers a phone gives, percentiles and the /proc readers that
 * measure another process's CPU and memory without touching its code.
 */
import fs from 'node:fs';

/** Milliseconds on a clock every process on this machine shares (epoch-based, sub-ms). */
export const now = (): number => performance.timeOrigin + performance.now();

/** How a phone answers the current activity: everything the answer generator needs from its config. */
export interface AnswerSpec {
  activityId: string;
  kind: 'dots' | 'rank' | 'points' | 'scan' | 'options';
  valueIds: string[];
  rankK: number | null;
  dotsPerParticipant: number;
  dotsMaxPerValue: number;
  statementIds: string[];
  /** The options an options activity weighs. */
  optionIds: string[];
}

/** One phone's record in a request: its global index, the workshop it belongs to and its group. */
export interface PhoneRef {
  index: number;
  code: string;
  groupId: string;
}

export type LoadRequest =
  | { op: 'join'; url: string; phones: PhoneRef[]; concurrency: number; timeoutMs: number }
  | { op: 'answer'; indices: number[]; spec: AnswerSpec; startAt: number; windowMs: number; concurrency: number; timeoutMs: number }
  | { op: 'closedLoop'; indices: number[]; spec: AnswerSpec; durationMs: number; minIntervalMs: number; timeoutMs: number }
  | { op: 'story'; indices: number[]; valueIds: string[]; timeoutMs: number }
  | { op: 'resetCounters'; indices: number[] }
  | { op: 'counters'; indices: number[] }
  | { op: 'drop'; indices: number[]; forget: boolean }
  | { op: 'reconnect'; url: string; indices: number[]; timeoutMs: number };

export interface JoinResult {
  /** Per phone: connect opened, and connect until its join was acknowledged (ms). */
  connectMs: number[];
  joinedMs: number[];
  /** Connects that failed and were retried (as a phone's socket.io client retries). */
  retries: number;
  errors: string[];
}
export interface AnswerResult {
  latencies: number[];
  lastAckAt: number;
  errors: string[];
}
export interface ClosedLoopResult {
  ok: number;
  refused: number;
  elapsedMs: number;
  latencies: number[];
  errors: string[];
}
export interface CountersResult {
  bytes: number[];
  messages: number[];
}
export interface ReconnectResult {
  /** Per phone: from the moment every phone started reconnecting until it had its snapshot. */
  snapshotMs: number[];
  retries: number;
  errors: string[];
}
export type LoadReply = { id: number; ok: true; data: unknown } | { id: number; ok: false; error: string };

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const mean = (values: readonly number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

function randomInt(n: number): number {
  return Math.floor(Math.random() * n);
}

function shuffled<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

/** A valid random answer for the activity (dots within both budgets, exactly K ranked, exactly 100 points). */
export function randomAnswer(spec: AnswerSpec): Record<string, unknown> {
  switch (spec.kind) {
    case 'dots': {
      const dots = new Map<string, number>();
      for (let d = 0; d < spec.dotsPerParticipant; d++) {
        const open = spec.valueIds.filter((id) => (dots.get(id) ?? 0) < spec.dotsMaxPerValue);
        if (open.length === 0) break;
        const id = open[randomInt(open.length)] as string;
        dots.set(id, (dots.get(id) ?? 0) + 1);
      }
      return { kind: 'dots', dots: Object.fromEntries(dots) };
    }
    case 'rank': {
      const k = Math.min(spec.rankK ?? spec.valueIds.length, spec.valueIds.length);
      return { kind: 'rank', order: shuffled(spec.valueIds).slice(0, k) };
    }
    case 'points': {
      const chosen = shuffled(spec.valueIds).slice(0, Math.min(spec.valueIds.length, 2 + randomInt(4)));
      const points = new Map<string, number>();
      let left = 100;
      chosen.forEach((id, i) => {
        const give = i === chosen.length - 1 ? left : randomInt(left + 1);
        left -= give;
        points.set(id, (points.get(id) ?? 0) + give);
      });
      return { kind: 'points', points: Object.fromEntries(points) };
    }
    case 'scan':
      return { kind: 'scan', scores: Object.fromEntries(spec.statementIds.map((id) => [id, 1 + randomInt(5)])) };
    case 'options': {
      // Every option against every value, −2 … +2, and "don't know" (null) about one time in ten;
      // one phone in five writes a "why" for one option, as a room does.
      const score = () => (randomInt(10) === 0 ? null : randomInt(5) - 2);
      const ratings = Object.fromEntries(spec.optionIds.map((o) => [o, Object.fromEntries(spec.valueIds.map((v) => [v, score()]))]));
      const why = randomInt(5) === 0 && spec.optionIds.length > 0 ? { [spec.optionIds[randomInt(spec.optionIds.length)] as string]: 'Betaalbaar en het werkt in oude huizen.' } : {};
      return { kind: 'options', ratings, why };
    }
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** CPU time (user + system, every thread) a process has used, in ms; NaN once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/**
 * The main thread's scheduler times (/proc/<pid>/schedstat): ms it ran, and ms it was ready to
 * run but waited for a CPU (taken by other processes). The JavaScript of a node process runs on
 * its main thread, so the wait is how long its work was held up by the rest of the machine.
 */
export function schedMs(pid: number): { runMs: number; waitMs: number } {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return { runMs: (run ?? NaN) / 1e6, waitMs: (wait ?? NaN) / 1e6 };
  } catch {
    return { runMs: NaN, waitMs: NaN };
  }
}

/** Resident memory now and its peak so far (VmRSS, VmHWM), in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Rejects when `p` has not settled within `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `task` for every item with at most `limit` running at once. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
