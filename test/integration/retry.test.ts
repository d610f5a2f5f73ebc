import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientSocket } from './harness.js';
import { connect, connectHost, createWorkshop, joinAs, mustAck, serverPool, serverState, waitFor, type TestServer } from './harness.js';
import { enqueue, flushOutbox, loadOutbox } from '../../client/src/net/outbox.js';
import { useStore } from '../../client/src/store/index.js';

/**
 * The client's own outbox, sending through a real socket to a real server. The socket the
 * client uses is the test's: `loseAcks` acknowledgements are dropped on the way back (the server
 * did store the write; the client sees a timeout), as when the connection breaks just then.
 */
let current: ClientSocket | null = null;
let loseAcks = 0;
vi.mock('../../client/src/net/socket.js', () => ({
  activeSocket: () =>
    current && {
      connected: current.connected,
      timeout: (ms: number) => ({
        emit: (name: string, payload: unknown, ack: (err: Error | null, result: unknown) => void) => {
          const socket = current as ClientSocket;
          (socket.timeout(ms) as unknown as { emit: (n: string, p: unknown, cb: (err: Error | null, result: unknown) => void) => void }).emit(name, payload, (err, result) => {
            if (loseAcks > 0) {
              loseAcks -= 1;
              ack(new Error('ack lost'), undefined);
            } else ack(err, result);
          });
        },
      }),
    },
}));

afterEach(() => {
  current = null;
  loseAcks = 0;
});

async function explore(server: TestServer) {
  const w = await createWorkshop(server, { title: 'Retry', template: 'heat-transition', groups: ['Residents', 'Municipality'] });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
  return { w, host, groupId: view.groups[0]?.id as string, valueId: view.values[0]?.id as string };
}

/** The client's store as the socket layer leaves it: connected, with the snapshots the server sent. */
function online(code: string, role: 'participant' | 'host') {
  useStore.getState().resetFor(code);
  loadOutbox(code, role);
  useStore.getState().setStatus('online');
}

describe('a write retried after a lost ack is stored once', () => {
  const start = serverPool();

  it('a phone resends its story with the same storyId after reconnecting; the facilitator had hidden it: one story, still hidden', async () => {
    const server = await start();
    const { w, host, groupId, valueId } = await explore(server);
    const phone = await joinAs(server, w.code, groupId);
    online(w.code, 'participant');
    current = phone.socket;
    useStore.getState().receiveSelf(await waitFor(phone.socket, 'participant:self'));

    loseAcks = 1;
    enqueue('story:add', { valueId, text: 'Warm homes for everyone' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]).toMatchObject({ status: 'queued', error: 'TIMEOUT', attempts: 1 }));
    const stored = Object.values(serverState(server, w.code).stories).filter((s) => s.text === 'Warm homes for everyone');
    expect(stored).toHaveLength(1);
    const storyId = stored[0]!.id;
    const queued = useStore.getState().outbox[0];
    expect(queued?.name === 'story:add' && queued.payload.storyId).toBe(storyId);

    // The facilitator hides the card's story before the phone is back.
    await mustAck(host, 'story:hide', { storyId, hidden: true });
    phone.socket.disconnect();
    useStore.getState().setStatus('offline');

    // The phone comes back with its token; its fresh self view is the moment to resend.
    const again = await connect(server, { code: w.code, participantToken: phone.token, view: 'phone' });
    current = again;
    useStore.getState().setStatus('online');
    useStore.getState().receiveSelf(await waitFor(again, 'participant:self'));
    await flushOutbox();
    await vi.waitFor(() => expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered']));

    const after = Object.values(serverState(server, w.code).stories).filter((s) => s.text === 'Warm homes for everyone');
    expect(after.map((s) => [s.id, s.hidden])).toEqual([[storyId, true]]);
    const room = await waitFor(again, 'workshop:phone');
    expect(room.values.flatMap((v) => v.stories).some((s) => s.id === storyId)).toBe(false);
  });

  it('the console resends value:add with the same valueId after reconnecting: one card', async () => {
    const server = await start();
    const { w, host } = await explore(server);
    online(w.code, 'host');
    current = host;
    useStore.getState().receiveHost(await waitFor(host, 'workshop:host'));
    const cards = serverState(server, w.code).valueOrder.length;

    loseAcks = 1;
    enqueue('value:add', { title: 'Heritage', description: '' });
    await vi.waitFor(() => expect(useStore.getState().outbox[0]).toMatchObject({ status: 'queued', error: 'TIMEOUT' }));
    expect(serverState(server, w.code).valueOrder.length).toBe(cards + 1);
    host.disconnect();
    useStore.getState().setStatus('offline');

    const again = await connectHost(server, w);
    current = again;
    useStore.getState().setStatus('online');
    useStore.getState().receiveHost(await waitFor(again, 'workshop:host'));
    await flushOutbox();
    await vi.waitFor(() => expect(useStore.getState().outbox.map((c) => c.status)).toEqual(['delivered']));

    const state = serverState(server, w.code);
    expect(state.valueOrder.length).toBe(cards + 1);
    expect(Object.values(state.values).filter((v) => v.title === 'Heritage')).toHaveLength(1);
  });
});
