/**
 * The bench's child processes: the Raakvlak server (server/main.ts, as `npm start` runs it),
 * the bare socket.io server and the load processes. Every process started here is tracked and
 * killed by killAll(), which the orchestrator calls on every way out.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadReply, LoadRequest } from './common.js';
import { now, within } from './common.js';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** SIGKILLs every process the bench started that is still running. */
export function killAll(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  port: number;
  /** From spawn until the "listening on" line (ms). */
  listeningMs: number;
  /** The process's output so far (for error messages). */
  output(): string;
}

/** A port that was free a moment ago (for a server that must come back on the same port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts an entry point — built JavaScript with plain node (the server as `npm start` runs it),
 * TypeScript under tsx — and waits for its "listening on http://host:port" line.
 */
export async function startServer(entry: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const t0 = now();
  const child = track(
    spawn(process.execPath, entry.endsWith('.js') ? [entry] : ['--import', 'tsx', entry], {
      cwd: repo,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const port = await within(
    new Promise<number>((resolve, reject) => {
      const read = () => {
        const m = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code, signal) => reject(new Error(`${entry} exited (${code ?? signal}):\n${output.slice(-2000)}`)));
    }),
    timeoutMs,
    `${entry} start`,
  ).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return { child, pid: child.pid as number, url: `http://127.0.0.1:${port}`, port, listeningMs: now() - t0, output: () => output };
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  }
}

/** SIGKILL and wait for the exit. */
export async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

/** One forked load process (load.ts) and its request/reply channel. */
export class LoadProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  private constructor(readonly child: ChildProcess) {
    let ready!: () => void;
    this.ready = new Promise<void>((r) => (ready = r));
    child.on('message', (reply: LoadReply) => {
      if (reply.id === 0) return ready();
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.data);
      else p.reject(new Error(`load process: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`load process exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadProcess> {
    const child = track(fork(path.join(repo, 'test/bench/load.ts'), [], { cwd: repo, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const load = new LoadProcess(child);
    await within(load.ready, 60_000, 'load process start');
    return load;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  request<T>(req: LoadRequest, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, req });
    });
    return within(reply, timeoutMs, `load ${req.op}`).finally(() => this.pending.delete(id));
  }
}
