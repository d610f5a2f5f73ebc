import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/index.js';
import { RESULTS_REFRESH_MS } from '../../server/sockets/broadcaster.js';
import { connectHost, createWorkshop, emitAck, joinAs, mustAck, serverPool, serverState, waitFor } from '../integration/harness.js';

const scanAnswer = (wentWell: string) => ({ kind: 'scan' as const, scores: {}, wentWell });

/**
 * The smallest reproductions of what the convergence fuzz found, one command at a time: a
 * retry of a stored write must be answered like the first send (`ok`), whatever happened in
 * between, or the phone drops something the server has.
 */
describe('an endorsement that was stored, sent again after its ack was lost', () => {
  const start = serverPool();

  /** Phone A wrote a story, phone B endorsed it; B's ack never arrived. */
  async function endorsed() {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Retry', template: 'empty', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
    const explore = view.activities[0]?.id as string;
    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
    const { valueId } = await mustAck(host, 'value:add', { title: 'Trust', valueId: 'fuzzValueTrust000001' });
    const a = await joinAs(server, w.code, g1);
    const b = await joinAs(server, w.code, g2);
    const { storyId } = await mustAck(a.socket, 'story:add', { valueId, text: 'We were heard.', storyId: 'fuzzStoryHeard000001' });
    await mustAck(b.socket, 'story:endorse', { storyId });
    return { server, code: w.code, host, explore, storyId, b, participantId: b.participantId };
  }

  it('after the explore step locked (seed 31) is acknowledged ok and stores nothing', async () => {
    const { server, code, host, explore, storyId, b, participantId } = await endorsed();
    await mustAck(host, 'activity:control', { activityId: explore, action: 'lock' });
    const seq = serverState(server, code).seq;
    expect(await emitAck(b.socket, 'story:endorse', { storyId })).toEqual({ ok: true, data: {} });
    expect(serverState(server, code).seq).toBe(seq);
    expect(serverState(server, code).stories[storyId]?.endorsements).toEqual([participantId]);
  });

  it('after the facilitator hid the story (seed 109 of an earlier mix) is acknowledged ok and stores nothing', async () => {
    const { server, code, host, storyId, b, participantId } = await endorsed();
    await mustAck(host, 'story:hide', { storyId, hidden: true });
    const seq = serverState(server, code).seq;
    expect(await emitAck(b.socket, 'story:endorse', { storyId })).toEqual({ ok: true, data: {} });
    expect(serverState(server, code).seq).toBe(seq);
    expect(serverState(server, code).stories[storyId]?.endorsements).toEqual([participantId]);
  });
});

describe('an open-answer endorsement that was stored, sent again after its ack was lost', () => {
  const start = serverPool();

  it('after its author answered again (seed 106) is acknowledged ok and stores nothing', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Retry', template: 'collaboration-checkup', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
    const scan = view.activities[0]?.id as string;
    await mustAck(host, 'activity:control', { activityId: scan, action: 'open' });
    const a = await joinAs(server, w.code, g1);
    const b = await joinAs(server, w.code, g2);
    await mustAck(a.socket, 'answer:submit', { activityId: scan, answerId: 'fuzzAnswerFirst00001', answer: { kind: 'scan', scores: {}, wentWell: 'We listened.' } });
    const withWall = await waitFor(host, 'workshop:host', (v: HostView) => (v.results[scan]?.openAnswers.length ?? 0) === 1);
    const openAnswerId = withWall.results[scan]?.openAnswers[0]?.id as string;
    await mustAck(b.socket, 'open-answer:endorse', { openAnswerId });
    // A changes its answer before B's ack arrives; B sends its endorsement again.
    await mustAck(a.socket, 'answer:submit', { activityId: scan, answerId: 'fuzzAnswerSecond0001', answer: { kind: 'scan', scores: {}, wentWell: 'We listened well.' } });
    const seq = serverState(server, w.code).seq;
    expect(await emitAck(b.socket, 'open-answer:endorse', { openAnswerId })).toEqual({ ok: true, data: {} });
    expect(serverState(server, w.code).seq).toBe(seq);
  });
});

describe('the console reconnecting while its live results are held back', () => {
  const start = serverPool();

  // The console's results of an unrevealed activity may lag their answers by RESULTS_REFRESH_MS;
  // a console that connects inside that window must still be sent them once they are due.
  it('is sent the results with every answer once they are due (seed 50)', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Lag', template: 'collaboration-checkup', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
    const scan = view.activities[0]?.id as string;
    await mustAck(host, 'activity:control', { activityId: scan, action: 'open' });
    const a = await joinAs(server, w.code, g1);
    const b = await joinAs(server, w.code, g2);
    await mustAck(a.socket, 'answer:submit', { activityId: scan, answerId: 'fuzzAnswerA000000001', answer: scanAnswer('Answer A') });
    await waitFor(host, 'workshop:host', (v: HostView) => v.results[scan]?.openAnswers.length === 1);
    host.disconnect();
    await mustAck(b.socket, 'answer:submit', { activityId: scan, answerId: 'fuzzAnswerB000000001', answer: scanAnswer('Answer B') });
    // The flush for B's answer has gone out (to nobody on the console) before the console is back.
    await waitFor(b.socket, 'participant:self', (v) => Object.hasOwn(v.answers, scan));
    const again = await connectHost(server, w);
    const got = await waitFor(again, 'workshop:host', (v: HostView) => v.results[scan]?.openAnswers.length === 2, { timeoutMs: RESULTS_REFRESH_MS + 1500 });
    expect(got.results[scan]?.openAnswers.map((o) => o.text).sort()).toEqual(['Answer A', 'Answer B']);
  });
});
