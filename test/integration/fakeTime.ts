import type { TimerApi } from '../../server/timers.js';

/**
 * A fake clock with fake timers for the activity timers: the server's `clock` and `timers`
 * both come from here, so a test moves time with advance() and every timer that falls due
 * runs, in order, at its own time. Nothing else (socket.io, broadcasts) is faked.
 */
export class FakeTime implements TimerApi {
  private queue: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(public now: number) {}

  readonly clock = (): number => this.now;

  readonly set = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.queue.push({ id, at: this.now + Math.max(0, ms), fn });
    return id;
  };

  readonly clear = (handle: unknown): void => {
    this.queue = this.queue.filter((t) => t.id !== handle);
  };

  /** When the pending timers are due, earliest first. */
  pending(): number[] {
    return this.queue.map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves the clock forward by ms, running every timer due on the way (timers they set too). */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.fn();
    }
    this.now = until;
  }
}
