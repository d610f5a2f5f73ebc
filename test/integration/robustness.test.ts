import { describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../server/store/sqliteStore.js';
import type { WorkshopStore } from '../../server/store/types.js';
import {
  connectHost,
  connectVisitor,
  createWorkshop,
  emitAck,
  joinAs,
  mustAck,
  rawEmit,
  rawEmitAck,
  received,
  serverPool,
  serverState,
  settle,
  waitFor,
  type StartOptions,
} from './harness.js';

async function exploring(start: ReturnType<typeof serverPool>, opts: StartOptions = {}) {
  const server = await start(opts);
  const w = await createWorkshop(server, { title: 'Robuust', template: 'empty', groups: ['A', 'B'] });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
  return { server, w, host, groupId: view.groups[0]?.id as string };
}

describe('garbage in', () => {
  const start = serverPool();

  it('answers malformed commands with BAD_REQUEST, ignores ack-less ones, and keeps serving', async () => {
    const { server, w, host, groupId } = await exploring(start);
    const phone = await joinAs(server, w.code, groupId);
    const seq = serverState(server, w.code).seq;

    for (const payload of [null, 42, 'value', [], true, { title: { $gt: '' } }, { __proto__: { title: 'x' } }, { title: 'x'.repeat(20_000) }]) {
      expect(await rawEmitAck(phone.socket, 'value:propose', payload)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    // The ack as the only argument: no payload at all.
    expect(await new Promise((resolve) => rawEmit(phone.socket, 'value:propose', resolve))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // An unknown event with an ack gets an answer; without one, silence.
    expect(await rawEmitAck(phone.socket, 'value:delete-everything', {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown event' } });
    rawEmit(phone.socket, 'value:delete-everything', {});
    // No ack: ignored, even when the payload is valid, because nobody could be told the outcome.
    rawEmit(phone.socket, 'value:propose', { title: 'Without ack' });
    rawEmit(phone.socket, 'value:propose');
    rawEmit(host, 'value:add', { title: 'x' }, 'not a function');
    await settle(100);
    expect(serverState(server, w.code).seq).toBe(seq);
    expect(phone.socket.connected).toBe(true);
    await mustAck(phone.socket, 'value:propose', { title: 'Still works' });
  });

  it('drops a connection that sends a message over the size limit, and only that one', async () => {
    const { server, w, host, groupId } = await exploring(start);
    const phone = await joinAs(server, w.code, groupId);
    const dropped = new Promise((r) => phone.socket.once('disconnect', r));
    rawEmit(phone.socket, 'value:propose', { title: 'x'.repeat(100 * 1024) }, () => undefined);
    await dropped;
    await mustAck(host, 'value:add', { title: 'The server is fine' });
  });

  it('rate-limits a participant that floods, without touching the others', async () => {
    // 4 commands per hour for a participant; the join came from the visitor's own budget.
    const { server, w, host, groupId } = await exploring(start, { config: { limits: { participantCommands: { points: 4, seconds: 3600 } } } });
    const phone = await joinAs(server, w.code, groupId);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => emitAck(phone.socket, 'value:propose', { title: `V${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.slice(4)).toEqual(Array(4).fill({ ok: false, error: { code: 'RATE_LIMITED', message: expect.any(String), retryAfterMs: expect.any(Number) } }));
    expect(Object.values(serverState(server, w.code).values)).toHaveLength(4);
    expect(await emitAck(host, 'value:add', { title: 'Host unaffected' })).toMatchObject({ ok: true });
  });
});

/** A store whose writes can be made to fail, as a full disk would. */
function failingStore(): { wrap: (s: SqliteStore) => WorkshopStore; fail: (on: boolean) => void } {
  let failing = false;
  return {
    fail: (on) => (failing = on),
    wrap: (inner) => ({
      create: (w, e) => inner.create(w, e),
      appendBatch: (batch) => {
        if (failing) throw new Error('SQLITE_FULL: database or disk is full');
        inner.appendBatch(batch);
      },
      findByCode: (code) => inner.findByCode(code),
      load: (id) => inner.load(id),
      saveSnapshot: (id, seq, state) => inner.saveSnapshot(id, seq, state),
      compact: (id, seq, state) => inner.compact(id, seq, state),
      delete: (id, at) => inner.delete(id, at),
      codeTaken: (code) => inner.codeTaken(code),
      idleSince: (before) => inner.idleSince(before),
      close: () => inner.close(),
    }),
  };
}

describe('a store that fails', () => {
  const start = serverPool();

  it('answers INTERNAL, changes nothing, broadcasts nothing, and carries on when the store is back', async () => {
    const disk = failingStore();
    const { server, w, host, groupId } = await exploring(start, { wrapStore: disk.wrap });
    const phone = await joinAs(server, w.code, groupId);
    const board = await connectVisitor(server, w.code);
    await settle();
    const before = structuredClone(serverState(server, w.code));
    const boardMessages = received(board).length;

    disk.fail(true);
    expect(await emitAck(phone.socket, 'value:propose', { title: 'Lost?' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await emitAck(host, 'value:add', { title: 'Lost too?' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    await settle();
    expect(serverState(server, w.code)).toEqual(before);
    expect(received(board)).toHaveLength(boardMessages);

    disk.fail(false);
    const { valueId } = await mustAck(phone.socket, 'value:propose', { title: 'Saved' });
    expect(serverState(server, w.code).seq).toBe(before.seq + 1);
    expect((await waitFor(board, 'workshop:public', (v) => v.values.some((x) => x.id === valueId))).seq).toBe(before.seq + 1);
  });
});

describe('many phones at once', () => {
  const start = serverPool();

  it('stores every command once, in one order, and coalesces the broadcasts', async () => {
    const { server, w, host, groupId } = await exploring(start);
    const board = await connectVisitor(server, w.code);
    const phones = await Promise.all([1, 2, 3].map(() => joinAs(server, w.code, groupId)));
    await settle();
    const seq = serverState(server, w.code).seq;
    const boardBefore = received(board).length;

    const acks = await Promise.all(phones.flatMap((p, i) => Array.from({ length: 15 }, (_, j) => mustAck(p.socket, 'value:propose', { title: `P${i}-${j}` }))));
    expect(new Set(acks.map((a) => a.valueId)).size).toBe(45);
    const final = await waitFor(board, 'workshop:public', (v) => v.seq === seq + 45);
    expect(final.values).toHaveLength(45);
    // 45 commands inside a few broadcast windows: a handful of board updates, not 45.
    expect(received(board).length - boardBefore).toBeLessThan(10);

    // The stored log replays to exactly the live state.
    const live = structuredClone(serverState(server, w.code));
    const { dataDir } = server;
    await server.close();
    const again = await start({ dataDir });
    expect(serverState(again, w.code)).toEqual(live);
    host.disconnect();
  });
});
