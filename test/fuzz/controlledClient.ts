import { io as connectClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type AckResult, type CommandName, type ErrorBody, type HostView, type PublicView, type SelfView } from '../../shared/index.js';
import type { Random } from './random.js';

/**
 * A client whose network the test drives, around a real socket.io-client socket:
 * - commands wait in `outgoing` and leave only on `send()`;
 * - whatever the server sends (views and acks) waits in `inbox` and reaches the client's model
 *   only on `deliver()`, where an ack can be lost (dropped before the model sees it);
 * - a lost connection loses whatever was still in the network (inbox and outgoing).
 *
 * The model mirrors the phone: writes it makes carry an id it made and sit in an outbox until
 * acknowledged; after a lost ack or a reconnect they are sent again with the same id.
 */

/** One write a client made, and what became of it. */
export interface WriteRecord {
  /**
   * The client-made id (storyId, valueId, answerId), or the natural key of an endorsement
   * (`endorse:<storyId>`, `open:<openAnswerId>`) or a group change (`group:<n>`).
   */
  key: string;
  client: string;
  name: CommandName;
  payload: Record<string, unknown>;
  /** superseded: replaced by a newer write of the same client (an answer, a group change) before it was acknowledged. */
  status: 'pending' | 'acked' | 'refused' | 'superseded';
  ackData?: unknown;
  error?: ErrorBody;
  sends: number;
  lostAcks: number;
  /** Whether this write's ack may be lost (its command is idempotent by id or natural key). */
  droppable: boolean;
}

interface OutboxEntry {
  record: WriteRecord;
  inFlight: boolean;
  queued: boolean;
}

interface Outgoing {
  key: string;
  name: CommandName;
  payload: Record<string, unknown>;
}

type Inbound = { type: 'event'; event: string; payload: unknown } | { type: 'ack'; key: string; result: AckResult<unknown> };

export type RoomEvent = 'workshop:public' | 'workshop:phone';
const ROOM_EVENTS: readonly string[] = ['workshop:public', 'workshop:phone'];

/** Errors after which a write is still wanted: the server did not decide about it. */
const TRANSIENT: readonly string[] = ['RATE_LIMITED', 'INTERNAL'];

/** An event name the server does not know: it answers with an ack at once, after everything it sent before. */
const BARRIER_EVENT = 'fuzz:barrier';

export interface Credentials {
  code: string;
  hostToken?: string;
  participantToken?: string;
}

export class ControlledClient {
  private socket: Socket | null = null;
  private inbox: Inbound[] = [];
  private outgoing: Outgoing[] = [];
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly records = new Map<string, WriteRecord>();
  private readonly handlers = new Map<string, (result: AckResult<unknown>) => void>();
  private commandCount = 0;
  /** Date.now() when this client last sent an answer or an open-answer endorsement (what live results read). */
  lastAnswerSentAt = 0;
  /** Acks the live socket still waits for. */
  awaiting = 0;
  /** seq of the latest room view the live socket received (delivered or not); -1 before its snapshot. */
  rawSeq = -1;

  /** The model: the latest views delivered, by the rule "ignore a view whose seq is lower". */
  room: PublicView | null = null;
  roomEvent: RoomEvent | null = null;
  self: SelfView | null = null;
  host: HostView | null = null;

  participantId: string | null = null;
  token: string | null = null;
  /** A phone that wants to join this group (again, if its join was lost with its connection). */
  joinGroup: string | null = null;

  constructor(
    readonly name: string,
    readonly kind: 'host' | 'phone',
    private readonly code: string,
    private readonly hostToken: string | null,
    private readonly log: WriteRecord[],
  ) {}

  get connected(): boolean {
    return this.socket !== null;
  }

  credentials(): Credentials {
    if (this.hostToken) return { code: this.code, hostToken: this.hostToken };
    return this.token ? { code: this.code, participantToken: this.token } : { code: this.code };
  }

  async connect(url: string): Promise<void> {
    if (this.socket) throw new Error(`${this.name} is connected already`);
    const socket = connectClient(url, {
      auth: { protocol: PROTOCOL_VERSION, ...this.credentials() },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
    });
    // Live before the first packet: the snapshot can arrive in the same read as the connect.
    this.socket = socket;
    this.rawSeq = -1;
    socket.onAny((event: string, payload: unknown) => {
      if (this.socket !== socket) return;
      if (ROOM_EVENTS.includes(event)) this.rawSeq = (payload as { seq: number }).seq;
      this.inbox.push({ type: 'event', event, payload });
    });
    socket.on('disconnect', () => {
      if (this.socket === socket) this.lostConnection();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => {
        if (this.socket === socket) this.lostConnection();
        socket.disconnect();
        reject(new Error(`${this.name} could not connect: ${err.message}`));
      });
      socket.connect();
    });
    // A phone retries what it has not seen acknowledged, and a phone whose join got lost joins again.
    if (this.kind === 'phone' && !this.token && this.joinGroup) this.queueJoin(this.joinGroup);
    this.retry();
  }

  /** The phone's screen locks, or its network drops: whatever is still in the network is lost. */
  disconnect(): void {
    const socket = this.socket;
    if (!socket) return;
    this.lostConnection();
    socket.disconnect();
  }

  private lostConnection(): void {
    this.socket = null;
    this.inbox = [];
    this.outgoing = [];
    this.handlers.clear();
    this.awaiting = 0;
    this.rawSeq = -1;
    for (const entry of this.outbox.values()) {
      entry.inFlight = false;
      entry.queued = false;
    }
  }

  /** A write with a client-made id: into the outbox, and out with the next send when connected. */
  write(name: CommandName, payload: Record<string, unknown>, key: string, droppable = true): WriteRecord {
    const record: WriteRecord = { key, client: this.name, name, payload, status: 'pending', sends: 0, lostAcks: 0, droppable };
    this.log.push(record);
    this.records.set(key, record);
    this.outbox.set(key, { record, inFlight: false, queued: false });
    this.retry();
    return record;
  }

  /** A command without an outbox (moderation, join): sent once, its ack never lost, gone with the connection. */
  command(name: CommandName, payload: Record<string, unknown>, onAck: (result: AckResult<unknown>) => void = () => undefined): void {
    if (!this.socket) return;
    const key = `command:${++this.commandCount}`;
    this.handlers.set(key, onAck);
    this.outgoing.push({ key, name, payload });
  }

  private queueJoin(groupId: string): void {
    this.command('participant:join', { groupId }, (result) => {
      if (!result.ok) throw new Error(`${this.name} could not join: ${result.error.code} ${result.error.message}`);
      const data = result.data as { participantId: string; token: string };
      this.participantId = data.participantId;
      this.token = data.token;
    });
  }

  join(groupId: string): void {
    this.joinGroup = groupId;
    this.queueJoin(groupId);
  }

  /**
   * A newer write replaces the older ones it makes moot that were not acknowledged yet (a new
   * answer to the same activity, a later change of group): sending those again could bring
   * back what the participant changed since.
   */
  supersede(moot: (record: WriteRecord) => boolean): void {
    for (const [key, entry] of this.outbox) {
      if (!moot(entry.record)) continue;
      entry.record.status = 'superseded';
      this.outbox.delete(key);
    }
    this.outgoing = this.outgoing.filter((o) => this.outbox.has(o.key) || this.handlers.has(o.key));
  }

  /** Puts every write not in flight back in the outgoing queue (the phone's retry timer). */
  retry(): void {
    if (!this.socket) return;
    for (const entry of this.outbox.values()) {
      if (entry.inFlight || entry.queued) continue;
      entry.queued = true;
      this.outgoing.push({ key: entry.record.key, name: entry.record.name, payload: entry.record.payload });
    }
  }

  get retryable(): number {
    return [...this.outbox.values()].filter((e) => !e.inFlight && !e.queued).length;
  }

  get pendingWrites(): number {
    return this.outbox.size;
  }

  get outgoingCount(): number {
    return this.outgoing.length;
  }

  get inboxCount(): number {
    return this.inbox.length;
  }

  hasPending(key: string): boolean {
    return this.outbox.has(key);
  }

  /** Lets every queued command leave. */
  send(): void {
    const socket = this.socket;
    if (!socket) return;
    for (const item of this.outgoing.splice(0)) {
      const entry = this.outbox.get(item.key);
      if (entry) {
        entry.queued = false;
        entry.inFlight = true;
        entry.record.sends++;
      }
      if (item.name === 'answer:submit' || item.name === 'open-answer:endorse') this.lastAnswerSentAt = Date.now();
      this.awaiting++;
      socket.emit(item.name, item.payload, (result: AckResult<unknown>) => {
        if (this.socket !== socket) return;
        this.awaiting--;
        this.inbox.push({ type: 'ack', key: item.key, result });
      });
    }
  }

  /** Hands everything that arrived to the model; each droppable ack is lost with probability `lossRate`. */
  deliver(rng: Random | null, lossRate = 0): { acks: number; lost: number; views: number } {
    const counts = { acks: 0, lost: 0, views: 0 };
    for (const item of this.inbox.splice(0)) {
      if (item.type === 'event') {
        counts.views++;
        this.receive(item.event, item.payload);
        continue;
      }
      counts.acks++;
      const entry = this.outbox.get(item.key);
      if (entry && entry.record.droppable && rng && lossRate > 0 && rng.chance(lossRate)) {
        // The phone's ack timeout: it will send the write again, with the same id.
        entry.inFlight = false;
        entry.record.lostAcks++;
        counts.lost++;
        continue;
      }
      this.acknowledged(item.key, item.result);
    }
    return counts;
  }

  private acknowledged(key: string, result: AckResult<unknown>): void {
    const handler = this.handlers.get(key);
    if (handler) {
      this.handlers.delete(key);
      handler(result);
      return;
    }
    const entry = this.outbox.get(key);
    if (!entry) {
      // An answer superseded while in flight: note what the server said, for the report.
      const record = this.records.get(key);
      if (record && result.ok) record.ackData = result.data;
      return;
    }
    const { record } = entry;
    if (result.ok) {
      record.status = 'acked';
      record.ackData = result.data;
      this.outbox.delete(key);
    } else if (record.name === 'story:endorse' && result.error.code === 'CONFLICT') {
      // "Already endorsed": the endorsement is there, which is what the phone wanted.
      record.status = 'acked';
      record.error = result.error;
      this.outbox.delete(key);
    } else if (TRANSIENT.includes(result.error.code)) {
      entry.inFlight = false;
    } else {
      record.status = 'refused';
      record.error = result.error;
      this.outbox.delete(key);
    }
  }

  private receive(event: string, payload: unknown): void {
    const newer = (have: { seq: number } | null, got: unknown) => have === null || (got as { seq: number }).seq >= have.seq;
    if (ROOM_EVENTS.includes(event)) {
      if (newer(this.room, payload)) {
        this.room = payload as PublicView;
        this.roomEvent = event as RoomEvent;
      }
    } else if (event === 'participant:self') {
      if (newer(this.self, payload)) this.self = payload as SelfView;
    } else if (event === 'workshop:host') {
      if (newer(this.host, payload)) this.host = payload as HostView;
    }
  }

  /** Resolves once everything the server sent this socket before now has arrived (or the socket is gone). */
  barrier(timeoutMs = 3000): Promise<void> {
    const socket = this.socket;
    if (!socket) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no answer to the barrier within ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        socket.off('disconnect', done);
        resolve();
      };
      socket.once('disconnect', done);
      socket.emit(BARRIER_EVENT, {}, done);
    });
  }
}

/**
 * What the server sends a fresh connection with these credentials: the snapshot, one payload
 * per event (the latest, should one come twice).
 */
export async function snapshot(url: string, credentials: Credentials, timeoutMs = 3000): Promise<Map<string, unknown>> {
  const socket = connectClient(url, {
    auth: { protocol: PROTOCOL_VERSION, ...credentials },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
  });
  const got = new Map<string, unknown>();
  socket.onAny((event: string, payload: unknown) => got.set(event, payload));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('snapshot: no connection')), timeoutMs);
      // The snapshot may go out a moment after the connect (the server batches arrivals): wait
      // for the views these credentials get, then a barrier for anything sent with them.
      const expected = ['participant:self', 'workshop:host'].filter((e) => (e === 'workshop:host' ? credentials.hostToken : credentials.participantToken && !credentials.hostToken));
      const complete = () => (got.has('workshop:public') || got.has('workshop:phone')) && expected.every((e) => got.has(e));
      const barrier = () =>
        socket.emit(BARRIER_EVENT, {}, () => {
          clearTimeout(timer);
          resolve();
        });
      socket.once('connect', () => {
        if (complete()) return barrier();
        const check = () => {
          if (!complete()) return;
          socket.offAny(check);
          barrier();
        };
        socket.onAny(check);
      });
      socket.once('connect_error', (err) => {
        clearTimeout(timer);
        reject(new Error(`snapshot: ${err.message}`));
      });
      socket.connect();
    });
  } finally {
    socket.disconnect();
  }
  return got;
}

/**
 * A board (a visitor connected with `view: 'board'`), outside the clients under test: it is sent
 * the room's view after every change, so once it has the server's seq the flush that carried
 * every socket's views for that change has happened.
 */
export class BoardObserver {
  private socket: Socket | null = null;
  seq = -1;

  async connect(url: string, code: string): Promise<void> {
    const socket = connectClient(url, {
      auth: { protocol: PROTOCOL_VERSION, code, view: 'board' },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
    });
    this.socket = socket;
    this.seq = -1;
    socket.on('workshop:public', (view: { seq: number }) => {
      if (this.socket === socket) this.seq = view.seq;
    });
    socket.on('disconnect', () => {
      if (this.socket === socket) this.socket = null;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(new Error(`board could not connect: ${err.message}`)));
      socket.connect();
    });
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.disconnect();
  }
}
