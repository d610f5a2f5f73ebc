import {
  apply,
  createWorkshop,
  decide,
  fail,
  ok,
  type Actor,
  type Command,
  type CreateWorkshopBody,
  type DomainEvent,
  type Result,
  type WorkshopState,
} from '../shared/index.js';
import { newId, newJoinCode, newWorkshopId } from './ids.js';
import type { Logger } from './logger.js';
import type { WorkshopStore } from './store/types.js';
import { hashToken, newToken, tokenMatches } from './tokens.js';

/** One workshop in memory: the state every view is derived from, plus lookups for the handshake. */
export interface LiveWorkshop {
  readonly id: string;
  state: WorkshopState;
  /** sha-256(participant token) → participant id. */
  readonly participantByTokenHash: Map<string, string>;
}

/** Told about every accepted command after it is stored and applied (the activity timers listen). */
export type CommitListener = (workshop: LiveWorkshop, events: readonly DomainEvent[]) => void;

/** Codes tried before giving up; with 31^6 codes a collision is rare, ten in a row is a bug. */
const JOIN_CODE_ATTEMPTS = 10;

/**
 * Every workshop, live in memory and rebuilt from the store at start. The only place that
 * runs decide → store → apply, so "stored before acknowledged" holds for every caller.
 * Synchronous throughout: with better-sqlite3, one command runs to completion before the next
 * one for the same workshop starts, so commands never interleave.
 */
export class WorkshopRegistry {
  private readonly byId = new Map<string, LiveWorkshop>();
  private readonly idByCode = new Map<string, string>();
  private readonly listeners: CommitListener[] = [];

  constructor(
    private readonly store: WorkshopStore,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  /** Replays every stored workshop's log through apply(). */
  loadAll(): void {
    for (const stored of this.store.loadAll()) {
      if ('error' in stored) {
        // One unreadable workshop must not keep the others (and tonight's workshop) offline.
        this.logger.error(`Workshop ${stored.code} (${stored.id}) not loaded: ${stored.error}`);
        continue;
      }
      const [first, ...rest] = stored.events;
      if (first?.type !== 'workshop:created') {
        this.logger.error(`Workshop ${stored.code} (${stored.id}) not loaded: the log does not start with workshop:created`);
        continue;
      }
      let state = apply(first.workshop, first);
      for (const event of rest) state = apply(state, event);
      this.add(state);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every live workshop. */
  all(): IterableIterator<LiveWorkshop> {
    return this.byId.values();
  }

  onCommit(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  byCode(code: string): LiveWorkshop | undefined {
    const id = this.idByCode.get(code);
    return id === undefined ? undefined : this.byId.get(id);
  }

  get(id: string): LiveWorkshop | undefined {
    return this.byId.get(id);
  }

  /** Creates, stores and loads a workshop; the host token is returned once and only its hash is kept. */
  create(body: CreateWorkshopBody): { workshop: LiveWorkshop; hostToken: string } {
    const hostToken = newToken();
    const now = this.clock();
    const initial = createWorkshop(body, { id: newWorkshopId(), code: this.unusedJoinCode(), hostTokenHash: hashToken(hostToken), now, newId });
    const created: DomainEvent = { type: 'workshop:created', at: now, workshop: initial };
    this.store.create({ id: initial.id, code: initial.code, createdAt: now }, created);
    return { workshop: this.add(apply(initial, created)), hostToken };
  }

  isHostToken(workshop: LiveWorkshop, token: string): boolean {
    return tokenMatches(token, workshop.state.hostTokenHash);
  }

  /** The participant a token belongs to, unless unknown or removed. */
  participantForToken(workshop: LiveWorkshop, token: string): string | null {
    // Looking up the hash of a 192-bit random token leaks nothing useful through timing;
    // the constant-time comparison below is the actual check.
    const id = workshop.participantByTokenHash.get(hashToken(token));
    const p = id === undefined ? undefined : workshop.state.participants[id];
    if (!p || p.removed || !tokenMatches(token, p.tokenHash)) return null;
    return p.id;
  }

  /**
   * Decides, stores, then applies one validated command. Refused or failed: the state is
   * unchanged. Accepted: the events are in the store before this returns.
   */
  execute(workshop: LiveWorkshop, command: Command, actor: Actor, tokenHash?: string): Result<DomainEvent[]> {
    const decided = decide(workshop.state, command, actor, { now: this.clock(), newId, ...(tokenHash ? { tokenHash } : {}) });
    if (!decided.ok || decided.value.length === 0) return decided;
    const events = decided.value;
    try {
      // Build the next state first (pure), so an event apply() can't take is never stored;
      // the live state only moves once the store has the events.
      let next = workshop.state;
      for (const event of events) next = apply(next, event);
      this.store.append(workshop.id, workshop.state.seq + 1, events);
      workshop.state = next;
    } catch (err) {
      this.logger.error(`Workshop ${workshop.state.code}: ${command.type} not stored`, err);
      return fail('INTERNAL', 'The server could not save this; nothing changed');
    }
    for (const event of events) {
      if (event.type === 'participant:joined') workshop.participantByTokenHash.set(event.participant.tokenHash, event.participant.id);
    }
    for (const listener of this.listeners) {
      // Stored and applied: a failing listener must not turn an accepted command into an error.
      try {
        listener(workshop, events);
      } catch (err) {
        this.logger.error(`Workshop ${workshop.state.code}: a commit listener failed after ${command.type}`, err);
      }
    }
    return ok(events);
  }

  private add(state: WorkshopState): LiveWorkshop {
    const participantByTokenHash = new Map(Object.values(state.participants).map((p) => [p.tokenHash, p.id]));
    const live: LiveWorkshop = { id: state.id, state, participantByTokenHash };
    this.byId.set(state.id, live);
    this.idByCode.set(state.code, state.id);
    return live;
  }

  private unusedJoinCode(): string {
    for (let i = 0; i < JOIN_CODE_ATTEMPTS; i++) {
      const code = newJoinCode();
      if (!this.idByCode.has(code)) return code;
    }
    throw new Error('No unused join code found');
  }
}
