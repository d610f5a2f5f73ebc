import type Database from 'better-sqlite3';

/**
 * The database schema, as numbered steps. `PRAGMA user_version` holds the number of steps a
 * file has had; opening a file runs the missing ones, each in its own transaction, so a file
 * made by any earlier Raakvlak opens on every later one. A file from a newer Raakvlak is refused
 * rather than written in a format this version does not know.
 *
 * 0 → 1: the first schema (workshops, events). Files from before schema versions already have
 *        these tables; `IF NOT EXISTS` keeps them as they are.
 * 1 → 2: events carry the version of their format (`v`; rows from before are version 1), and
 *        snapshots of a workshop's state shorten the replay on load.
 * 2 → 3: the join codes of deleted workshops, so a code never opens another workshop for the
 *        phones and boards that still have it (a code and a time: no personal data).
 * 3 → 4: processes (a neighbourhood plan's meetings over time): one row per process with its
 *        state as JSON (shared/process/model.ts ProcessState), and the codes of deleted
 *        processes, kept for the same reason as deleted_codes.
 */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) =>
    db.exec(`
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
    `),
  (db) =>
    db.exec(`
      ALTER TABLE events ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE snapshots (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id),
        seq INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL
      );
    `),
  (db) =>
    db.exec(`
      CREATE TABLE deleted_codes (
        code TEXT PRIMARY KEY,
        deleted_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `),
  (db) =>
    db.exec(`
      CREATE TABLE processes (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE deleted_process_codes (
        code TEXT PRIMARY KEY,
        deleted_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `),
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const at = db.pragma('user_version', { simple: true }) as number;
  if (at > SCHEMA_VERSION) throw new Error(`The database has schema version ${at}; this Raakvlak knows up to ${SCHEMA_VERSION}. Upgrade Raakvlak.`);
  for (let step = at; step < SCHEMA_VERSION; step++) {
    db.transaction(() => {
      MIGRATIONS[step]?.(db);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}
