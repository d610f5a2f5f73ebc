import { describe, expect, it } from 'vitest';
import { connect, connectHost, createWorkshop, joinAs, mustAck, serverPool, serverState, waitFor } from './harness.js';

/** A workshop with an open explore step, two groups, a host socket and the group ids. */
async function exploring(start: ReturnType<typeof serverPool>, opts: Parameters<ReturnType<typeof serverPool>>[0] = {}) {
  const server = await start(opts);
  const w = await createWorkshop(server, { title: 'Reconnects', template: 'empty', groups: ['Bewoners', 'Gemeente'] });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
  await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
  return { server, w, host, g1, g2 };
}

describe('a participant reconnecting with its token', () => {
  const start = serverPool();

  it('is the same participant and gets its own data back', async () => {
    const { server, w, host, g1, g2 } = await exploring(start);
    const { valueId } = await mustAck(host, 'value:add', { title: 'Zeggenschap' });
    const other = await joinAs(server, w.code, g2);
    const { storyId: othersStory } = await mustAck(other.socket, 'story:add', { valueId, text: 'We were never asked.' });

    const phone = await joinAs(server, w.code, g1);
    const { valueId: proposed } = await mustAck(phone.socket, 'value:propose', { title: 'Betaalbaarheid' });
    const { storyId } = await mustAck(phone.socket, 'story:add', { valueId: proposed, text: 'Ik heb een klein pensioen.' });
    await mustAck(phone.socket, 'story:endorse', { storyId: othersStory });
    phone.socket.disconnect(); // the screen locks

    const again = await connect(server, { code: w.code, participantToken: phone.token });
    const self = await waitFor(again, 'participant:self');
    expect(self).toMatchObject({
      participant: { id: phone.participantId, groupId: g1, name: null },
      storyIds: [storyId],
      endorsedStoryIds: [othersStory],
      proposedValueIds: [proposed],
    });
    // Still a participant: it can keep going, and is not counted twice.
    await mustAck(again, 'story:add', { valueId, text: 'En ook dit.' });
    expect((await waitFor(host, 'workshop:public', (v) => v.participation.total === 2)).participation.total).toBe(2);
    expect(await waitFor(host, 'workshop:presence', (p) => p.connected === 2)).toEqual({ connected: 2, byGroup: { [g1]: 1, [g2]: 1 }, joinsRefused: 0 });
  });
});

describe('a server restart', () => {
  const start = serverPool();

  it('loses nothing acknowledged: same state, and phones that reconnect get their data back', async () => {
    const { server, w, host, g1, g2 } = await exploring(start);
    const a = await joinAs(server, w.code, g1);
    const b = await joinAs(server, w.code, g2);
    const { valueId } = await mustAck(a.socket, 'value:propose', { title: 'Warmte voor iedereen' });
    const { storyId } = await mustAck(b.socket, 'story:add', { valueId, text: 'Onze flat is koud.' });
    await mustAck(a.socket, 'story:endorse', { storyId });
    await mustAck(host, 'settings:update', { allowProposals: false });
    const before = structuredClone(serverState(server, w.code));

    // A phone that reconnects by itself, to the same port, after the restart.
    const phone = await connect(server, { code: w.code, participantToken: a.token }, { reconnection: true });
    await waitFor(phone, 'participant:self');
    const reconnected = waitFor(phone, 'participant:self', () => true, { next: true, timeoutMs: 5000 });
    const dataDir = server.dataDir;
    const port = server.port;
    await server.app.close();
    server.store.close();

    const restarted = await start({ dataDir, port });
    expect(serverState(restarted, w.code)).toEqual(before);

    const self = await reconnected;
    expect(phone.connected).toBe(true);
    expect(self).toMatchObject({ participant: { id: a.participantId }, proposedValueIds: [valueId], endorsedStoryIds: [storyId] });
    const hostAgain = await connectHost(restarted, w);
    const view = await waitFor(hostAgain, 'workshop:host');
    expect(view.seq).toBe(before.seq);
    expect(view.settings.allowProposals).toBe(false);
    expect(view.allStories.map((s) => [s.id, s.endorsements])).toEqual([[storyId, 1]]);
    // And the workshop carries on from where it was, without a gap in the log.
    await mustAck(hostAgain, 'value:add', { title: 'Na de herstart' });
    expect(serverState(restarted, w.code).seq).toBe(before.seq + 1);
  });
});
