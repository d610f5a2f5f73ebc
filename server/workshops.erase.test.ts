import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { commandSchemas, createWorkshopSchema, type Actor, type Command, type CommandInput, type CommandName } from '../shared/index.js';
import { silentLogger } from './logger.js';
import { SqliteStore } from './store/sqliteStore.js';
import { hashToken } from './tokens.js';
import { COMPACT_MIN_INTERVAL_MS, IDLE_UNLOAD_MS, WorkshopRegistry, type LiveWorkshop } from './workshops.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function boot() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-erase-'));
  dirs.push(dir);
  const file = path.join(dir, 'raakvlak.db');
  const store = new SqliteStore(file);
  let now = Date.UTC(2026, 2, 1, 19, 0, 0);
  const clock = () => now;
  const registry = new WorkshopRegistry(store, clock, silentLogger);
  const run = async <K extends CommandName>(w: LiveWorkshop, type: K, payload: CommandInput<K>, actor: Actor, tokenHash?: string) => {
    const r = await registry.execute(w, { type, payload: commandSchemas[type].parse(payload) } as Command, actor, tokenHash);
    if (!r.ok) throw new Error(`${type}: ${r.error.code}`);
    return r.value;
  };
  const eventsWith = (text: string) => {
    const db = new Database(file, { readonly: true });
    const n = db.prepare('SELECT COUNT(*) FROM events WHERE payload LIKE ?').pluck().get(`%${text}%`) as number;
    const s = db.prepare('SELECT COUNT(*) FROM snapshots WHERE state LIKE ?').pluck().get(`%${text}%`) as number;
    db.close();
    return n + s;
  };
  return { store, registry, run, eventsWith, advance: (ms: number) => (now += ms), clock };
}

describe('the registry compacts a log after an erase', () => {
  it('at once after the first erase; a second one within the interval waits, and is not lost to the unload snapshot', async () => {
    const { store, registry, run, eventsWith, advance, clock } = boot();
    const w = registry.create(createWorkshopSchema.parse({ title: 'Compact', template: 'empty' })).workshop;
    const groupId = w.state.groups[0]!.id;
    const HOST: Actor = { role: 'host' };
    await run(w, 'settings:update', { allowNames: true }, HOST);
    const join = async (name: string) => {
      const [e] = await run(w, 'participant:join', { groupId, name }, { role: 'visitor' }, hashToken(name));
      return e?.type === 'participant:joined' ? e.participant.id : '';
    };
    const anna = await join('Anna-ERASE-1');
    await join('Carla-STAYS-3');
    expect(eventsWith('Anna-ERASE-1')).toBe(1);

    await run(w, 'participant:erase', { participantId: anna }, HOST);
    expect(eventsWith('Anna-ERASE-1')).toBe(0);
    expect(eventsWith('Carla-STAYS-3')).toBe(1);

    // Bram joins after the compaction: his join is an event of the log that follows it.
    const bram = await join('Bram-ERASE-2');
    advance(COMPACT_MIN_INTERVAL_MS / 2);
    await run(w, 'participant:erase', { participantId: bram }, HOST);
    // Within the interval: the state has forgotten Bram, the log not yet.
    expect(w.state.participants[bram]).toBeUndefined();
    expect(eventsWith('Bram-ERASE-2')).toBe(1);

    // Unloaded before the compaction is due: the unload compacts instead of only snapshotting.
    expect(registry.unloadIdle(clock() + IDLE_UNLOAD_MS)).toBe(1);
    expect(eventsWith('Bram-ERASE-2')).toBe(0);
    const again = registry.get(w.id);
    expect(Object.values(again!.state.participants).map((p) => p.name)).toEqual(['Carla-STAYS-3']);
    expect(again!.state.erasedParticipantIds).toEqual([anna, bram]);
    registry.close();
    store.close();
  });
});
