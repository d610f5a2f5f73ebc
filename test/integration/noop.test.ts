import { describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, ExportDocument } from '../../shared/index.js';
import { fetchExport } from './exports.js';
import { connect, connectHost, createWorkshop, emitAck, joinAs, mustAck, received, serverPool, serverState, settle, waitFor, type ClientSocket } from './harness.js';

/**
 * A command that asks for what already holds stores nothing and broadcasts nothing: the ack is
 * the normal `ok` (so a retry is answered like the first send), the workshop's seq does not
 * move, the export does not change, and no board, phone or console gets a new view. An update
 * that names nothing to change is BAD_REQUEST.
 */

const VIEW_EVENTS = ['workshop:public', 'workshop:phone', 'workshop:host'];
const stable = (doc: ExportDocument) => JSON.stringify({ ...doc, exportedAt: null });

describe('commands that change nothing, through a real server', () => {
  const start = serverPool();

  it('are acknowledged ok, store nothing and send no view to anyone', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Niets nieuws', template: 'heat-transition', language: 'en', groups: ['A', 'B'], allowNames: true });
    const host = await connectHost(server, w);
    const board = await connect(server, { code: w.code, view: 'board' });
    const initial = await waitFor(host, 'workshop:host');
    const [groupA, groupB] = initial.groups.map((g) => g.id) as [string, string];
    const [explore, dots] = initial.activities.map((a) => a.id) as [string, string];
    const [v1, v2, v3, v4] = initial.allValues.map((v) => v.id) as [string, string, string, string];
    const first = initial.allValues[0]!;
    const a = await joinAs(server, w.code, groupA, 'Ans');
    const b = await joinAs(server, w.code, groupB);
    const c = await joinAs(server, w.code, groupB);

    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
    const proposal = { title: 'Rust', valueId: 'v_phone_made_id_0001' };
    await mustAck(a.socket, 'value:propose', proposal);
    const card = { title: 'Eerlijk delen', valueId: 'v_console_made_0001' };
    await mustAck(host, 'value:add', card);
    const story = { valueId: v1, text: 'Mijn rekening', storyId: 's_phone_made_id_0001' };
    await mustAck(a.socket, 'story:add', story);
    const { storyId: hiddenStory } = await mustAck(a.socket, 'story:add', { valueId: v1, text: 'Weg ermee' });
    await mustAck(host, 'story:hide', { storyId: hiddenStory, hidden: true });
    await mustAck(b.socket, 'story:endorse', { storyId: story.storyId });
    await mustAck(host, 'value:hide', { valueId: v2, hidden: true });
    await mustAck(host, 'value:merge', { sourceId: v3, targetId: v4 });
    await mustAck(host, 'activity:configure', { activityId: dots, timerSeconds: 60, title: 'Wat telt?' });
    await mustAck(host, 'participant:remove', { participantId: c.participantId });

    // Let every broadcast of the set-up land, then watch from here.
    await settle(400);
    const seq = serverState(server, w.code).seq;
    const before = stable(await fetchExport(server, w));
    const watched: ClientSocket[] = [board, host, b.socket];
    const mark = watched.map((s) => received(s).length);
    const settings = serverState(server, w.code).settings;

    const noops: { [K in CommandName]?: [ClientSocket, CommandInput<K>][] } = {
      'participant:update': [
        [a.socket, { name: 'Ans', groupId: groupA }],
        [a.socket, { groupId: groupA }],
        [b.socket, { name: '' }],
      ],
      'value:hide': [
        [host, { valueId: v2, hidden: true }],
        [host, { valueId: v1, hidden: false }],
      ],
      'story:hide': [
        [host, { storyId: hiddenStory, hidden: true }],
        [host, { storyId: story.storyId, hidden: false }],
      ],
      'settings:update': [[host, { ...settings }]],
      'value:edit': [[host, { valueId: v1, title: first.title, description: first.description }]],
      'activity:configure': [[host, { activityId: dots, timerSeconds: 60, title: 'Wat telt?' }]],
      'agenda:goto': [[host, { activityId: explore }]],
      'agenda:move': [[host, { activityId: explore, toIndex: 0 }]],
      'summary:publish': [[host, { published: false }]],
      'story:endorse': [[b.socket, { storyId: story.storyId }]],
      'value:merge': [[host, { sourceId: v3, targetId: v4 }]],
      'participant:remove': [[host, { participantId: c.participantId }]],
      // Retries of client-made ids: the same ack as the first time.
      'value:add': [[host, card]],
      'value:propose': [[a.socket, proposal]],
      'story:add': [[a.socket, story]],
    };
    for (const [command, sends] of Object.entries(noops) as [CommandName, [ClientSocket, never][]][]) {
      for (const [socket, payload] of sends) {
        const ack = await emitAck(socket, command, payload);
        expect([command, payload, ack.ok]).toEqual([command, payload, true]);
        expect([command, serverState(server, w.code).seq]).toEqual([command, seq]);
      }
    }
    expect(await emitAck(host, 'value:add', card)).toEqual({ ok: true, data: { valueId: card.valueId } });
    expect(await emitAck(a.socket, 'value:propose', proposal)).toEqual({ ok: true, data: { valueId: proposal.valueId } });
    expect(await emitAck(a.socket, 'story:add', story)).toEqual({ ok: true, data: { storyId: story.storyId } });

    // An update that names nothing is BAD_REQUEST.
    expect(await emitAck(a.socket, 'participant:update', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await emitAck(host, 'settings:update', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await emitAck(host, 'activity:configure', { activityId: dots })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    // 300 ms after the last one: no view went out, nothing was stored.
    await settle(300);
    const sent = watched.map((s, i) => received(s).slice(mark[i]).filter((e) => VIEW_EVENTS.includes(e.event)).map((e) => e.event));
    expect(sent).toEqual([[], [], []]);
    expect(serverState(server, w.code).seq).toBe(seq);
    expect(stable(await fetchExport(server, w))).toBe(before);

    // A real change still reaches the board (so the silence above means something).
    await mustAck(host, 'settings:update', { minGroupSize: settings.minGroupSize + 1 });
    const next = await waitFor(board, 'workshop:public', (v) => v.settings.minGroupSize === settings.minGroupSize + 1, { next: true });
    expect(next.seq).toBe(seq + 1);
  });
});
