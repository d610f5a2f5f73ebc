import { describe, expect, it, vi } from 'vitest';
import { commandSchemas, createWorkshopSchema, type Command, type CommandInput, type CommandName, type DomainEvent } from '../shared/index.js';
import { FakeTime } from '../test/integration/fakeTime.js';
import { silentLogger } from './logger.js';
import type { AppendBatch, StoredWorkshop, WorkshopRow, WorkshopStore } from './store/types.js';
import { ActivityTimers, MAX_TIMER_WAIT_MS, TIMER_RETRY_MS } from './timers.js';
import { WorkshopRegistry, type LiveWorkshop } from './workshops.js';

const T0 = Date.UTC(2026, 10, 23, 19, 0, 0);

/** The event log in memory; `failAppends` makes every write throw, like a full disk. */
class MemoryStore implements WorkshopStore {
  readonly logs = new Map<string, WorkshopRow & { events: DomainEvent[] }>();
  failAppends = false;
  create(w: WorkshopRow, created: DomainEvent): void {
    this.logs.set(w.id, { ...w, events: [structuredClone(created)] });
  }
  appendBatch(batch: readonly AppendBatch[]): void {
    if (this.failAppends) throw new Error('disk full');
    for (const b of batch) this.logs.get(b.workshopId)?.events.push(...structuredClone(b.events));
  }
  findByCode(code: string): WorkshopRow | null {
    const w = [...this.logs.values()].find((x) => x.code === code);
    return w ? { id: w.id, code: w.code, createdAt: w.createdAt } : null;
  }
  load(id: string): StoredWorkshop | null {
    const w = this.logs.get(id);
    return w ? { id: w.id, code: w.code, createdAt: w.createdAt, snapshot: null, events: structuredClone(w.events).map((event, i) => ({ seq: i + 1, version: 1, event })), unreadable: [] } : null;
  }
  saveSnapshot(): void {}
  compact(): void {}
  delete(id: string): boolean {
    return this.logs.delete(id);
  }
  codeTaken(code: string): boolean {
    return this.findByCode(code) !== null;
  }
  idleSince(): [] {
    return [];
  }
  close(): void {}
}

/** Registry and timers wired as createApp wires them, on a fake clock. */
function boot(store = new MemoryStore(), time = new FakeTime(T0)) {
  const registry = new WorkshopRegistry(store, time.clock, silentLogger);
  const onLocked = vi.fn<(workshopId: string) => void>();
  const timers = new ActivityTimers({ registry, clock: time.clock, timers: time, logger: silentLogger, onLocked });
  registry.onCommit((w) => timers.reschedule(w));
  registry.onLoad((w) => timers.reschedule(w));
  // The first use of each stored workshop after a restart loads it (here: all at once).
  for (const id of store.logs.keys()) registry.get(id);
  const host = <K extends CommandName>(w: LiveWorkshop, type: K, payload: CommandInput<K>) => {
    const r = registry.executeNow(w, { type, payload: commandSchemas[type].parse(payload) } as Command, { role: 'host' });
    if (!r.ok) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
  };
  const workshop = () => {
    const w = registry.create(createWorkshopSchema.parse({ title: 'Timers', template: 'heat-transition' })).workshop;
    const ids = w.state.activities.map((a) => a.id) as [string, string, string, string, string];
    for (const activityId of ids.slice(1)) host(w, 'activity:configure', { activityId, timerSeconds: 60 });
    return { w, ids };
  };
  return { store, time, registry, timers, onLocked, host, workshop };
}

const statusOf = (w: LiveWorkshop, id: string) => w.state.activities.find((a) => a.id === id)?.status;
const locks = (store: MemoryStore, w: LiveWorkshop) =>
  store.logs.get(w.id)?.events.filter((e) => e.type === 'activity:controlled' && e.action === 'lock').map((e) => ({ at: e.at, activityId: (e as { activityId: string }).activityId }));

describe('activity timers', () => {
  it('lock the activity, as a stored host command, when its time is up', () => {
    const { store, time, timers, onLocked, host, workshop } = boot();
    const { w, ids } = workshop();
    host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    expect(timers.scheduled().get(w.id)).toBe(T0 + 60_000);
    expect(time.pending()).toEqual([T0 + 60_000]);

    time.advance(59_999);
    expect(statusOf(w, ids[1])).toBe('open');
    time.advance(1);
    expect(statusOf(w, ids[1])).toBe('locked');
    expect(w.state.activities[1]?.endsAt).toBeNull();
    expect(locks(store, w)).toEqual([{ at: T0 + 60_000, activityId: ids[1] }]);
    expect(onLocked).toHaveBeenCalledExactlyOnceWith(w.id);
    expect(time.pending()).toEqual([]);
  });

  it('move with an extension, before and after the lock (which reopens)', () => {
    const { time, host, workshop } = boot();
    const { w, ids } = workshop();
    host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    time.advance(30_000);
    host(w, 'activity:extend', { activityId: ids[1], seconds: 30 });
    expect(time.pending()).toEqual([T0 + 90_000]);
    time.advance(59_000);
    expect(statusOf(w, ids[1])).toBe('open');
    time.advance(1_000);
    expect(statusOf(w, ids[1])).toBe('locked');
    host(w, 'activity:extend', { activityId: ids[1], seconds: 20 });
    expect(statusOf(w, ids[1])).toBe('open');
    expect(time.pending()).toEqual([T0 + 110_000]);
    time.advance(20_000);
    expect(statusOf(w, ids[1])).toBe('locked');
  });

  it('follow goto, remove and reopen: the timer belongs to what is open now', () => {
    const { store, time, host, workshop } = boot();
    const { w, ids } = workshop();
    host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    time.advance(10_000);
    // Next: the dots step locks (no timer left for it), the rank step starts its own minute.
    host(w, 'agenda:goto', { activityId: ids[2] });
    expect(time.pending()).toEqual([T0 + 70_000]);
    time.advance(5_000);
    host(w, 'agenda:remove', { activityId: ids[2] });
    expect(time.pending()).toEqual([]);
    // Reopening the dots step starts its timer again from now.
    host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    expect(time.pending()).toEqual([T0 + 75_000]);
    host(w, 'activity:control', { activityId: ids[1], action: 'close' });
    expect(time.pending()).toEqual([]);
    time.advance(120_000);
    expect(locks(store, w)).toEqual([]);
  });

  it('keep one timer per workshop, for the earliest deadline, and lock each activity at its own time', () => {
    const { time, host, workshop } = boot();
    const a = workshop();
    const b = workshop();
    host(a.w, 'activity:control', { activityId: a.ids[1], action: 'open' });
    time.advance(1_000);
    host(b.w, 'activity:control', { activityId: b.ids[1], action: 'open' });
    expect(time.pending()).toEqual([T0 + 60_000, T0 + 61_000]);
    // In workshop a: the dots step locks when the rank step opens; extending it reopens it, so
    // two timed activities are open at once (dots until +100 s, rank until +61 s).
    host(a.w, 'agenda:goto', { activityId: a.ids[2] });
    host(a.w, 'activity:extend', { activityId: a.ids[1], seconds: 99 });
    expect(time.pending()).toEqual([T0 + 61_000, T0 + 61_000]);
    time.advance(60_000);
    expect([statusOf(a.w, a.ids[1]), statusOf(a.w, a.ids[2]), statusOf(b.w, b.ids[1])]).toEqual(['open', 'locked', 'locked']);
    expect(time.pending()).toEqual([T0 + 100_000]);
    time.advance(39_000);
    expect(statusOf(a.w, a.ids[1])).toBe('locked');
  });

  it('are armed when a workshop is loaded after a restart: a deadline that passed while the server was down locks at once', () => {
    const first = boot();
    const { w, ids } = first.workshop();
    first.host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    const other = first.workshop();
    first.host(other.w, 'activity:control', { activityId: other.ids[1], action: 'open' });
    first.timers.close();

    const time = new FakeTime(T0 + 5 * 60_000);
    // The second workshop's dots step got two hours more before the restart.
    first.store.logs.get(other.w.id)?.events.push({ type: 'activity:extended', at: T0, activityId: other.ids[1], endsAt: T0 + 7_200_000 });
    const second = boot(first.store, time);
    const restarted = (live: LiveWorkshop) => second.registry.get(live.id) as LiveWorkshop;
    // Past: due now. Two hours away: the wait is capped at MAX_TIMER_WAIT_MS.
    expect(time.pending()).toEqual([T0 + 300_000, T0 + 300_000 + MAX_TIMER_WAIT_MS]);
    time.advance(0);
    expect(statusOf(restarted(w), ids[1])).toBe('locked');
    expect(locks(first.store, w)).toEqual([{ at: T0 + 300_000, activityId: ids[1] }]);
    // The capped wait ends, nothing is due yet, and it waits again for the rest.
    time.advance(MAX_TIMER_WAIT_MS);
    expect(statusOf(restarted(other.w), other.ids[1])).toBe('open');
    expect(time.pending()).toEqual([T0 + 7_200_000]);
    time.advance(T0 + 7_200_000 - time.now);
    expect(statusOf(restarted(other.w), other.ids[1])).toBe('locked');
  });

  it('retry a lock the database refused after a pause, not in a loop', () => {
    const { store, time, host, workshop } = boot();
    const { w, ids } = workshop();
    host(w, 'activity:control', { activityId: ids[1], action: 'open' });
    store.failAppends = true;
    time.advance(60_000);
    expect(statusOf(w, ids[1])).toBe('open');
    expect(time.pending()).toEqual([T0 + 60_000 + TIMER_RETRY_MS]);
    store.failAppends = false;
    time.advance(TIMER_RETRY_MS);
    expect(statusOf(w, ids[1])).toBe('locked');
  });
});
