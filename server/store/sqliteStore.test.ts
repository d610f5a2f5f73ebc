import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_VERSION, type DomainEvent, type WorkshopState } from '../../shared/index.js';
import { SqliteStore } from './sqliteStore.js';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(file?: string): { store: SqliteStore; file: string } {
  let f = file;
  if (!f) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-store-'));
    dirs.push(dir);
    f = path.join(dir, 'nested', 'raakvlak.db');
  }
  const store = new SqliteStore(f);
  stores.push(store);
  return { store, file: f };
}

// The store never interprets events, so minimal stand-ins are enough here.
const created = { type: 'workshop:created', at: 1, workshop: { id: 'w1', code: 'ABCDEF' } } as unknown as DomainEvent;
const hidden = (at: number): DomainEvent => ({ type: 'value:hidden', at, valueId: `v${at}`, hidden: true });
const v2 = (event: DomainEvent, seq: number) => ({ seq, version: EVENT_VERSION, event });

describe('SqliteStore', () => {
  it('stores workshops and their events and reads them back in order', () => {
    const { store, file } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2), hidden(3)]);
    store.append('w1', 4, [hidden(4)]);
    store.close();
    const again = open(file).store;
    expect([...again.loadAll()]).toEqual([{ id: 'w1', code: 'ABCDEF', createdAt: 1, snapshot: null, events: [created, hidden(2), hidden(3), hidden(4)].map((e, i) => v2(e, i + 1)), unreadable: [] }]);
  });

  it('appends all events of a command or none', () => {
    const { store, file } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2)]);
    store.append('w1', 4, [hidden(4)]);
    // The second event would take seq 4, which is taken: the first one (seq 3) must not stay either.
    expect(() => store.append('w1', 3, [hidden(30), hidden(40)])).toThrow(/UNIQUE|PRIMARY/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT seq FROM events WHERE workshop_id = 'w1' ORDER BY seq").pluck().all()).toEqual([1, 2, 4]);
    db.close();
  });

  it('refuses a second workshop with the same code or id', () => {
    const { store } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    expect(() => store.create({ id: 'w2', code: 'ABCDEF', createdAt: 2 }, created)).toThrow(/UNIQUE/);
    expect(() => store.create({ id: 'w1', code: 'GHJKMN', createdAt: 2 }, created)).toThrow(/UNIQUE|PRIMARY/);
    expect([...store.loadAll()]).toHaveLength(1);
  });

  it('reads a log with a gap and an unreadable row as far as it goes, naming the unreadable seq', () => {
    const { store, file } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2), hidden(3), hidden(4)]);
    store.create({ id: 'w2', code: 'GHJKMN', createdAt: 2 }, created);
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE workshop_id = 'w1' AND seq = 2").run();
    db.prepare("UPDATE events SET payload = '{broken' WHERE workshop_id = 'w1' AND seq = 4").run();
    db.close();
    const loaded = [...store.loadAll()];
    // The registry decides what a gap means (it skips it and logs it: server/workshops.ts).
    expect(loaded[0]).toEqual({ id: 'w1', code: 'ABCDEF', createdAt: 1, snapshot: null, events: [v2(created, 1), v2(hidden(3), 3)], unreadable: [4] });
    expect(loaded[1]).toMatchObject({ id: 'w2', events: [v2(created, 1)] });
  });

  it('compacts a log: the state becomes its start, earlier events and snapshots are deleted', () => {
    const { store } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2), hidden(3)]);
    store.saveSnapshot('w1', 2, { id: 'w1', seq: 2 } as unknown as WorkshopState);
    const state = { id: 'w1', seq: 3, updatedAt: 3 } as unknown as WorkshopState;
    store.compact('w1', 3, state);
    store.append('w1', 4, [hidden(4)]);
    expect(store.load('w1')).toEqual({ id: 'w1', code: 'ABCDEF', createdAt: 1, snapshot: { seq: 3, state }, events: [v2(hidden(4), 4)], unreadable: [] });
  });

  it('deletes a workshop with its events and snapshot, and keeps its code taken', () => {
    const { store, file } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2)]);
    store.saveSnapshot('w1', 2, { id: 'w1', seq: 2 } as unknown as WorkshopState);
    store.create({ id: 'w2', code: 'GHJKMN', createdAt: 2 }, created);
    expect(store.delete('w1', 99)).toBe(true);
    expect(store.delete('w1', 99)).toBe(false);
    expect(store.load('w1')).toBeNull();
    expect(store.findByCode('ABCDEF')).toBeNull();
    expect(store.codeTaken('ABCDEF')).toBe(true);
    expect(store.codeTaken('GHJKMN')).toBe(true);
    expect(store.codeTaken('ZZZZZZ')).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT workshop_id FROM events UNION ALL SELECT workshop_id FROM snapshots').pluck().all()).toEqual(['w2']);
    db.close();
  });

  it('finds workshops by the time of their newest change, including compacted ones', () => {
    const { store } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, { ...created, at: 1 } as DomainEvent);
    store.append('w1', 2, [hidden(50)]);
    store.create({ id: 'w2', code: 'GHJKMN', createdAt: 2 }, { ...created, at: 2 } as DomainEvent);
    store.create({ id: 'w3', code: 'PQRSTV', createdAt: 3 }, { ...created, at: 3 } as DomainEvent);
    store.compact('w3', 1, { id: 'w3', seq: 1, updatedAt: 40 } as unknown as WorkshopState);
    expect(store.idleSince(45).map((w) => [w.code, w.lastAt])).toEqual([
      ['GHJKMN', 2],
      ['PQRSTV', 40],
    ]);
    expect(store.idleSince(2).map((w) => w.code)).toEqual([]);
  });

  it('stores a batch of several workshops in one transaction: all or none', () => {
    const { store, file } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.create({ id: 'w2', code: 'GHJKMN', createdAt: 2 }, created);
    store.appendBatch([
      { workshopId: 'w1', fromSeq: 2, events: [hidden(2)] },
      { workshopId: 'w2', fromSeq: 2, events: [hidden(2), hidden(3)] },
    ]);
    // w2's seq 3 is taken: w1's seq 3 must not stay either.
    expect(() => store.appendBatch([{ workshopId: 'w1', fromSeq: 3, events: [hidden(3)] }, { workshopId: 'w2', fromSeq: 3, events: [hidden(30)] }])).toThrow(/UNIQUE|PRIMARY/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT workshop_id || seq FROM events ORDER BY workshop_id, seq').pluck().all()).toEqual(['w11', 'w12', 'w21', 'w22', 'w23']);
    db.close();
  });

  it('loads from the newest snapshot and replays only the events after it', () => {
    const { store } = open();
    store.create({ id: 'w1', code: 'ABCDEF', createdAt: 1 }, created);
    store.append('w1', 2, [hidden(2), hidden(3), hidden(4)]);
    const state = { id: 'w1', seq: 3 } as unknown as WorkshopState;
    store.saveSnapshot('w1', 2, { ...state, seq: 2 });
    store.saveSnapshot('w1', 3, state);
    expect(store.load('w1')).toEqual({ id: 'w1', code: 'ABCDEF', createdAt: 1, snapshot: { seq: 3, state }, events: [v2(hidden(4), 4)], unreadable: [] });
    expect(store.findByCode('ABCDEF')).toEqual({ id: 'w1', code: 'ABCDEF', createdAt: 1 });
    expect(store.findByCode('ZZZZZZ')).toBeNull();
    expect(store.load('nope')).toBeNull();
  });

  it('keeps the database in WAL mode', () => {
    const { file } = open();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
