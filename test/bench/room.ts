/**
 * The orchestrator's side of one workshop: created over HTTP, watched by a board
 * (`view: 'board'`) and run from a console (the host token), both socket.io websockets.
 * Views are read loosely (only the fields the bench needs), so the bench keeps working while
 * the views' other fields change.
 */
import http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/index.js';
import { now, within, type AnswerSpec } from './common.js';

interface ActivityLike {
  id: string;
  kind: string;
  status: string;
  config: { valueIds: string[] | null; rankK: number | null; dotsPerParticipant: number; dotsMaxPerValue: number; statements: { id: string }[]; options: { id: string }[] };
}
export interface ViewLike {
  seq: number;
  currentActivityId: string | null;
  groups: { id: string }[];
  values: { id: string }[];
  activities: ActivityLike[];
  participation?: { total: number };
  answerCounts?: Record<string, { total: number } | undefined>;
}

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

let creations = 0;

/**
 * POST /api/workshops. Each call comes from its own loopback address (127.0.x.y: Linux routes
 * all of 127/8 to lo), as if every facilitator had their own machine: the server allows 30
 * creations per address per 10 minutes, and the bench creates more than that.
 */
export function createWorkshop(baseUrl: string, body: Record<string, unknown>): Promise<{ code: string; hostToken: string }> {
  const n = creations++;
  const localAddress = `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
  const data = JSON.stringify(body);
  return within(
    new Promise((resolve, reject) => {
      const req = http.request(`${baseUrl}/api/workshops`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`create workshop: ${res.statusCode} ${text.slice(0, 300)}`));
          const parsed = JSON.parse(text) as { code: string; hostToken: string };
          resolve({ code: parsed.code, hostToken: parsed.hostToken });
        });
      });
      req.on('error', reject);
      req.end(data);
    }),
    30_000,
    'create workshop',
  );
}

/** A websocket that remembers the latest payload of each event and when it arrived. */
export class Watched {
  readonly socket: Socket;
  private readonly latest = new Map<string, { at: number; payload: unknown }>();
  private readonly waiters = new Set<{ event: string; test: (p: unknown) => boolean; resolve: (at: number) => void }>();

  constructor(url: string, auth: Record<string, unknown>) {
    this.socket = io(url, { auth: { protocol: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false, timeout: 60_000 });
    this.socket.onAny((event: string, payload: unknown) => {
      const at = now();
      this.latest.set(event, { at, payload });
      for (const w of this.waiters) {
        if (w.event === event && w.test(payload)) {
          this.waiters.delete(w);
          w.resolve(at);
        }
      }
    });
  }

  connect(timeoutMs = 60_000): Promise<void> {
    return within(
      new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', (err) => reject(new Error(`connect: ${err.message}`)));
        this.socket.connect();
      }),
      timeoutMs,
      'connect',
    );
  }

  view<T = ViewLike>(event: string): T | undefined {
    return this.latest.get(event)?.payload as T | undefined;
  }

  /** Resolves with the arrival time of the first payload of `event` (the latest one included) that passes `test`. */
  when(event: string, test: (payload: ViewLike) => boolean, timeoutMs: number, what: string): Promise<number> {
    const seen = this.latest.get(event);
    if (seen && test(seen.payload as ViewLike)) return Promise.resolve(seen.at);
    let waiter!: { event: string; test: (p: unknown) => boolean; resolve: (at: number) => void };
    const p = new Promise<number>((resolve) => {
      waiter = { event, test: test as (p: unknown) => boolean, resolve };
      this.waiters.add(waiter);
    });
    return within(p, timeoutMs, what).finally(() => this.waiters.delete(waiter));
  }

  /** Like when(), but only for payloads that arrive from now on. */
  next(event: string, test: (payload: ViewLike) => boolean, timeoutMs: number, what: string): Promise<number> {
    this.latest.delete(event);
    return this.when(event, test, timeoutMs, what);
  }

  emit(event: string, payload: unknown, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    return within(
      new Promise<Record<string, unknown>>((resolve, reject) =>
        this.socket.emit(event, payload, (r: Ack) => (r.ok ? resolve(r.data) : reject(new Error(`${event}: ${r.error.code} ${r.error.message}`)))),
      ),
      timeoutMs,
      event,
    );
  }

  close(): void {
    this.socket.disconnect();
  }
}

export class Room {
  private constructor(
    readonly code: string,
    readonly hostToken: string,
    readonly host: Watched,
    readonly board: Watched,
  ) {}

  static async open(baseUrl: string, body: Record<string, unknown>): Promise<Room> {
    const { code, hostToken } = await createWorkshop(baseUrl, body);
    const host = new Watched(baseUrl, { code, hostToken });
    const board = new Watched(baseUrl, { code, view: 'board' });
    await Promise.all([host.connect(), board.connect()]);
    const room = new Room(code, hostToken, host, board);
    await host.when('workshop:host', () => true, 30_000, 'console snapshot');
    return room;
  }

  get hostView(): ViewLike {
    const v = this.host.view('workshop:host');
    if (!v) throw new Error('no console view yet');
    return v;
  }

  get groupIds(): string[] {
    return this.hostView.groups.map((g) => g.id);
  }

  /** Makes the activity current (a pending one opens) and returns how a phone answers it. */
  async goto(activityId: string): Promise<AnswerSpec> {
    await this.host.emit('agenda:goto', { activityId });
    await this.host.when('workshop:host', (v) => v.currentActivityId === activityId && v.activities.some((a) => a.id === activityId && a.status === 'open'), 30_000, 'activity open on the console');
    return this.spec(activityId);
  }

  /** A new activity of this kind at the end of the agenda, opened. */
  async addAndOpen(kind: AnswerSpec['kind']): Promise<AnswerSpec> {
    const { activityId } = await this.host.emit('agenda:add', { kind });
    return this.goto(String(activityId));
  }

  spec(activityId: string): AnswerSpec {
    const view = this.hostView;
    const a = view.activities.find((x) => x.id === activityId);
    if (!a) throw new Error(`no activity ${activityId}`);
    return {
      activityId,
      kind: a.kind as AnswerSpec['kind'],
      valueIds: a.config.valueIds ?? view.values.map((v) => v.id),
      rankK: a.config.rankK,
      dotsPerParticipant: a.config.dotsPerParticipant,
      dotsMaxPerValue: a.config.dotsMaxPerValue,
      statementIds: a.config.statements.map((s) => s.id),
      optionIds: a.config.options.map((o) => o.id),
    };
  }

  close(): void {
    this.host.close();
    this.board.close();
  }
}

/** The view counts at least `n` answers to the activity. */
export const answered = (activityId: string, n: number) => (v: ViewLike) => {
  const counts = v.answerCounts;
  return counts !== undefined && Object.hasOwn(counts, activityId) && (counts[activityId]?.total ?? -1) >= n;
};
