import type { WorkshopState } from '../shared/index.js';
import type { Logger } from './logger.js';
import type { LiveWorkshop, WorkshopRegistry } from './workshops.js';

/** The timer functions the activity timers use; tests pass fake ones (test/integration/fakeTime.ts). */
export interface TimerApi {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Looked up at call time, so vi.useFakeTimers() also reaches them. */
export const realTimers: TimerApi = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The longest single wait. A later deadline is checked again when the wait ends: setTimeout
 * tops out at ~24.8 days, and the wall clock may have been adjusted meanwhile.
 */
export const MAX_TIMER_WAIT_MS = 60 * 60_000;

/** After a lock failed (the database refused the write), try again this much later, not in a loop. */
export const TIMER_RETRY_MS = 5_000;

/** The earliest time an open activity's timer runs out, or null when none is running. */
export function nextDeadline(state: Pick<WorkshopState, 'activities'>): number | null {
  let next: number | null = null;
  for (const a of state.activities) {
    if (a.status === 'open' && a.endsAt !== null && (next === null || a.endsAt < next)) next = a.endsAt;
  }
  return next;
}

export interface ActivityTimerDeps {
  registry: WorkshopRegistry;
  clock: () => number;
  timers: TimerApi;
  logger: Logger;
  /** An activity was locked by its timer: tell the room (the same broadcast as after a command). */
  onLocked(workshopId: string): void;
}

/**
 * Locks an activity when its timer (`endsAt`) runs out. One timer per workshop, for the earliest
 * deadline; rescheduled after every accepted command (extend, reopen, goto, remove… all move
 * deadlines) and armed whenever a workshop is loaded (workshops load when first needed, so a
 * deadline that passed while the server was down locks as soon as its workshop is used again;
 * answers after a deadline are refused by decide() all the same). The lock is an
 * ordinary `activity:control` command sent as the host through registry.executeNow, so it is
 * decided, stored and broadcast like any other.
 */
export class ActivityTimers {
  private readonly pending = new Map<string, { handle: unknown; at: number }>();

  constructor(private readonly deps: ActivityTimerDeps) {}

  /** Arms every loaded workshop's timer. */
  restore(): void {
    for (const workshop of this.deps.registry.loaded()) this.reschedule(workshop);
  }

  /** Whether a timer is running for this workshop (it then stays in memory). */
  has(workshopId: string): boolean {
    return this.pending.has(workshopId);
  }

  /** Sets the workshop's one timer to its earliest deadline, or clears it when none is left. */
  reschedule(workshop: LiveWorkshop, minWaitMs = 0): void {
    const next = nextDeadline(workshop.state);
    const current = this.pending.get(workshop.id);
    // Most commands (answers) move no deadline: keep the timer rather than churn it. A wait
    // after a failure replaces it even so (a failed write reloads the workshop, which re-arms it at once).
    if (current?.at === next && minWaitMs === 0) return;
    if (current) {
      this.deps.timers.clear(current.handle);
      this.pending.delete(workshop.id);
    }
    if (next === null) return;
    const wait = Math.min(Math.max(minWaitMs, next - this.deps.clock()), MAX_TIMER_WAIT_MS);
    const handle = this.deps.timers.set(() => this.fire(workshop.id), wait);
    this.pending.set(workshop.id, { handle, at: next });
  }

  /** Deadlines being watched, per workshop id (for tests and diagnostics). */
  scheduled(): ReadonlyMap<string, number> {
    return new Map([...this.pending].map(([id, p]) => [id, p.at]));
  }

  /** Stops the workshop's timer (the workshop was deleted). */
  cancel(workshopId: string): void {
    const current = this.pending.get(workshopId);
    if (!current) return;
    this.deps.timers.clear(current.handle);
    this.pending.delete(workshopId);
  }

  close(): void {
    for (const p of this.pending.values()) this.deps.timers.clear(p.handle);
    this.pending.clear();
  }

  private fire(workshopId: string): void {
    this.pending.delete(workshopId);
    const workshop = this.deps.registry.get(workshopId);
    if (!workshop) return;
    const now = this.deps.clock();
    const due = workshop.state.activities.filter((a) => a.status === 'open' && a.endsAt !== null && a.endsAt <= now).map((a) => a.id);
    let locked = false;
    let failed = false;
    for (const activityId of due) {
      // Each lock is stored before the next; the commit listener reschedules after each.
      const result = this.deps.registry.executeNow(workshop, { type: 'activity:control', payload: { activityId, action: 'lock' } }, { role: 'host' });
      if (result.ok) locked = true;
      else {
        failed = true;
        this.deps.logger.error(`Workshop ${workshop.code}: the timer could not lock ${activityId}: ${result.error.code} ${result.error.message}`);
      }
    }
    if (locked) this.deps.onLocked(workshopId);
    // Nothing was due (a capped wait, a clock that moved): wait again; after a failure, a while.
    this.reschedule(workshop, failed ? TIMER_RETRY_MS : 0);
  }
}
