import { describe, expect, it } from 'vitest';
import { FakeTime } from './fakeTime.js';
import { connectHost, connectVisitor, createWorkshop, emitAck, joinAs, mustAck, serverPool, waitFor } from './harness.js';

const T0 = Date.UTC(2026, 10, 26, 20, 0, 0);

describe('activity timers on a real server', () => {
  const start = serverPool();

  it('lock a timed activity for everyone when time is up, and again when the workshop is loaded after a restart that missed the deadline', async () => {
    const time = new FakeTime(T0);
    const server = await start({ clock: time.clock, config: { timers: time } });
    const w = await createWorkshop(server, { title: 'Timer', template: 'heat-transition', groups: ['A', 'B'] });
    const host = await connectHost(server, w);
    const board = await connectVisitor(server, w.code);
    const view = await waitFor(host, 'workshop:host');
    const [, dots, rank] = view.activities.map((a) => a.id) as [string, string, string];
    const phone = await joinAs(server, w.code, view.groups[0]?.id as string);
    const valueId = view.allValues[0]?.id as string;

    for (const activityId of [dots, rank]) await mustAck(host, 'activity:configure', { activityId, timerSeconds: 30 });
    await mustAck(host, 'agenda:goto', { activityId: dots });
    expect((await waitFor(board, 'workshop:public', (p) => p.currentActivityId === dots)).activities[1]?.endsAt).toBe(T0 + 30_000);
    time.advance(30_000);
    expect((await waitFor(board, 'workshop:public', (p) => p.activities[1]?.status === 'locked')).activities[1]?.endsAt).toBeNull();
    expect(await emitAck(phone.socket, 'answer:submit', { activityId: dots, answerId: 'late', answer: { kind: 'dots', dots: { [valueId]: 1 } } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    // The next step starts its own half minute; the server goes down for a minute meanwhile.
    await mustAck(host, 'agenda:goto', { activityId: rank });
    await waitFor(board, 'workshop:public', (p) => p.activities[2]?.status === 'open');
    await server.close();
    const later = new FakeTime(T0 + 90_000);
    const again = await start({ dataDir: server.dataDir, clock: later.clock, config: { timers: later } });
    // Workshops load when first needed; loading arms the timer, and the missed deadline is due now.
    expect(later.pending()).toEqual([]);
    const host2 = await connectHost(again, w);
    expect(later.pending()).toEqual([T0 + 90_000]);
    later.advance(0);
    const after = await waitFor(host2, 'workshop:host', (h) => h.activities[2]?.status === 'locked');
    expect(after.activities[2]?.endsAt).toBeNull();
    expect(again.app.timers.scheduled().size).toBe(0);
  });
});
