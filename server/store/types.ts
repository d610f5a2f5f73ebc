import type { DomainEvent, ProcessState, WorkshopState } from '../../shared/index.js';

/** A workshop's row. */
export interface WorkshopRow {
  id: string;
  code: string;
  createdAt: number;
}

/**
 * A workshop as stored: its row, the newest usable snapshot of its state (if any), and the
 * events after it, in order.
 */
export interface StoredWorkshop extends WorkshopRow {
  snapshot: { seq: number; state: WorkshopState } | null;
  /**
   * seq snapshot.seq + 1 … (or 1 …, starting with `workshop:created`, without a snapshot), each
   * with the event version it was written in; replay upgrades older ones (shared/domain/eventVersions.ts).
   */
  events: StoredEvent[];
  /** Seqs of rows whose payload could not be read (edited or damaged); replay goes on without them. */
  unreadable: number[];
}

export interface StoredEvent {
  seq: number;
  version: number;
  event: DomainEvent;
}

/** A workshop and the time of its newest stored change, for the retention sweep. */
export interface IdleWorkshop extends WorkshopRow {
  lastAt: number;
}

/** A workshop whose log could not be read back at all (its file is damaged); the others still load. */
export interface UnreadableWorkshop extends WorkshopRow {
  error: string;
}

/** One workshop's share of a batch: events numbered fromSeq, fromSeq + 1, … */
export interface AppendBatch {
  workshopId: string;
  fromSeq: number;
  events: readonly DomainEvent[];
}

/**
 * Where workshops live between restarts. Event-sourced: the log is the truth; snapshots only
 * shorten the replay. Every method is synchronous on purpose: a batch of commands is decided,
 * applied and committed without another command in between.
 */
export interface WorkshopStore {
  /** Stores a new workshop and its first event (`workshop:created`, seq 1) in one transaction. */
  create(workshop: WorkshopRow, created: DomainEvent): void;
  /**
   * Appends the events of several workshops in ONE transaction: all or none. Throws when a seq
   * is already taken (someone else wrote this workshop) or the write fails.
   */
  appendBatch(batch: readonly AppendBatch[]): void;
  /** The workshop with this join code, without loading it. */
  findByCode(code: string): WorkshopRow | null;
  /** One workshop's row, snapshot and log tail; null when there is no such workshop. */
  load(id: string): StoredWorkshop | UnreadableWorkshop | null;
  /** Keeps the state after event `seq` so a later load replays only what follows it. */
  saveSnapshot(workshopId: string, seq: number, state: WorkshopState): void;
  /**
   * Makes `state` (after event `seq`) the start of the workshop's log: stores it as its snapshot
   * and deletes every event up to `seq` and the snapshot before, in one transaction, so nothing
   * stored holds what the state no longer has (an erased participant, pre-edit titles).
   */
  compact(workshopId: string, seq: number, state: WorkshopState): void;
  /**
   * Deletes the workshop's events, snapshot and row (gone from the file, not marked) and
   * remembers its join code as used. False when there is no such workshop.
   */
  delete(workshopId: string, at: number): boolean;
  /** Whether a join code belongs to a workshop, or belonged to a deleted one. */
  codeTaken(code: string): boolean;
  /** Workshops whose newest stored change is older than `before` (epoch ms), oldest first. */
  idleSince(before: number): IdleWorkshop[];
  close(): void;
}

/** A process that has no meetings left, and when it last changed, for the retention sweep. */
export interface IdleProcess {
  id: string;
  code: string;
  updatedAt: number;
}

/**
 * Where processes live (shared/process/model.ts): one row per process holding its whole state;
 * a process is small (its groups, its meeting ids, the newest request ids) and changes only
 * when its organiser edits it or adds a meeting, so it is written whole. Synchronous like
 * WorkshopStore.
 */
export interface ProcessStore {
  /** Stores a new process; throws when its id or code is taken. */
  createProcess(state: ProcessState): void;
  processById(id: string): ProcessState | null;
  processByCode(code: string): ProcessState | null;
  /** The process whose meetingIds hold this workshop; null when it stands alone. */
  processOfMeeting(workshopId: string): ProcessState | null;
  /** Replaces a stored process's state; false when there is no such process. */
  saveProcess(state: ProcessState): boolean;
  /** Deletes the process's row (gone from the file) and remembers its code as used. False when there is none. */
  deleteProcess(id: string, at: number): boolean;
  /** Whether a process code belongs to a process, or belonged to a deleted one. */
  processCodeTaken(code: string): boolean;
  /** Processes with no meetings whose state last changed before `before` (epoch ms), oldest first. */
  idleProcesses(before: number): IdleProcess[];
}
