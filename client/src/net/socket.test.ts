import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store/index.js';
import { CODE, exploreWorkshop } from '../test/fixtures.js';
import { PROTOCOL_VERSION, phoneView } from '../../../shared/index.js';

/** A stand-in for socket.io's client socket: records handlers so the test can fire server events. */
class FakeSocket {
  handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  connected = false;
  connects = 0;
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
    this.connected = false;
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

describe('socket layer', () => {
  it('hands the protocol version, code and token to the handshake', () => {
    const close = connectWorkshop({ code: CODE, participantToken: 'tok-1' });
    expect(fake.auth()).toEqual({ protocol: PROTOCOL_VERSION, code: CODE, participantToken: 'tok-1', view: 'phone' });
    close();
  });

  it('asks for the board view on a board, and puts a phone view where the phone screens read it', () => {
    const board = connectWorkshop({ code: CODE, view: 'board' });
    expect(fake.auth()).toMatchObject({ view: 'board' });
    board();
    const close = connectWorkshop({ code: CODE });
    const w = exploreWorkshop();
    fake.fire('workshop:phone', phoneView(w.h.state));
    expect(useStore.getState().room).toMatchObject({ view: 'phone', seq: w.h.state.seq, code: w.h.state.code });
    // A phone gets no board view: nothing that reads live counts is filled in.
    expect(useStore.getState().pub).toBeNull();
    close();
  });

  it('routes snapshots into the store and ignores an older one', () => {
    const close = connectWorkshop({ code: CODE });
    const w = exploreWorkshop();
    const older = w.pub();
    w.h.must('value:add', { title: 'Heritage', description: '' }, { role: 'host' });
    fake.fire('connect');
    fake.fire('workshop:public', w.pub());
    fake.fire('workshop:public', older);
    expect(useStore.getState().status).toBe('online');
    expect(useStore.getState().pub?.values.some((v) => v.title === 'Heritage')).toBe(true);
    close();
  });

  it('keeps unchanged cards as the same objects across snapshots', () => {
    const close = connectWorkshop({ code: CODE });
    const w = exploreWorkshop();
    fake.fire('workshop:public', w.pub());
    const before = useStore.getState().pub!.values;
    w.h.must('story:add', { valueId: w.fairness, text: 'Fair shares' }, w.anna);
    fake.fire('workshop:public', w.pub());
    const after = useStore.getState().pub!.values;
    expect(after[0]).toBe(before[0]); // Affordability did not change
    expect(after[1]).not.toBe(before[1]); // Social fairness got a story
    close();
  });

  it('forgets a refused participant token and reconnects as a visitor', () => {
    localStorage.setItem(`raakvlak.participant.${CODE}`, 'stale');
    const close = connectWorkshop({ code: CODE, participantToken: 'stale' });
    fake.fire('connect_error', new Error('BAD_PARTICIPANT_TOKEN'));
    expect(useStore.getState().lostReason).toBe('rejected');
    expect(localStorage.getItem(`raakvlak.participant.${CODE}`)).toBeNull();
    expect(fake.auth()).toEqual({ protocol: PROTOCOL_VERSION, code: CODE, view: 'phone' });
    expect(fake.connects).toBe(1);
    close();
  });

  it('forgets the participant when removed by the facilitator', () => {
    localStorage.setItem(`raakvlak.participant.${CODE}`, 'tok');
    const close = connectWorkshop({ code: CODE, participantToken: 'tok' });
    fake.fire('participant:removed');
    expect(useStore.getState().lostReason).toBe('removed');
    expect(useStore.getState().self).toBeNull();
    expect(localStorage.getItem(`raakvlak.participant.${CODE}`)).toBeNull();
    close();
  });

  it('stops and explains when the workshop does not exist; a transport error only means offline', () => {
    const close = connectWorkshop({ code: CODE });
    fake.fire('connect_error', new Error('xhr poll error'));
    expect(useStore.getState().status).toBe('offline');
    fake.fire('connect_error', new Error('WORKSHOP_NOT_FOUND'));
    expect(useStore.getState().status).toBe('refused');
    expect(useStore.getState().refusal).toBe('WORKSHOP_NOT_FOUND');
    close();
  });
});
