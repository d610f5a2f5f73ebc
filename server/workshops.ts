import {
  apply,
  applyInPlace,
  createWorkshop,
  decide,
  fail,
  ok,
  upgradeEvent,
  CAPS,
  activityWithDefaults,
  settingsWithDefaults,
  type Actor,
  type Caps,
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
/** Told when a workshop was deleted (by its facilitator or the retention sweep), after the store forgot it. */
export type DeleteListener = (workshopId: string) => void;

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

/**
 * Events after which the stored log still holds what the state no longer does (an erased
 * participant's everything; a removed participant's name): the log is compacted once they are
 * committed (see compact()).
 */
const FORGETTING_EVENTS: ReadonlySet<DomainEvent['type']> = new Set(['participant:erased', 'participant:removed']);
/**
 * A workshop's log is compacted at most this often: a compaction writes the whole state (tens of
 * ms for a town hall) and a WAL checkpoint, and 300 removals in a row should not cost 300 of
 * them. Ones due meanwhile run when the interval is over (or at flush/close).
 */
export const COMPACT_MIN_INTERVAL_MS = 2_000;
const DAY_MS = 86_400_000;

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
  private readonly deleteListeners: DeleteListener[] = [];
  private batch: Batch | null = null;
  private readonly snapshotTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Workshops whose damaged log was logged already (once per process). */
  private readonly reportedDamage = new Set<string>();
  /** Per workshop: when its log was last compacted (the clock's ms), and a compaction that waits for the interval. */
  private readonly compactedAt = new Map<string, number>();
  private readonly compactTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Whether something still needs a workshop (a socket, a timer) although nobody used it lately. */
  private inUse: (workshopId: string) => boolean = () => false;
  private otherHostToken: (state: WorkshopState, token: string) => boolean = () => false;

  constructor(
    private readonly store: WorkshopStore,
    private readonly clock: () => number,
    private readonly logger: Logger,
    /** The caps decide() enforces for every workshop of this server (AppConfig.caps). */
    readonly caps: Caps = CAPS,
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

  onDelete(listener: DeleteListener): void {
    this.deleteListeners.push(listener);
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
    const replayed = this.replay(stored);
    if (!replayed) return undefined;
    const { state } = replayed;
    const workshop: LiveWorkshop = {
      id: state.id,
      code: state.code,
      state,
      participantByTokenHash: tokenIndex(state),
      snapshotSeq: stored.snapshot?.seq ?? 0,
      lastUsedAt: this.clock(),
    };
    // A log whose erase (or removal) was committed but not compacted (the server stopped in
    // between, or the log is from before compaction existed) is compacted now.
    if (replayed.forgetting) this.compact(workshop);
    this.remember(workshop);
    return workshop;
  }

  /**
   * Deletes a workshop with everything in it: what is being collected is committed first, then
   * the store deletes its events, snapshot and row (gone from the file), memory lets go of it,
   * and the delete listeners tell its sockets and stop its timers. Its code never loads again.
   * False when there is no such workshop.
   */
  delete(workshopId: string): boolean {
    this.commit();
    const deleted = this.store.delete(workshopId, this.clock());
    const live = this.byId.get(workshopId);
    if (live) this.forget(live);
    this.compactedAt.delete(workshopId);
    if (deleted || live) this.tell(this.deleteListeners, workshopId);
    return deleted || live !== undefined;
  }

  /**
   * The retention sweep: deletes every workshop whose newest stored change is more than
   * `retentionDays` days old (0: keeps everything), and logs each by code and age only.
   * Returns the codes deleted.
   */
  deleteIdle(retentionDays: number, now = this.clock()): string[] {
    if (!(retentionDays > 0)) return [];
    this.commit();
    const deleted: string[] = [];
    for (const w of this.store.idleSince(now - retentionDays * DAY_MS)) {
      try {
        if (!this.delete(w.id)) continue;
        deleted.push(w.code);
        this.logger.info(`Retention: deleted workshop ${w.code}, unchanged for ${Math.floor((now - w.lastAt) / DAY_MS)} days (RETENTION_DAYS=${retentionDays})`);
      } catch (err) {
        this.logger.error(`Retention: workshop ${w.code} could not be deleted`, err);
      }
    }
    return deleted;
  }

  /** Creates, stores and loads a workshop; the host token is returned once and only its hash is kept. */
  create(body: CreateWorkshopBody): { workshop: LiveWorkshop; hostToken: string } {
    const hostToken = newToken();
    const workshop = this.createFrom((ctx) => createWorkshop(body, { ...ctx, hostTokenHash: hashToken(hostToken) }));
    return { workshop, hostToken };
  }

  /**
   * Stores and loads a workshop whose first state `build` makes from a fresh id and an unused
   * join code (a process's meeting: server/processes.ts), as its `workshop:created` event.
   */
  createFrom(build: (ctx: { id: string; code: string; now: number; newId: () => string }) => WorkshopState): LiveWorkshop {
    const now = this.clock();
    const initial = build({ id: newWorkshopId(), code: this.unusedJoinCode(), now, newId });
    const created: DomainEvent = { type: 'workshop:created', at: now, workshop: initial };
    this.store.create({ id: initial.id, code: initial.code, createdAt: now }, created);
    const state = apply(initial, created);
    const workshop: LiveWorkshop = { id: state.id, code: state.code, state, participantByTokenHash: new Map(), snapshotSeq: 0, lastUsedAt: now };
    this.remember(workshop);
    return workshop;
  }

  /**
   * Another token that opens a workshop as its host besides its own host token: a process's
   * organiser token opens every meeting of that process (server/processes.ts sets this).
   */
  acceptHostTokens(check: (state: WorkshopState, token: string) => boolean): void {
    this.otherHostToken = check;
  }

  isHostToken(workshop: LiveWorkshop, token: string): boolean {
    return tokenMatches(token, workshop.state.hostTokenHash) || this.otherHostToken(workshop.state, token);
  }

  /** The workshop if it is in memory now, without loading it or counting as a use. */
  peek(id: string): LiveWorkshop | undefined {
    return this.byId.get(id);
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
    const decided = decide(workshop.state, command, actor, { now: this.clock(), newId, caps: this.caps, ...(tokenHash ? { tokenHash } : {}) });
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
      // An erased participant's token hash leaves the index with them (rare: a scan is fine).
      if (event.type === 'participant:erased') {
        for (const [hash, id] of workshop.participantByTokenHash) if (id === event.participantId) workshop.participantByTokenHash.delete(hash);
      }
    }
    batch.commands.push({ workshop, events, resolve: settle });
  }

  /** Commits what is being collected now, and runs compactions that wait (the server is closing, or a test wants it on disk). */
  flush(): void {
    this.commit();
    for (const id of [...this.compactTimers.keys()]) {
      clearTimeout(this.compactTimers.get(id));
      this.compactTimers.delete(id);
      const w = this.byId.get(id);
      if (w) this.compact(w);
    }
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

  /** Stops the snapshot timers; commits what is pending and runs compactions that wait. */
  close(): void {
    this.flush();
    for (const t of this.snapshotTimers.values()) clearTimeout(t);
    this.snapshotTimers.clear();
  }

  private touch(w: LiveWorkshop): LiveWorkshop {
    w.lastUsedAt = this.clock();
    return w;
  }

  /**
   * The state the stored log builds, tolerant of a damaged log: a missing event (a gap in seq,
   * a row deleted by hand), an unreadable one or one that cannot be applied is skipped, and the
   * workshop loads from what remains; `seq` follows the stored numbers, so the next event gets
   * a free one. Logged once per workshop while the server runs, by seq numbers only (no
   * content). The damaged rows stay as they are (someone may repair them); the next snapshot
   * covers them. Refused: a log without its start (no snapshot, no `workshop:created`), and an
   * event from a newer version.
   */
  private replay(stored: StoredWorkshop): { state: WorkshopState; forgetting: boolean } | null {
    let state: WorkshopState | null = stored.snapshot ? stored.snapshot.state : null;
    let expected = (stored.snapshot?.seq ?? 0) + 1;
    const missing: number[] = [];
    const skipped: number[] = [];
    let forgetting = false;
    const unreadable = new Set(stored.unreadable);
    try {
      for (const { seq, version, event } of stored.events) {
        for (let gap = expected; gap < seq; gap++) (unreadable.has(gap) ? skipped : missing).push(gap);
        expected = seq + 1;
        if (state === null) {
          const upgraded = upgradeEvent(version, event, state);
          if (upgraded.type !== 'workshop:created') throw new Error('the log does not start with workshop:created');
          state = apply(upgraded.workshop, upgraded);
        } else {
          // An event from a newer Raakvlak is not skipped: the workshop is refused, so that
          // nothing written on top of the skipped state makes it look complete.
          const upgraded = upgradeEvent(version, event, state);
          try {
            applyInPlace(state, upgraded);
          } catch {
            skipped.push(seq);
          }
        }
        state.seq = seq;
        if (FORGETTING_EVENTS.has(event.type)) forgetting = true;
      }
      if (!state) throw new Error('the log is empty');
      // A snapshot written before a setting existed lacks it.
      state.settings = settingsWithDefaults(state.settings);
      state.activities = state.activities.map(activityWithDefaults);
    } catch (err) {
      this.logger.error(`Workshop ${stored.code} (${stored.id}) not loaded: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
    const damaged = missing.length + skipped.length > 0;
    if (damaged && !this.reportedDamage.has(stored.id)) {
      this.reportedDamage.add(stored.id);
      this.logger.error(
        `Workshop ${stored.code} (${stored.id}) loaded without ${missing.length + skipped.length} of its events: ` +
          [missing.length ? `missing ${ranges(missing)}` : '', skipped.length ? `unreadable or not applicable ${ranges(skipped)}` : ''].filter(Boolean).join('; '),
      );
    }
    return { state, forgetting };
  }

  /**
   * Compacts a workshop's stored log: its state now becomes the snapshot and every event and
   * snapshot before it is deleted, in one transaction (then the WAL is emptied). Why this way:
   * an erase must reach what is stored, and rewriting each old event to leave one person out is
   * a second implementation of apply() for every event type (one missed field keeps a name),
   * while per-participant encryption keys would still leave the room's own history (pre-edit
   * titles, hidden stories) and need key management; the state after apply() is exactly what
   * the room still has, so storing it and dropping the past keeps nothing else. What is lost is
   * the history before it (earlier answers, edits), which only the log held.
   */
  private compact(w: LiveWorkshop): void {
    clearTimeout(this.compactTimers.get(w.id));
    this.compactTimers.delete(w.id);
    if (this.batch?.fromSeq.has(w)) {
      // Only committed state is stored: try again once this batch is in.
      this.compactSoon(w, 0);
      return;
    }
    try {
      this.store.compact(w.id, w.state.seq, w.state);
      w.snapshotSeq = w.state.seq;
      this.compactedAt.set(w.id, this.clock());
    } catch (err) {
      this.logger.error(`Workshop ${w.code}: log not compacted; it is tried again after the next change that needs it`, err);
    }
  }

  private compactSoon(w: LiveWorkshop, delayMs: number): void {
    if (this.compactTimers.has(w.id)) return;
    const timer = setTimeout(() => {
      this.compactTimers.delete(w.id);
      if (this.byId.get(w.id) === w) this.compact(w);
    }, delayMs);
    timer.unref?.();
    this.compactTimers.set(w.id, timer);
  }

  /** After a commit: compact now, or once the interval since the last compaction is over. */
  private maybeCompact(w: LiveWorkshop): void {
    const last = this.compactedAt.get(w.id);
    const wait = last === undefined ? 0 : last + COMPACT_MIN_INTERVAL_MS - this.clock();
    if (wait <= 0) this.compact(w);
    else this.compactSoon(w, wait);
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
    if (failed) return;
    const forgetting = new Set(batch.commands.filter((c) => c.events.some((e) => FORGETTING_EVENTS.has(e.type))).map((c) => c.workshop));
    for (const w of new Set(batch.commands.map((c) => c.workshop))) {
      if (this.byId.get(w.id) !== w) continue;
      if (forgetting.has(w)) this.maybeCompact(w);
      else this.maybeSnapshot(w);
    }
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
    const state = stored && !('error' in stored) ? this.replay(stored)?.state : null;
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
    if (this.batch?.fromSeq.has(w)) return;
    // A compaction that waits is a snapshot too, and must not be lost to one (a snapshot past an
    // erase would hide it from the check at the next load): run it now.
    if (this.compactTimers.has(w.id)) return this.compact(w);
    if (w.state.seq === w.snapshotSeq) return;
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
    clearTimeout(this.compactTimers.get(w.id));
    this.compactTimers.delete(w.id);
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
      // A deleted workshop's code stays taken: phones and boards that still have it must not open another workshop.
      if (!this.store.codeTaken(code)) return code;
    }
    throw new Error('No unused join code found');
  }
}

/** Seq numbers as short ranges: 5, 7–9. */
function ranges(seqs: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < seqs.length; i++) {
    const start = seqs[i] as number;
    while (i + 1 < seqs.length && seqs[i + 1] === (seqs[i] as number) + 1) i++;
    out.push(start === seqs[i] ? `${start}` : `${start}–${seqs[i]}`);
  }
  return out.join(', ');
}

function tokenIndex(state: WorkshopState): Map<string, string> {
  return new Map(Object.values(state.participants).map((p) => [p.tokenHash, p.id]));
}
