import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../test/fixtures.js';
import { enqueue, flushOutbox, loadOutbox, settleDelivered } from './outbox.js';
import { send } from './send.js';

vi.mock('./send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

function participant() {
  const w = exploreWorkshop();
  connectStore();
  useStore.getState().receivePublic(w.pub());
  useStore.getState().receiveSelf(w.self(w.anna));
  return w;
}

beforeEach(() => {
  sendMock.mockReset();
});

describe('outbox', () => {
  it('sends in order and forgets what the server acknowledged', async () => {
    const w = participant();
    sendMock.mockResolvedValue({ ok: true, data: {} } as never);
    enqueue('story:add', { valueId: w.fairness, text: 'one' });
    enqueue('story:endorse', { storyId: w.s2 });
    await flushOutbox();
    expect(sendMock.mock.calls.map((c) => c[0])).toEqual(['story:add', 'story:endorse']);
    // Acknowledged, shown as sent until the next snapshot arrives.
    expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered', 'delivered']);
    settleDelivered();
    expect(useStore.getState().outbox).toEqual([]);
    expect(localStorage.getItem(`raakvlak.outbox.${CODE}`)).toBe('[]');
  });

  it('keeps a command after a timeout and, once the server shows it arrived, does not send it twice', async () => {
    const w = participant();
    sendMock.mockResolvedValueOnce({ ok: false, error: { code: 'TIMEOUT', message: 'no ack' } });
    enqueue('story:add', { valueId: w.fairness, text: 'Fair shares for all' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]?.status).toBe('queued'));
    expect(useStore.getState().outbox[0]?.attempts).toBe(1);

    // The story had in fact been stored; the reconnect brings snapshots that contain it.
    w.h.must('story:add', { valueId: w.fairness, text: 'Fair shares for all' }, w.anna);
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveSelf(w.self(w.anna));
    await flushOutbox();
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(useStore.getState().outbox).toEqual([]);
  });

  it('survives a reload: a command left "sending" is queued again', () => {
    localStorage.setItem(
      `raakvlak.outbox.${CODE}`,
      JSON.stringify([{ id: 'a', name: 'story:add', payload: { valueId: 'v', text: 't' }, status: 'sending', error: null, attempts: 1, createdAt: 1 }]),
    );
    loadOutbox(CODE);
    expect(useStore.getState().outbox[0]?.status).toBe('queued');
  });

  it('marks a command the server refuses as failed, keeping its text, and moves on', async () => {
    const w = participant();
    sendMock.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_ALLOWED', message: 'closed' } }).mockResolvedValueOnce({ ok: true, data: {} } as never);
    enqueue('value:propose', { title: 'Quiet', description: '' });
    enqueue('story:add', { valueId: w.fairness, text: 'two' });
    await vi.waitFor(() => expect(sendMock).toHaveBeenCalledTimes(2));
    await flushOutbox();
    settleDelivered();
    expect(useStore.getState().outbox).toMatchObject([{ name: 'value:propose', status: 'failed', error: 'NOT_ALLOWED', payload: { title: 'Quiet' } }]);
  });

  it('waits while offline', async () => {
    const w = participant();
    useStore.getState().setStatus('offline');
    enqueue('story:endorse', { storyId: w.s2 });
    await flushOutbox();
    expect(sendMock).not.toHaveBeenCalled();
    expect(useStore.getState().outbox).toHaveLength(1);
  });
});
