import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, afterEach } from 'vitest';
import {
  PROTOCOL_VERSION,
  type AckResult,
  type ClientToServerEvents,
  type CommandInput,
  type CommandName,
  type CommandResults,
  type CreateWorkshopInput,
  type CreateWorkshopResponse,
  type ServerToClientEvents,
} from '../../shared/index.js';
import { createApp, type AppConfig, type RaakvlakApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { SqliteStore } from '../../server/store/sqliteStore.js';
import type { WorkshopStore } from '../../server/store/types.js';
import { databaseFile } from '../../server/env.js';

/**
 * Integration test harness: a real server on a free port with a temporary SQLite store, real
 * socket.io-clients, and typed helpers to send commands and wait for views.
 */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ServerEvent = keyof ServerToClientEvents;
export type EventPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

const DEFAULT_WAIT_MS = 3000;

const tempDirs: string[] = [];
// Registered when a test file imports the harness: its temporary directories go with it.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-test-'));
  tempDirs.push(dir);
  return dir;
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  app: RaakvlakApp;
  store: WorkshopStore;
  /** Disconnects this server's test clients, closes the app and the store (the directory stays). */
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  /** Listen on this port (a restart on the same port lets auto-reconnecting clients come back). */
  port?: number;
  clock?: () => number;
  config?: AppConfig;
  /** Wraps the SQLite store, e.g. to make writes fail. */
  wrapStore?: (store: SqliteStore) => WorkshopStore;
}

/** What the socket and HTTP helpers need: a server in this process, or one spawned as a child. */
export type Endpoint = Pick<TestServer, 'url'>;

const clientsOf = new WeakMap<Endpoint, Set<ClientSocket>>();

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const sqlite = new SqliteStore(databaseFile(dataDir));
  const store = opts.wrapStore ? opts.wrapStore(sqlite) : sqlite;
  const app = createApp({ store, processStore: sqlite, clock: opts.clock ?? Date.now, config: { logger: silentLogger, ...opts.config } });
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (app.httpServer.address() as AddressInfo).port;
  const server: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    app,
    store,
    async close() {
      disconnectAll(server);
      await app.close();
      store.close();
    },
  };
  return server;
}

/** Disconnects every test client opened against this endpoint. */
export function disconnectAll(server: Endpoint): void {
  for (const c of clientsOf.get(server) ?? []) c.disconnect();
}

export async function createWorkshop(server: Endpoint, body: CreateWorkshopInput): Promise<CreateWorkshopResponse> {
  const res = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

export interface AuthInput {
  code: string;
  hostToken?: string;
  participantToken?: string;
  view?: 'board' | 'phone';
  protocol?: number;
}

interface Recorder {
  last: Map<string, unknown>;
  log: { event: string; payload: unknown }[];
}
const recorders = new WeakMap<ClientSocket, Recorder>();

function openSocket(server: Endpoint, auth: unknown, reconnection: boolean): ClientSocket {
  const socket: ClientSocket = connectClient(server.url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    forceNew: true,
    reconnection,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    autoConnect: false,
  });
  // Record every server event from the first packet on, so waitFor() also sees snapshots
  // that arrived before the test started waiting.
  const rec: Recorder = { last: new Map(), log: [] };
  recorders.set(socket, rec);
  socket.onAny((event: string, payload: unknown) => {
    rec.last.set(event, payload);
    rec.log.push({ event, payload });
  });
  let clients = clientsOf.get(server);
  if (!clients) clientsOf.set(server, (clients = new Set()));
  clients.add(socket);
  socket.connect();
  return socket;
}

/** Connects and resolves once connected; rejects with the connect_error message. */
export function connect(server: Endpoint, auth: AuthInput | unknown, opts: { reconnection?: boolean } = {}): Promise<ClientSocket> {
  const withProtocol = typeof auth === 'object' && auth !== null && 'code' in auth ? { protocol: PROTOCOL_VERSION, ...auth } : auth;
  const socket = openSocket(server, withProtocol, opts.reconnection ?? false);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(new Error(err.message));
    });
  });
}

/** The connect_error message a refused handshake gets. */
export async function refusal(server: Endpoint, auth: unknown): Promise<string> {
  try {
    await connect(server, auth);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('The connection was accepted');
}

export const connectHost = (server: Endpoint, w: Pick<CreateWorkshopResponse, 'code' | 'hostToken'>) =>
  connect(server, { code: w.code, hostToken: w.hostToken });

/** The board: a visitor that asks for the board's view (`workshop:public`, with live counts). */
export const connectVisitor = (server: Endpoint, code: string) => connect(server, { code, view: 'board' });

/** A phone that has not joined yet (`workshop:phone`). */
export const connectPhone = (server: Endpoint, code: string) => connect(server, { code, view: 'phone' });

export interface TestParticipant {
  socket: ClientSocket;
  participantId: string;
  token: string;
}

/** A phone: connects as a visitor and joins a group. */
export async function joinAs(server: Endpoint, code: string, groupId: string, name?: string): Promise<TestParticipant> {
  const socket = await connectPhone(server, code);
  const data = await mustAck(socket, 'participant:join', { groupId, ...(name ? { name } : {}) });
  return { socket, participantId: data.participantId, token: data.token };
}

/** Sends a command and resolves with its ack. */
export function emitAck<K extends CommandName>(socket: ClientSocket, event: K, payload: CommandInput<K>, timeoutMs = DEFAULT_WAIT_MS): Promise<AckResult<CommandResults[K]>> {
  return rawEmitAck(socket, event, payload, timeoutMs) as Promise<AckResult<CommandResults[K]>>;
}

/** Sends a command that must be accepted and resolves with its ack data. */
export async function mustAck<K extends CommandName>(socket: ClientSocket, event: K, payload: CommandInput<K>): Promise<CommandResults[K]> {
  const result = await emitAck(socket, event, payload);
  if (!result.ok) throw new Error(`${event} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Untyped emit, for garbage: any event name, any arguments; the ack comes last. */
export function rawEmitAck(socket: ClientSocket, event: string, payload: unknown, timeoutMs = DEFAULT_WAIT_MS): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event} within ${timeoutMs} ms`)), timeoutMs);
    rawEmit(socket, event, payload, (result: unknown) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}

export function rawEmit(socket: ClientSocket, event: string, ...args: unknown[]): void {
  (socket.emit as unknown as (event: string, ...rest: unknown[]) => void).call(socket, event, ...args);
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only a payload that arrives from now on counts, not the latest one already received. */
  next?: boolean;
}

/** Resolves with the latest (or next) payload of an event that satisfies the predicate. */
export function waitFor<E extends ServerEvent>(
  socket: ClientSocket,
  event: E,
  predicate: (payload: EventPayload<E>) => boolean = () => true,
  { timeoutMs = DEFAULT_WAIT_MS, next = false }: WaitOptions = {},
): Promise<EventPayload<E>> {
  const rec = recorders.get(socket);
  if (!next && rec?.last.has(event) && predicate(rec.last.get(event) as EventPayload<E>)) return Promise.resolve(rec.last.get(event) as EventPayload<E>);
  return new Promise((resolve, reject) => {
    const on = socket.on.bind(socket) as unknown as (e: string, l: (p: EventPayload<E>) => void) => void;
    const off = socket.off.bind(socket) as unknown as (e: string, l: (p: EventPayload<E>) => void) => void;
    const listener = (payload: EventPayload<E>) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`no ${event} matching within ${timeoutMs} ms (last: ${JSON.stringify(rec?.last.get(event))?.slice(0, 300)})`));
    }, timeoutMs);
    on(event, listener);
  });
}

/** Every server event this socket received, in order. */
export function received(socket: ClientSocket): readonly { event: string; payload: unknown }[] {
  return recorders.get(socket)?.log ?? [];
}

/** Resolves after the broadcast window, so "nothing more arrives" can be checked. */
export const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));

/** The live state on the server, for checks that nothing changed. */
export function serverState(server: TestServer, code: string) {
  const w = server.app.registry.byCode(code);
  if (!w) throw new Error(`no workshop ${code}`);
  return w.state;
}

/**
 * Starts servers for one test file and closes whatever is still running after each test:
 * `const start = serverPool();` at the top of a describe, then `await start()` in tests.
 */
export function serverPool(): (opts?: StartOptions) => Promise<TestServer> {
  const running: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close().catch(() => undefined)));
  });
  return async (opts) => {
    const server = await startServer(opts);
    running.push(server);
    return server;
  };
}
