import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listMyWorkshops, rememberWorkshop } from '../lib/myWorkshops.js';
import { useStore } from '../store/index.js';
import { CODE } from '../test/fixtures.js';
import { PROTOCOL_VERSION } from '../../../shared/index.js';

/** A stand-in for socket.io's client socket: records handlers so the test can fire server events. */
class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  connects = 0;
  disconnects = 0;
  constructor(readonly opts: { auth: (cb: (auth: object) => void) => void }) {}
  on(ev: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(ev, [...(this.handlers.get(ev) ?? []), fn]);
    return this;
  }
  fire(ev: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(ev) ?? []) fn(...args);
  }
  auth(): Record<string, unknown> {
    let out = {};
    this.opts.auth((a) => (out = a));
    return out;
  }
  connect() {
    this.connects++;
    return this;
  }
  disconnect() {
    this.disconnects++;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
}

let fake: FakeSocket;
vi.mock('socket.io-client', () => ({
  io: vi.fn((opts: FakeSocket['opts']) => (fake = new FakeSocket(opts))),
}));

const { connectWorkshop } = await import('./socket.js');

beforeEach(() => localStorage.clear());

describe('socket layer: deletion and erasure', () => {
  it('an erased participant forgets its token and carries on as a visitor, with a reason for the join form', () => {
    localStorage.setItem(`raakvlak.participant.${CODE}`, 'tok');
    const close = connectWorkshop({ code: CODE, participantToken: 'tok' });
    fake.fire('participant:erased');
    expect(useStore.getState().lostReason).toBe('erased');
    expect(useStore.getState().self).toBeNull();
    expect(localStorage.getItem(`raakvlak.participant.${CODE}`)).toBeNull();
    expect(fake.auth()).toEqual({ protocol: PROTOCOL_VERSION, code: CODE, view: 'phone' });
    expect(fake.connects).toBe(1);
    close();
  });

  it('a deleted workshop: every page is told, this browser forgets it and does not reconnect', () => {
    rememberWorkshop({ code: CODE, title: 'Gone', hostToken: 'host', createdAt: 1 });
    rememberWorkshop({ code: 'GHJKMN', title: 'Other', hostToken: 'host2', createdAt: 2 });
    localStorage.setItem(`raakvlak.participant.${CODE}`, 'tok');
    const close = connectWorkshop({ code: CODE, participantToken: 'tok' });
    const connectsBefore = fake.connects;
    fake.fire('workshop:deleted');
    expect(useStore.getState()).toMatchObject({ deleted: true, status: 'refused' });
    expect(listMyWorkshops().map((w) => w.code)).toEqual(['GHJKMN']);
    expect(localStorage.getItem(`raakvlak.participant.${CODE}`)).toBeNull();
    expect(fake.disconnects).toBe(1);
    expect(fake.connects).toBe(connectsBefore);
    close();
    // The next workshop opened in this tab starts clean.
    const next = connectWorkshop({ code: 'GHJKMN' });
    expect(useStore.getState().deleted).toBe(false);
    next();
  });
});
