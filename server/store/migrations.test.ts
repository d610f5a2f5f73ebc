import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_VERSION, exportWorkshop } from '../../shared/index.js';
import { silentLogger } from '../logger.js';
import { WorkshopRegistry } from '../workshops.js';
import { SCHEMA_VERSION } from './migrations.js';
import { SqliteStore } from './sqliteStore.js';

interface Fixture {
  workshop: { id: string; code: string; createdAt: number };
  rows: { seq: number; type: string; at: number; payload: string }[];
  export: ReturnType<typeof exportWorkshop>;
}

const fixture = JSON.parse(fs.readFileSync(new URL('../../test/fixtures/eventlog-v1.json', import.meta.url), 'utf8')) as Fixture;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database file exactly as the first releases left it: no schema version, events without a version. */
function firstReleaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-migrate-'));
  dirs.push(dir);
  const file = path.join(dir, 'raakvlak.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE workshops (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
    CREATE TABLE events (
      workshop_id TEXT NOT NULL REFERENCES workshops(id), seq INTEGER NOT NULL, type TEXT NOT NULL,
      at INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (workshop_id, seq)
    ) WITHOUT ROWID;
  `);
  const w = fixture.workshop;
  db.prepare('INSERT INTO workshops VALUES (?, ?, ?)').run(w.id, w.code, w.createdAt);
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?)');
  for (const r of fixture.rows) insert.run(w.id, r.seq, r.type, r.at, r.payload);
  db.close();
  return file;
}

describe('a database from the first releases', () => {
  it('is migrated on open and its committed event log replays to the workshop it was', () => {
    const file = firstReleaseFile();
    const store = new SqliteStore(file);
    // Migrated: the old rows are there, still version 1.
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(before.prepare('SELECT DISTINCT v FROM events').pluck().all()).toEqual([1]);
    before.close();
    const registry = new WorkshopRegistry(store, Date.now, silentLogger);
    const live = registry.get(fixture.workshop.id);
    expect(live).toBeDefined();
    const now = exportWorkshop(live!.state, Date.parse(fixture.export.exportedAt));
    // Everyone, every card, story and answer is as it was stored; a removed participant's name is not kept.
    const removed = fixture.export.participants.filter((p) => p.removed);
    expect(removed).toHaveLength(1);
    expect(now.participants).toEqual(fixture.export.participants.map((p) => (p.removed ? { ...p, name: null } : p)));
    expect(now.values).toEqual(fixture.export.values);
    expect(now.stories.map(({ shown: _shown, ...story }) => story)).toEqual(fixture.export.stories);
    // Fields added since the first releases read as their defaults: no invited numbers, every answer given in the room.
    expect(now.groups).toEqual(fixture.export.groups.map((g) => ({ ...g, invited: null })));
    expect(now.activities.map((a) => [a.id, a.status, a.revealed, a.answers])).toEqual(
      fixture.export.activities.map((a) => [a.id, a.status, a.revealed, a.answers.map((x) => ({ ...x, channel: 'room' }))]),
    );
    expect(live!.state.seq).toBe(fixture.rows.length);

    // Version 1 gave five phones' "could be better" one shared id and one shared endorsement;
    // upgraded, the endorsement belongs to the answer version 1 resolved it to (the first), only.
    const scan = now.activities.find((a) => a.kind === 'scan');
    const wall = (scan?.results?.openAnswers ?? []).filter((o) => o.field === 'couldBeBetter');
    expect(new Set(wall.map((o) => o.id)).size).toBe(5);
    expect(wall.map((o) => [o.text, o.endorsements]).sort()).toEqual([
      ['Meer tijd 0', 1],
      ['Meer tijd 1', 0],
      ['Meer tijd 2', 0],
      ['Meer tijd 3', 0],
      ['Meer tijd 4', 0],
    ]);
    store.close();

    // The log holds a removal from before compaction existed: loading compacted it, so the
    // removed participant's name is in no stored event any more; the state replays the same.
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(0);
    expect(db.prepare('SELECT seq FROM snapshots').pluck().all()).toEqual([fixture.rows.length]);
    db.close();
    const reopened = new SqliteStore(file);
    const again = new WorkshopRegistry(reopened, Date.now, silentLogger).get(fixture.workshop.id);
    expect(exportWorkshop(again!.state, Date.parse(fixture.export.exportedAt))).toEqual(now);
    reopened.close();
  });

  it('writes new events in the current version beside the old ones', () => {
    const file = firstReleaseFile();
    const store = new SqliteStore(file);
    store.append(fixture.workshop.id, fixture.rows.length + 1, [{ type: 'summary:published', at: 1, published: false }]);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT v FROM events WHERE seq = ?').pluck().get(fixture.rows.length + 1)).toBe(EVENT_VERSION);
    db.close();
  });

  it('gains the processes tables (schema version 4) and keeps its workshops', () => {
    const file = firstReleaseFile();
    new SqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(SCHEMA_VERSION).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual([
      'deleted_codes',
      'deleted_process_codes',
      'events',
      'processes',
      'snapshots',
      'workshops',
    ]);
    expect(db.prepare('SELECT id FROM workshops').pluck().all()).toEqual([fixture.workshop.id]);
    db.close();
  });

  it('refuses a file from a newer Raakvlak rather than write to it', () => {
    const file = firstReleaseFile();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version/);
  });

  it('refuses to replay an event from a newer version', () => {
    const file = firstReleaseFile();
    new SqliteStore(file).close();
    const db = new Database(file);
    db.prepare('UPDATE events SET v = ? WHERE seq = 3').run(EVENT_VERSION + 1);
    db.close();
    const store = new SqliteStore(file);
    expect(new WorkshopRegistry(store, Date.now, silentLogger).get(fixture.workshop.id)).toBeUndefined();
    store.close();
  });
});
