import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DomainEvent } from '../../shared/index.js';
import type { StoredWorkshop, UnreadableWorkshop, WorkshopStore } from './types.js';

export interface SqliteStoreOptions {
  /**
   * `NORMAL` (default): with WAL, a commit is written to the WAL file before it returns and
   * only the fsync is deferred to checkpoints, so an acknowledged command survives the process
   * being killed (kill -9, a crash, an OOM kill) but the last commits can be lost if the machine
   * loses power. A workshop in a room is re-run more easily than a ~2× slower write path is
   * bought back. `FULL` fsyncs on every commit, for hosts that power off hard.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** How long a write waits for a lock held by another connection (a backup tool, say). */
  busyTimeoutMs?: number;
}

interface EventRow {
  seq: number;
  type: string;
  at: number;
  payload: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS workshops (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS events (
    workshop_id TEXT NOT NULL REFERENCES workshops(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (workshop_id, seq)
  ) WITHOUT ROWID;
`;

/** The event log in one SQLite file (better-sqlite3: synchronous, one connection per process). */
export class SqliteStore implements WorkshopStore {
  private readonly db: Database.Database;
  private readonly insertWorkshop: Database.Statement<[string, string, number]>;
  private readonly insertEvent: Database.Statement<[string, number, string, number, string]>;
  private readonly appendTx: (workshopId: string, fromSeq: number, events: readonly DomainEvent[]) => void;
  private readonly createTx: (workshop: { id: string; code: string; createdAt: number }, created: DomainEvent) => void;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.insertWorkshop = this.db.prepare('INSERT INTO workshops (id, code, created_at) VALUES (?, ?, ?)');
    this.insertEvent = this.db.prepare('INSERT INTO events (workshop_id, seq, type, at, payload) VALUES (?, ?, ?, ?, ?)');
    // insertEvents runs inside a transaction; a later "one transaction per tick" batch for a
    // large room calls it for several workshops inside one db.transaction (~4 µs instead of
    // ~31 µs per row, TOOLCHAIN.md), without changing the row format.
    this.appendTx = this.db.transaction((workshopId, fromSeq, events) => this.insertEvents(workshopId, fromSeq, events));
    this.createTx = this.db.transaction((workshop, created) => {
      this.insertWorkshop.run(workshop.id, workshop.code, workshop.createdAt);
      this.insertEvents(workshop.id, 1, [created]);
    });
  }

  create(workshop: { id: string; code: string; createdAt: number }, created: DomainEvent): void {
    this.createTx(workshop, created);
  }

  append(workshopId: string, fromSeq: number, events: readonly DomainEvent[]): void {
    if (events.length === 0) return;
    this.appendTx(workshopId, fromSeq, events);
  }

  *loadAll(): Iterable<StoredWorkshop | UnreadableWorkshop> {
    const workshops = this.db.prepare('SELECT id, code, created_at AS createdAt FROM workshops ORDER BY created_at, id').all() as Omit<StoredWorkshop, 'events'>[];
    const eventsOf = this.db.prepare('SELECT seq, type, at, payload FROM events WHERE workshop_id = ? ORDER BY seq');
    for (const w of workshops) {
      let events: DomainEvent[];
      try {
        events = (eventsOf.all(w.id) as EventRow[]).map((row, i) => toEvent(row, i + 1));
      } catch (err) {
        yield { ...w, error: err instanceof Error ? err.message : String(err) };
        continue;
      }
      yield { ...w, events };
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private insertEvents(workshopId: string, fromSeq: number, events: readonly DomainEvent[]): void {
    events.forEach((event, i) => {
      const { type, at, ...payload } = event;
      this.insertEvent.run(workshopId, fromSeq + i, type, at, JSON.stringify(payload));
    });
  }
}

function toEvent(row: EventRow, expectedSeq: number): DomainEvent {
  // A gap means rows were lost or edited by hand: replaying past it would build a state that
  // was never acknowledged, so refuse this workshop rather than guess.
  if (row.seq !== expectedSeq) throw new Error(`expected event ${expectedSeq}, found ${row.seq}`);
  return { type: row.type, at: row.at, ...(JSON.parse(row.payload) as object) } as DomainEvent;
}
