import type { DomainEvent } from '../../shared/index.js';

/** A workshop as stored: its row and its event log, in order (seq 1 is `workshop:created`). */
export interface StoredWorkshop {
  id: string;
  code: string;
  createdAt: number;
  events: DomainEvent[];
}

/** A workshop whose log could not be read back (edited by hand, a gap in seq); the others still load. */
export interface UnreadableWorkshop {
  id: string;
  code: string;
  createdAt: number;
  error: string;
}

/**
 * Where workshops live between restarts. Event-sourced: the log is the truth, the in-memory
 * state is rebuilt from it with apply(). Every method is synchronous on purpose: the command
 * path stays one synchronous block, so commands for one workshop can't interleave.
 */
export interface WorkshopStore {
  /** Stores a new workshop and its first event (`workshop:created`, seq 1) in one transaction. */
  create(workshop: { id: string; code: string; createdAt: number }, created: DomainEvent): void;
  /**
   * Appends events numbered fromSeq, fromSeq + 1, … in one transaction: all or none.
   * Throws when a seq is already taken (someone else wrote this workshop) or the write fails.
   */
  append(workshopId: string, fromSeq: number, events: readonly DomainEvent[]): void;
  /** Every workshop with its events, for the replay at start. */
  loadAll(): Iterable<StoredWorkshop | UnreadableWorkshop>;
  close(): void;
}
