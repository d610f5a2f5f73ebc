import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../shared/domain/testing.js';
import { commandSchemas, type Actor, type CommandName } from '../../../shared/index.js';
import { useStore } from '../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../test/fixtures.js';
import { enqueue, flushOutbox, loadOutbox, settleDelivered } from './outbox.js';
import { send } from './send.js';

vi.mock('./send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

/** The protocol's id pattern, and a nanoid's length. */
const CLIENT_ID = /^[A-Za-z0-9_-]{21}$/;

type W = ReturnType<typeof exploreWorkshop>;

function participant() {
  const w = exploreWorkshop();
  connectStore();
  loadOutbox(CODE, 'participant');
  useStore.getState().receivePublic(w.pub());
  useStore.getState().receiveSelf(w.self(w.anna));
  return w;
}

/** The phone's connection drops and comes back: the server sends fresh snapshots, as after every reconnect. */
function reconnect(w: W, actor: Actor & { role: 'participant' }) {
  useStore.getState().setStatus('offline');
  useStore.getState().setStatus('connecting');
  useStore.getState().setStatus('online');
  useStore.getState().receivePublic(w.pub());
  useStore.getState().receiveSelf(w.self(actor));
}

/**
 * Sends go to the real domain (the schema, decide and apply the server runs) as `actor`; the
 * first `lose` acks are lost on the way back (the server did store the write).
 */
function serverAs(w: W, actor: Actor, lose = 0) {
  sendMock.mockImplementation(async (name: CommandName, payload: unknown) => {
    const r = w.h.run(name, payload, actor);
    if (lose > 0) {
      lose -= 1;
      return { ok: false, error: { code: 'TIMEOUT', message: 'no ack' } };
    }
    if (!r.ok) return r;
    return { ok: true, data: {} } as never;
  });
}

const sent = (name: string) => sendMock.mock.calls.filter(([n]) => n === name).map(([, p]) => p as Record<string, string>);

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

  it('makes the id of what a write creates once, when it is made, in the protocol’s id alphabet', () => {
    participant();
    useStore.getState().setStatus('offline');
    const story = enqueue('story:add', { valueId: 'v', text: 't' });
    const proposal = enqueue('value:propose', { title: 'Quiet' });
    const card = enqueue('value:add', { title: 'Heritage' });
    const ids = [story.payload, proposal.payload, card.payload].map((p) => ('storyId' in p ? p.storyId : 'valueId' in p ? p.valueId : null));
    for (const id of ids) expect(id).toMatch(CLIENT_ID);
    expect(new Set(ids).size).toBe(3);
    // What the server's schema accepts as a client-made id.
    expect(commandSchemas['story:add'].safeParse(story.payload).success).toBe(true);
    expect(commandSchemas['value:add'].safeParse(card.payload).success).toBe(true);
    // Kept with the queued command across a reload.
    expect(JSON.parse(localStorage.getItem(`raakvlak.outbox.${CODE}`) ?? '[]').map((c: { payload: Record<string, string> }) => c.payload.storyId ?? c.payload.valueId)).toEqual(ids);
  });

  it('resends a story whose ack was lost with the same storyId, though the facilitator hid it meanwhile: one story, still hidden', async () => {
    const w = participant();
    const before = Object.keys(w.h.state.stories).length;
    serverAs(w, w.anna, 1);
    enqueue('story:add', { valueId: w.fairness, text: 'Fair shares for all' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]).toMatchObject({ status: 'queued', error: 'TIMEOUT', attempts: 1 }));
    const first = sent('story:add')[0] as { storyId: string };
    expect(first.storyId).toMatch(CLIENT_ID);
    // Stored by the server; the facilitator hides it before the phone is back.
    w.h.must('story:hide', { storyId: first.storyId, hidden: true }, HOST);

    reconnect(w, w.anna);
    await flushOutbox();
    const again = sent('story:add');
    expect(again).toHaveLength(2);
    expect(again[1]).toEqual(first);
    expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered']);
    expect(Object.keys(w.h.state.stories).length).toBe(before + 1);
    expect(w.h.state.stories[first.storyId]).toMatchObject({ text: 'Fair shares for all', hidden: true });
  });

  it('resends a story whose card was merged away meanwhile with the same storyId: stored once, on the merged card', async () => {
    const w = participant();
    serverAs(w, w.anna, 1);
    enqueue('story:add', { valueId: w.fairness, text: 'Fair shares for all' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]?.status).toBe('queued'));
    const storyId = sent('story:add')[0]!.storyId as string;
    w.h.must('value:merge', { sourceId: w.fairness, targetId: w.affordability }, HOST);

    reconnect(w, w.anna);
    await flushOutbox();
    expect(sent('story:add').map((p) => p.storyId)).toEqual([storyId, storyId]);
    expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered']);
    expect(Object.values(w.h.state.stories).filter((s) => s.text === 'Fair shares for all').map((s) => [s.id, s.valueId])).toEqual([[storyId, w.affordability]]);
  });

  it('resends a proposal the facilitator retitled meanwhile with the same valueId: one card, with the new title', async () => {
    const w = participant();
    serverAs(w, w.anna, 1);
    enqueue('value:propose', { title: 'Quiet streets', description: '' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]?.status).toBe('queued'));
    const valueId = sent('value:propose')[0]!.valueId as string;
    w.h.must('value:edit', { valueId, title: 'Calm streets', description: '' }, HOST);

    reconnect(w, w.anna);
    await flushOutbox();
    expect(sent('value:propose').map((p) => p.valueId)).toEqual([valueId, valueId]);
    const mine = Object.values(w.h.state.values).filter((v) => v.proposedBy === w.anna.participantId);
    expect(mine.map((v) => [v.id, v.title])).toEqual([[valueId, 'Calm streets']]);
  });

  it('on the console, resends value:add after a lost ack with the same valueId: one card', async () => {
    const w = exploreWorkshop();
    connectStore();
    loadOutbox(CODE, 'host');
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
    const cards = w.h.state.valueOrder.length;
    serverAs(w, HOST, 1);
    enqueue('value:add', { title: 'Heritage', description: '' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]?.status).toBe('queued'));
    // The console keeps its own outbox, apart from a phone's in the same browser.
    expect(localStorage.getItem(`raakvlak.outbox.host.${CODE}`)).toContain('Heritage');

    useStore.getState().setStatus('offline');
    useStore.getState().setStatus('online');
    useStore.getState().receiveHost(w.host());
    await flushOutbox();
    const [first, second] = sent('value:add');
    expect(second).toEqual(first);
    expect(w.h.state.valueOrder.length).toBe(cards + 1);
    expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered']);
  });

  it('survives a reload: a command left "sending" is queued again and sent with the id it was made with', async () => {
    const w = participant();
    localStorage.setItem(
      `raakvlak.outbox.${CODE}`,
      JSON.stringify([
        { id: 'a', name: 'story:add', payload: { valueId: w.fairness, text: 't', storyId: 'abcdefghijklmnopqrstu' }, status: 'sending', error: null, attempts: 1, createdAt: 1 },
      ]),
    );
    useStore.getState().setStatus('offline');
    loadOutbox(CODE, 'participant');
    expect(useStore.getState().outbox[0]?.status).toBe('queued');
    serverAs(w, w.anna);
    reconnect(w, w.anna);
    await flushOutbox();
    expect(sent('story:add')).toEqual([{ valueId: w.fairness, text: 't', storyId: 'abcdefghijklmnopqrstu' }]);
    expect(w.h.state.stories['abcdefghijklmnopqrstu']?.text).toBe('t');
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

  it('a newer answer to the same activity replaces one still waiting; the last answer counts', () => {
    participant();
    useStore.getState().setStatus('offline');
    enqueue('answer:submit', { activityId: 'a1', answerId: 'first-answer-id-0001', answer: { kind: 'rank', order: ['x'] } });
    enqueue('answer:submit', { activityId: 'a2', answerId: 'other-activity-00001', answer: { kind: 'rank', order: ['x'] } });
    enqueue('answer:submit', { activityId: 'a1', answerId: 'second-answer-id-001', answer: { kind: 'rank', order: ['y'] } });
    expect(useStore.getState().outbox.map((c) => (c.name === 'answer:submit' ? c.payload.answerId : c.name))).toEqual(['other-activity-00001', 'second-answer-id-001']);
  });

  it('sends a write made just as a flush that found nothing to send is ending', async () => {
    const w = exploreWorkshop();
    connectStore();
    loadOutbox(CODE, 'participant');
    sendMock.mockResolvedValue({ ok: true, data: {} } as never);
    // Coming online started a flush; with no self view yet it has nothing it may send and stops.
    // One step later, as it stops, the self view arrives and a write is made.
    await Promise.resolve();
    useStore.getState().receiveSelf(w.self(w.anna));
    enqueue('story:endorse', { storyId: w.s2 });
    await vi.waitFor(() => expect(sendMock).toHaveBeenCalledWith('story:endorse', { storyId: w.s2 }));
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
