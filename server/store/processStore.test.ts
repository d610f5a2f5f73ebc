import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcessState } from '../../shared/index.js';
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-pstore-'));
    dirs.push(dir);
    f = path.join(dir, 'raakvlak.db');
  }
  const store = new SqliteStore(f);
  stores.push(store);
  return { store, file: f };
}

const process = (id: string, code: string, over: Partial<ProcessState> = {}): ProcessState => ({
  id,
  code,
  title: `Plan ${id}`,
  area: 'Lombok',
  language: 'nl',
  organiserTokenHash: 'ab'.repeat(32),
  groups: [{ id: 'g1', name: 'Bewoners', invited: 400 }],
  meetingIds: [],
  requests: [],
  createdAt: 10,
  updatedAt: 10,
  ...over,
});

describe('SqliteStore: processes', () => {
  it('stores a process and reads it back by id and by code, also after reopening', () => {
    const { store, file } = open();
    const p = process('p1', 'ABCDEF', { meetingIds: ['w1', 'w2'] });
    store.createProcess(p);
    expect(store.processById('p1')).toEqual(p);
    expect(store.processByCode('ABCDEF')).toEqual(p);
    expect(store.processById('nope')).toBeNull();
    expect(store.processByCode('ZZZZZZ')).toBeNull();
    store.close();
    expect(open(file).store.processByCode('ABCDEF')).toEqual(p);
  });

  it('refuses a second process with the same id or code', () => {
    const { store } = open();
    store.createProcess(process('p1', 'ABCDEF'));
    expect(() => store.createProcess(process('p2', 'ABCDEF'))).toThrow(/UNIQUE/);
    expect(() => store.createProcess(process('p1', 'GHJKMN'))).toThrow(/UNIQUE|PRIMARY/);
  });

  it('saves a changed state whole, and says false for a process it does not have', () => {
    const { store } = open();
    store.createProcess(process('p1', 'ABCDEF'));
    const changed = process('p1', 'ABCDEF', { title: 'Warmteplan', meetingIds: ['w1'], updatedAt: 20 });
    expect(store.saveProcess(changed)).toBe(true);
    expect(store.processById('p1')).toEqual(changed);
    expect(store.saveProcess(process('p9', 'GHJKMN'))).toBe(false);
    expect(store.processByCode('GHJKMN')).toBeNull();
  });

  it('finds the process a meeting belongs to', () => {
    const { store } = open();
    store.createProcess(process('p1', 'ABCDEF', { meetingIds: ['w1', 'w2'] }));
    store.createProcess(process('p2', 'GHJKMN', { meetingIds: ['w3'] }));
    expect(store.processOfMeeting('w2')?.id).toBe('p1');
    expect(store.processOfMeeting('w3')?.id).toBe('p2');
    expect(store.processOfMeeting('w4')).toBeNull();
  });

  it('deletes a process from the file and keeps its code taken', () => {
    const { store, file } = open();
    store.createProcess(process('p1', 'ABCDEF', { title: 'Geheim plan' }));
    store.createProcess(process('p2', 'GHJKMN'));
    expect(store.processCodeTaken('ABCDEF')).toBe(true);
    expect(store.deleteProcess('p1', 99)).toBe(true);
    expect(store.deleteProcess('p1', 99)).toBe(false);
    expect(store.processById('p1')).toBeNull();
    expect(store.processCodeTaken('ABCDEF')).toBe(true);
    expect(store.processCodeTaken('GHJKMN')).toBe(true);
    expect(store.processCodeTaken('PQRSTV')).toBe(false);
    // A process code is its own namespace: workshop codes are not taken by it.
    expect(store.codeTaken('ABCDEF')).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT id FROM processes').pluck().all()).toEqual(['p2']);
    expect(db.prepare('SELECT code, deleted_at FROM deleted_process_codes').all()).toEqual([{ code: 'ABCDEF', deleted_at: 99 }]);
    db.close();
    // secure_delete + a truncated WAL: the title is in neither file.
    const bytes = Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    expect(bytes.includes(Buffer.from('Geheim plan'))).toBe(false);
  });

  it('lists processes without meetings that did not change since a time, oldest first', () => {
    const { store } = open();
    store.createProcess(process('p1', 'ABCDEF', { updatedAt: 30 }));
    store.createProcess(process('p2', 'GHJKMN', { updatedAt: 20 }));
    store.createProcess(process('p3', 'PQRSTV', { updatedAt: 5, meetingIds: ['w1'] }));
    store.createProcess(process('p4', 'WXYZAB', { updatedAt: 50 }));
    expect(store.idleProcesses(40)).toEqual([
      { id: 'p2', code: 'GHJKMN', updatedAt: 20 },
      { id: 'p1', code: 'ABCDEF', updatedAt: 30 },
    ]);
    expect(store.idleProcesses(20)).toEqual([]);
  });
});
