import {
  apply,
  applyInPlace,
  createWorkshop,
  decide,
  fail,
  ok,
  upgradeEvent,
  type Actor,
  type Command,
  type CreateWorkshopBody,
  type DomainEvent,
  type Result,
  type WorkshopState,
} from '../shared/index.js';
import { newId, newJoinCode, newWorkshopId } from './ids.js';
import type { Logger } from './logger.js';
import type { StoredWorkshop, WorkshopStore } from './store/types.js';
import { hashToken, newToken, tokenMatches } from './tokens.js';

/** One workshop in memory: the state every view is derived from, plus lookups for the handshake. */
export interface LiveWorkshop {
  readonly id: string;
  readonly code: string;
  state: WorkshopState;
  /** sha-256(participant token) → participant id. */
  readonly participantByTokenHash: Map<string, string>;
  /** The seq of the newest snapshot in the store. */
  snapshotSeq: number;
  /** Last command, connection or request that used it (epoch ms), for unloading idle workshops. */
  lastUsedAt: number;
}

/** Told about every accepted command after it is stored (the activity timers and the views listen). */
export type CommitListener = (workshop: LiveWorkshop, events: readonly DomainEvent[]) => void;
/** Told when a workshop is (re)loaded into memory, or its state replaced after a failed write. */
export type LoadListener = (workshop: LiveWorkshop) => void;

/** Codes tried before giving up; with 31^6 codes a collision is rare, ten in a row is a bug. */
const JOIN_CODE_ATTEMPTS = 10;

/** A snapshot is written once this many events follow the last one and the workshop is quiet… */
export const SNAPSHOT_AFTER_EVENTS = 500;
/** …for this long (a snapshot of a town hall's state takes tens of ms: not in the middle of a vote)… */
export const SNAPSHOT_QUIET_MS = 3_000;
/** …or at once when this many events follow it, quiet or not: a restart then replays at most about this many. */
export const SNAPSHOT_FORCE_EVENTS = 20_000;
/** A workshop nobody used for this long, with nobody connected and no timer running, leaves memory. */
export const IDLE_UNLOAD_MS = 15 * 60_000;

interface PendingCommand {
  workshop: LiveWorkshop;
  events: DomainEvent[];
  resolve: (result: Result<DomainEvent[]>) => void;
}

interface Batch {
  commands: PendingCommand[];
  /** Results that wait for this batch although they stored nothing (refusals, retries). */
  waiting: (() => void)[];
  /** Per workshop: the seq of its first event in this batch. */
  fromSeq: Map<LiveWorkshop, number>;
}

/**
 * The workshops, loaded from the store when first needed and unloaded when idle. The only
 * place that runs decide → apply → store, so "stored before acknowledged" holds for every
 * caller: commands are decided and applied at once (one at a time, synchronously, so they
 * never interleave), collected for the rest of the event-loop turn and committed in one
 * transaction; only then are their results delivered. A failed commit reloads the
 * workshops it touched from the store and answers INTERNAL to every command in it.
 */
export class WorkshopRegistry {
  private readonly byId = new Map<string, LiveWorkshop>();
  private readonly idByCode = new Map<string, string>();
  private readonly commitListeners: CommitListener[] = [];
  private readonly loadListeners: LoadListener[] = [];
  private batch: Batch | null = null;
  private readonly snapshotTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Whether something still needs a workshop (a socket, a timer) although nobody used it lately. */
  private inUse: (workshopId: string) => boolean = () => false;

  constructor(
    private readonly store: WorkshopStore,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  /** Workshops in memory now. */
  get size(): number {
    return this.byId.size;
  }

  /** Every workshop in memory. */
  loaded(): IterableIterator<LiveWorkshop> {
    return this.byId.values();
  }

  onCommit(listener: CommitListener): void {
    this.commitListeners.push(listener);
  }

  onLoad(listener: LoadListener): void {
    this.loadListeners.push(listener);
  }

  keepLoadedWhile(inUse: (workshopId: string) => boolean): void {
    this.inUse = inUse;
  }

  byCode(code: string): LiveWorkshop | undefined {
    const id = this.idByCode.get(code);
    const live = id === undefined ? undefined : this.byId.get(id);
    if (live) return this.touch(live);
    const row = this.store.findByCode(code);
    return row ? this.get(row.id) : undefined;
  }

  /** The workshop, loaded from the store if it is not in memory; undefined when unknown or unreadable. */
  get(id: string): LiveWorkshop | undefined {
    const live = this.byId.get(id);
    if (live) return this.touch(live);
    const stored = this.store.load(id);
    if (!stored) return undefined;
    if ('error' in stored) {
      this.logger.error(`Workshop ${stored.code} (${stored.id}) not loaded: ${stored.error}`);
      return undefined;
    }
    const state = this.replay(stored);
    if (!state) return undefined;
    const workshop: LiveWorkshop = {
      id: state.id,
      code: state.code,
      state,
      participantByTokenHash: tokenIndex(state),
            snapshotSeq: stored.snapshot?.seq ?? 0,
      lastUsedAt: this.clock(),
    };
    this.remember(workshop);
    return workshop;
  }

  /** Creates, stores and loads a workshop; the host token is returned once and only its hash is kept. */
  create(body: CreateWorkshopBody): { workshop: LiveWorkshop; hostToken: string } {
    const hostToken = newToken();
    const now = this.clock();
    const initial = createWorkshop(body, { id: newWorkshopId(), code: this.unusedJoinCode(), hostTokenHash: hashToken(hostToken), now, newId });
    const created: DomainEvent = { type: 'workshop:created', at: now, workshop: initial };
    this.store.create({ id: initial.id, code: initial.code, createdAt: now }, created);
    const state = apply(initial, created);
    const workshop: LiveWorkshop = { id: state.id, code: state.code, state, participantByTokenHash: new Map(), snapshotSeq: 0, lastUsedAt: now };
    this.remember(workshop);
    return { workshop, hostToken };
  }

  isHostToken(workshop: LiveWorkshop, token: string): boolean {
    return tokenMatches(token, workshop.state.hostTokenHash);
  }

  /** The participant a token belongs to, unless unknown or removed. */
  participantForToken(workshop: LiveWorkshop, token: string): string | null {
    // Looking up the hash of a 192-bit random token leaks nothing useful through timing;
    // the constant-time comparison below is the actual check.
    const id = workshop.participantByTokenHash.get(hashToken(token));
    const p = id !== undefined && Object.hasOwn(workshop.state.participants, id) ? workshop.state.participants[id] : undefined;
    if (!p || p.removed || !tokenMatches(token, p.tokenHash)) return null;
    return p.id;
  }

  /**
   * Decides and applies one validated command now, and resolves once it is stored: with its
   * events, with [] when it changed nothing, or with the refusal. Refused: the state is as
   * it was. Every result waits for the batch being collected, so a retry is never
   * acknowledged before the write it repeats is stored.
   */
  execute(workshop: LiveWorkshop, command: Command, actor: Actor, tokenHash?: string): Promise<Result<DomainEvent[]>> {
    return new Promise((resolve) => this.run(workshop, command, actor, tokenHash, resolve));
  }

  /**
   * execute() for the server's own commands (a timer's lock): commits at once, with whatever
   * else is being collected, and returns the result.
   */
  executeNow(workshop: LiveWorkshop, command: Command, actor: Actor): Result<DomainEvent[]> {
    let result: Result<DomainEvent[]> = fail('INTERNAL', 'Not settled');
    this.run(workshop, command, actor, undefined, (r) => (result = r));
    this.commit();
    return result;
  }

  private run(workshop: LiveWorkshop, command: Command, actor: Actor, tokenHash: string | undefined, settle: (result: Result<DomainEvent[]>) => void): void {
    workshop.lastUsedAt = this.clock();
    const decided = decide(workshop.state, command, actor, { now: this.clock(), newId, ...(tokenHash ? { tokenHash } : {}) });
    if (!decided.ok || decided.value.length === 0) {
      if (this.batch) this.batch.waiting.push(() => settle(decided));
      else settle(decided);
      return;
    }
    const events = decided.value;
    const batch = this.openBatch();
    if (!batch.fromSeq.has(workshop)) batch.fromSeq.set(workshop, workshop.state.seq + 1);
    try {
      for (const event of events) applyInPlace(workshop.state, event);
    } catch (err) {
      // decide() made an event apply() can't take: a bug. Nothing of this command is stored;
      // the state goes back to what the store holds, so this workshop's earlier commands in the
      // batch are undone too and answered INTERNAL with it.
      this.logger.error(`Workshop ${workshop.code}: ${command.type} could not be applied`, err);
      this.discardFromBatch(batch, workshop);
      settle(fail('INTERNAL', 'The server could not apply this; nothing changed'));
      return;
    }
    for (const event of events) {
      if (event.type === 'participant:joined') workshop.participantByTokenHash.set(event.participant.tokenHash, event.participant.id);
    }
    batch.commands.push({ workshop, events, resolve: settle });
  }

  /** Commits what is being collected now (the server is closing, or a test wants it on disk). */
  flush(): void {
    this.commit();
  }

  /**
   * Unloads workshops nobody used for IDLE_UNLOAD_MS that nothing keeps (a connection, a
   * timer), after a snapshot, so they come back quickly. Returns how many left memory.
   */
  unloadIdle(now = this.clock()): number {
    let unloaded = 0;
    for (const w of [...this.byId.values()]) {
      if (now - w.lastUsedAt < IDLE_UNLOAD_MS || this.inUse(w.id) || this.batch?.fromSeq.has(w)) continue;
      this.snapshot(w);
      this.forget(w);
      unloaded++;
    }
    return unloaded;
  }

  /** Snapshots every loaded workshop that has events since its last snapshot (at shutdown). */
  snapshotAll(): void {
    for (const w of this.byId.values()) this.snapshot(w);
  }

  /** Stops the snapshot timers; commits what is pending. */
  close(): void {
    this.commit();
    for (const t of this.snapshotTimers.values()) clearTimeout(t);
    this.snapshotTimers.clear();
  }

  private touch(w: LiveWorkshop): LiveWorkshop {
    w.lastUsedAt = this.clock();
    return w;
  }

  private replay(stored: StoredWorkshop): WorkshopState | null {
    try {
      let state: WorkshopState | null = stored.snapshot ? stored.snapshot.state : null;
      for (const { version, event } of stored.events) {
        const upgraded = upgradeEvent(version, event, state);
        if (state === null) {
          if (upgraded.type !== 'workshop:created') throw new Error('the log does not start with workshop:created');
          state = apply(upgraded.workshop, upgraded);
        } else {
          applyInPlace(state, upgraded);
        }
      }
      if (!state) throw new Error('the log is empty');
      return state;
    } catch (err) {
      this.logger.error(`Workshop ${stored.code} (${stored.id}) not loaded: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private openBatch(): Batch {
    if (!this.batch) {
      this.batch = { commands: [], waiting: [], fromSeq: new Map() };
      // setImmediate runs after the event loop's poll phase: every message that arrived in
      // this turn, from every socket, is in the batch by then.
      setImmediate(() => this.commit());
    }
    return this.batch;
  }

  private commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    let failed = false;
    try {
      const perWorkshop = new Map<LiveWorkshop, DomainEvent[]>();
      for (const c of batch.commands) {
        const events = perWorkshop.get(c.workshop);
        if (events) events.push(...c.events);
        else perWorkshop.set(c.workshop, [...c.events]);
      }
      this.store.appendBatch([...perWorkshop].map(([w, events]) => ({ workshopId: w.id, fromSeq: batch.fromSeq.get(w) ?? w.state.seq + 1 - events.length, events })));
    } catch (err) {
      failed = true;
      this.logger.error(`Could not store ${batch.commands.length} command(s); nothing of them changed`, err);
      for (const w of new Set(batch.commands.map((c) => c.workshop))) this.reload(w);
    }
    for (const c of batch.commands) {
      c.resolve(failed ? fail('INTERNAL', 'The server could not save this; nothing changed') : ok(c.events));
      if (failed) continue;
      // Stored: a failing listener must not turn an accepted command into an error.
      this.tell(this.commitListeners, c.workshop, c.events);
    }
    for (const w of batch.waiting) w();
    if (!failed) for (const w of new Set(batch.commands.map((c) => c.workshop))) this.maybeSnapshot(w);
  }

  /** Drops a workshop's uncommitted commands from the batch (answering INTERNAL) and reloads it. */
  private discardFromBatch(batch: Batch, workshop: LiveWorkshop): void {
    const kept: PendingCommand[] = [];
    for (const c of batch.commands) {
      if (c.workshop === workshop) c.resolve(fail('INTERNAL', 'The server could not save this; nothing changed'));
      else kept.push(c);
    }
    batch.commands = kept;
    batch.fromSeq.delete(workshop);
    this.reload(workshop);
  }

  /** Puts back the state the store holds; unloads the workshop if even that fails. */
  private reload(w: LiveWorkshop): void {
    const stored = this.store.load(w.id);
    const state = stored && !('error' in stored) ? this.replay(stored) : null;
    if (!state || !stored || 'error' in stored) {
      this.forget(w);
      return;
    }
    w.state = state;
    w.snapshotSeq = stored.snapshot?.seq ?? 0;
    w.participantByTokenHash.clear();
    for (const [hash, id] of tokenIndex(state)) w.participantByTokenHash.set(hash, id);
    this.tell(this.loadListeners, w);
  }

  private maybeSnapshot(w: LiveWorkshop): void {
    const behind = w.state.seq - w.snapshotSeq;
    if (behind >= SNAPSHOT_FORCE_EVENTS) return this.snapshot(w);
    if (behind < SNAPSHOT_AFTER_EVENTS) return;
    clearTimeout(this.snapshotTimers.get(w.id));
    const timer = setTimeout(() => {
      this.snapshotTimers.delete(w.id);
      if (this.byId.get(w.id) === w) this.snapshot(w);
    }, SNAPSHOT_QUIET_MS);
    timer.unref?.();
    this.snapshotTimers.set(w.id, timer);
  }

  private snapshot(w: LiveWorkshop): void {
    // Only committed state: with commands of this workshop still in the batch, wait for them.
    if (w.state.seq === w.snapshotSeq || this.batch?.fromSeq.has(w)) return;
    try {
      this.store.saveSnapshot(w.id, w.state.seq, w.state);
      w.snapshotSeq = w.state.seq;
    } catch (err) {
      // A snapshot only shortens the next load; the log still has everything.
      this.logger.error(`Workshop ${w.code}: snapshot not saved`, err);
    }
  }

  private remember(w: LiveWorkshop): void {
    this.byId.set(w.id, w);
    this.idByCode.set(w.code, w.id);
    this.tell(this.loadListeners, w);
  }

  private forget(w: LiveWorkshop): void {
    this.idByCode.delete(w.code);
    clearTimeout(this.snapshotTimers.get(w.id));
    this.snapshotTimers.delete(w.id);
    this.byId.delete(w.id);
  }

  private tell<A extends unknown[]>(listeners: ((...args: A) => void)[], ...args: A): void {
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (err) {
        this.logger.error('A workshop listener failed', err);
      }
    }
  }

  private unusedJoinCode(): string {
    for (let i = 0; i < JOIN_CODE_ATTEMPTS; i++) {
      const code = newJoinCode();
      if (!this.store.findByCode(code)) return code;
    }
    throw new Error('No unused join code found');
  }
}

function tokenIndex(state: WorkshopState): Map<string, string> {
  return new Map(Object.values(state.participants).map((p) => [p.tokenHash, p.id]));
}
