import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/index.js';
import { connect, connectHost, connectPhone, createWorkshop, emitAck, joinAs, mustAck, serverPool, waitFor, type TestParticipant } from './harness.js';

/**
 * Issue 9, "the facilitator can close the doors", end to end over real sockets: 300 fake voters
 * join during a dots vote and flip its winner; the console is warned; the facilitator closes
 * joining and removes everyone who joined after the vote opened; the winner flips back. And the
 * caps: a vote that would open with too many values, a participant's stories.
 */
const T0 = Date.UTC(2026, 11, 1, 19, 0, 0);
/** Join and command limits out of the way: 300 joins from this one test address is the point. */
const OPEN_DOORS = {
  joinsPerAddress: { points: 100_000, seconds: 1 },
  joinsPerWorkshop: { points: 100_000, seconds: 1 },
  newSocketsPerAddress: { points: 100_000, seconds: 1 },
  visitorCommandsPerAddress: { points: 100_000, seconds: 1 },
  hostCommands: { points: 100_000, seconds: 1 },
  participantCommands: { points: 100_000, seconds: 1 },
};

const winner = (v: HostView, activityId: string) => v.results[activityId]?.vote?.values[0]?.valueId;

describe('closing the doors', () => {
  const start = serverPool();

  it('warns about 300 joins during a vote, closes joining, and removes them in one go: the winner flips back', { timeout: 60_000 }, async () => {
    let now = T0;
    const server = await start({ clock: () => now, config: { limits: OPEN_DOORS, caps: { valuesPerVote: 10 } } });
    const w = await createWorkshop(server, { title: 'Wijk Zuid', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(server, w);
    const initial = await waitFor(host, 'workshop:host');
    const [residents, municipality] = initial.groups.map((g) => g.id) as [string, string];
    const [, dots, rank] = initial.activities.map((a) => a.id) as [string, string, string];
    const ids = initial.allValues.map((v) => v.id);
    const [a, b, c, d] = ids as [string, string, string, string];

    // 12 phones of the room join at 20:00 and put all 3 dots on A.
    const room: TestParticipant[] = [];
    for (let i = 0; i < 12; i++) room.push(await joinAs(server, w.code, i % 2 ? municipality : residents));
    await mustAck(host, 'activity:configure', { activityId: dots, valueIds: [a, b, c, d], dotsPerParticipant: 3, dotsMaxPerValue: 3 });
    now = T0 + 60_000;
    await mustAck(host, 'activity:control', { activityId: dots, action: 'open' });
    for (const p of room) await mustAck(p.socket, 'answer:submit', { activityId: dots, answerId: `r-${p.participantId}`, answer: { kind: 'dots', dots: { [a]: 3 } } });
    expect(winner(await waitFor(host, 'workshop:host', (v) => v.results[dots]?.vote?.answers === 12), dots)).toBe(a);

    // 20:01:10: 300 phones from one script join and put 3 dots each on D (900 against 36).
    now = T0 + 70_000;
    const fakes = await Promise.all(Array.from({ length: 300 }, () => joinAs(server, w.code, residents)));
    await Promise.all(fakes.map((f, i) => mustAck(f.socket, 'answer:submit', { activityId: dots, answerId: `f${i}`, answer: { kind: 'dots', dots: { [d]: 3 } } })));
    const flooded = await waitFor(host, 'workshop:host', (v) => v.results[dots]?.vote?.answers === 312, { timeoutMs: 10_000 });
    expect(winner(flooded, dots)).toBe(d);
    // The console is warned: 300 joined in the minute up to the latest join, after the vote opened, against 12 before them.
    expect(flooded.joins.burst).toEqual({ from: T0 + 60_000, to: T0 + 70_000, joins: 300, before: 12, activityId: dots });
    expect(flooded.joins.perMinute).toEqual([
      { at: T0, joined: 12, removed: 0 },
      { at: T0 + 60_000, joined: 300, removed: 0 },
    ]);
    // And the results say where the answers came from.
    expect(flooded.results[dots]?.answers).toEqual({ counted: 312, fromLateJoiners: 300 });

    // The facilitator closes joining: a new phone is refused and sees it is closed; the room still answers.
    await mustAck(host, 'settings:update', { joiningOpen: false });
    const newPhone = await connectPhone(server, w.code);
    expect((await waitFor(newPhone, 'workshop:phone', (v) => v.settings.joiningOpen === false)).settings.joiningOpen).toBe(false);
    expect(await emitAck(newPhone, 'participant:join', { groupId: residents })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Joining is closed/) as unknown } });
    const first = room[0] as TestParticipant;
    expect(await emitAck(first.socket, 'answer:submit', { activityId: dots, answerId: 'r-again', answer: { kind: 'dots', dots: { [a]: 2, [d]: 1 } } })).toEqual({ ok: true, data: { answerId: 'r-again', duplicate: false } });
    // A joined phone that reconnects (a reload, a locked screen) with its token is let in as itself.
    const second = room[1] as TestParticipant;
    second.socket.disconnect();
    const back = await connect(server, { code: w.code, participantToken: second.token, view: 'phone' });
    expect((await waitFor(back, 'participant:self')).participant.id).toBe(second.participantId);
    expect((await emitAck(back, 'answer:submit', { activityId: dots, answerId: 'r2-again', answer: { kind: 'dots', dots: { [b]: 3 } } })).ok).toBe(true);

    // Remove everyone who joined from 20:01:00 on: exactly the 300; each is told and disconnected.
    const told = new Promise<void>((resolve) => (fakes[0] as TestParticipant).socket.once('participant:removed', () => resolve()));
    const gone = new Promise<void>((resolve) => (fakes[299] as TestParticipant).socket.once('disconnect', () => resolve()));
    expect(await mustAck(host, 'participant:removeMany', { joinedAfter: T0 + 60_000 })).toEqual({ removed: 300 });
    await Promise.all([told, gone]);
    const cleaned = await waitFor(host, 'workshop:host', (v) => v.results[dots]?.vote?.answers === 12, { timeoutMs: 10_000 });
    expect(winner(cleaned, dots)).toBe(a);
    expect(cleaned.participants.filter((p) => p.removed)).toHaveLength(300);
    expect(cleaned.participants.filter((p) => p.removed).every((p) => p.joinedAt === T0 + 70_000)).toBe(true);
    expect(cleaned.joins.burst).toBeNull();
    expect(cleaned.joins.perMinute[1]).toEqual({ at: T0 + 60_000, joined: 300, removed: 300 });
    expect(cleaned.results[dots]?.answers).toEqual({ counted: 12, fromLateJoiners: 0 });
    // Sent again: nothing more to remove.
    expect(await mustAck(host, 'participant:removeMany', { joinedAfter: T0 + 60_000 })).toEqual({ removed: 0 });

    // Opening joining again lets the new phone in, live.
    await mustAck(host, 'settings:update', { joiningOpen: true });
    await waitFor(newPhone, 'workshop:phone', (v) => v.settings.joiningOpen);
    expect((await emitAck(newPhone, 'participant:join', { groupId: residents })).ok).toBe(true);

    // The next vote, a rank of every visible value (12), would not fit the server's cap of 10.
    expect(cleaned.ballotCaps[rank]).toEqual({ values: 12, max: 10 });
    expect(await emitAck(host, 'activity:control', { activityId: rank, action: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/would open with 12 values; at most 10/) as unknown },
    });
    expect(await emitAck(host, 'agenda:goto', { activityId: rank })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('stops one participant at the story cap, whatever socket the stories come from', { timeout: 20_000 }, async () => {
    const server = await start({ config: { caps: { storiesPerParticipant: 3 } } });
    const w = await createWorkshop(server, { title: 'Wijk Noord', template: 'heat-transition', language: 'en' });
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
    const p = await joinAs(server, w.code, view.groups[0]?.id as string);
    const other = await joinAs(server, w.code, view.groups[0]?.id as string);
    const v = view.allValues[0]?.id as string;
    for (let i = 0; i < 3; i++) await mustAck(p.socket, 'story:add', { valueId: v, text: `Story ${i}` });
    // The same participant on a second socket is the same participant.
    const second = await connect(server, { code: w.code, participantToken: p.token, view: 'phone' });
    expect(await emitAck(second, 'story:add', { valueId: v, text: 'One too many' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/told 3 stories/) as unknown },
    });
    // Someone else still can; and the phone knows its cap from its view.
    await mustAck(other.socket, 'story:add', { valueId: v, text: 'Mine' });
    expect((await waitFor(p.socket, 'workshop:phone')).caps.storiesPerParticipant).toBe(3);
    const stories = await waitFor(host, 'workshop:host', (h) => h.allStories.length === 4);
    expect(stories.allStories.filter((s) => s.participantId === p.participantId)).toHaveLength(3);
  });
});
