import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store/index.js';
import { CODE } from '../test/fixtures.js';

/** A stand-in for socket.io's client socket: records handlers and counts connect() calls. */
class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  connected = false;
  connects = 0;
  on(ev: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(ev, [...(this.handlers.get(ev) ?? []), fn]);
    return this;
  }
  fire(ev: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(ev) ?? []) fn(...args);
  }
  connect() {
    this.connects++;
    return this;
  }
  disconnect() {
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
}

let fake: FakeSocket;
vi.mock('socket.io-client', () => ({ io: vi.fn(() => (fake = new FakeSocket())) }));

const { connectWorkshop } = await import('./socket.js');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const rateLimited = (data?: unknown) => Object.assign(new Error('RATE_LIMITED'), data === undefined ? {} : { data });

describe('a RATE_LIMITED handshake', () => {
  it('is not a refusal: the phone connects again after retryAfterMs (plus up to a second at random)', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const close = connectWorkshop({ code: CODE });
    const before = fake.connects;
    fake.fire('connect_error', rateLimited({ retryAfterMs: 3000 }));
    expect(useStore.getState().status).toBe('offline');
    expect(useStore.getState().refusal).toBeNull();
    // 3000 + 0.5 × 1000 = 3500 ms.
    vi.advanceTimersByTime(3499);
    expect(fake.connects).toBe(before);
    vi.advanceTimersByTime(1);
    expect(fake.connects).toBe(before + 1);
    close();
  });

  it('without a wait in it, tries again after 5 s', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const close = connectWorkshop({ code: CODE });
    const before = fake.connects;
    fake.fire('connect_error', rateLimited());
    vi.advanceTimersByTime(4999);
    expect(fake.connects).toBe(before);
    vi.advanceTimersByTime(1);
    expect(fake.connects).toBe(before + 1);
    close();
  });
});
