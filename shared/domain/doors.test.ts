import { describe, expect, it } from 'vitest';
import { apply } from './apply.js';
import { decide } from './decide.js';
import type { DomainEvent } from './events.js';
import { JOIN_BURST, joinBurst, joinedFrom, joinsPerMinute, participantsToRemove } from './joins.js';
import { CAPS, capLeft, capsWith, participantCaps, REMOVE_MANY_MAX_IDS } from './limits.js';
import { LiveViews } from './liveViews.js';
import { activityResults } from './results.js';
import { DomainHarness, HOST, VISITOR } from './testing.js';
import type { Actor } from './decide.js';
import type { Activity, Participant } from './types.js';
import { hostView, phoneView, publicView } from './views.js';

const T0 = Date.UTC(2026, 11, 1, 19, 0, 0); // 20:00 in Amsterdam, a minute boundary

function heat(): DomainHarness {
  const h = new DomainHarness({ title: 'Zuid', template: 'heat-transition', language: 'en' });
  h.now = T0;
  return h;
}

const refusal = (code: string, message?: RegExp) => ({ ok: false, error: message ? { code, message: expect.stringMatching(message) as unknown } : { code } });

describe('caps', () => {
  it('defaults that a room of 2,000 never meets, overridable with whole numbers of at least 1', () => {
    expect(CAPS).toEqual({
      storiesPerParticipant: 50,
      proposalsPerParticipant: 20,
      valuesPerWorkshop: 500,
      storiesPerWorkshop: 10_000,
      participantsPerWorkshop: 5_000,
      valuesPerVote: 100,
    });
    expect(capsWith({ valuesPerVote: 7 })).toEqual({ ...CAPS, valuesPerVote: 7 });
    expect(capsWith()).toEqual(CAPS);
    expect(() => capsWith({ storiesPerParticipant: 0 })).toThrow(/at least 1/);
    expect(() => capsWith({ storiesPerParticipant: 2.5 })).toThrow(/whole number/);
    expect(capLeft(3, 5)).toBe(2);
    expect(capLeft(7, 5)).toBe(0);
  });

  it('stops one participant at their story cap, and the workshop at its own', () => {
    const h = heat();
    h.openFirst('explore');
    const caps = capsWith({ storiesPerParticipant: 2, storiesPerWorkshop: 3 });
    const a = h.join();
    const b = h.join();
    const v = h.state.valueOrder[0];
    h.must('story:add', { valueId: v, text: 'one', storyId: 's_phone_made_0001' }, a, { caps });
    h.must('story:add', { valueId: v, text: 'two' }, a, { caps });
    expect(h.run('story:add', { valueId: v, text: 'three' }, a, { caps })).toMatchObject(refusal('NOT_ALLOWED', /told 2 stories/));
    // A retried send of a stored story is still acknowledged, cap or not.
    expect(h.run('story:add', { valueId: v, text: 'one', storyId: 's_phone_made_0001' }, a, { caps })).toEqual({ ok: true, ids: [] });
    h.must('story:add', { valueId: v, text: 'b one' }, b, { caps });
    // 3 stories in the workshop: b's second is the workshop's fourth.
    expect(h.run('story:add', { valueId: v, text: 'b two' }, b, { caps })).toMatchObject(refusal('NOT_ALLOWED', /holds 3 stories/));
    expect(Object.keys(h.state.stories)).toHaveLength(3);
  });

  it('stops proposals per participant and values per workshop (the facilitator too)', () => {
    const h = heat();
    h.openFirst('explore');
    // The template brings 12 values: 14 leaves room for two more.
    const caps = capsWith({ proposalsPerParticipant: 1, valuesPerWorkshop: 14 });
    const a = h.join();
    const b = h.join();
    h.must('value:propose', { title: 'Rust' }, a, { caps });
    expect(h.run('value:propose', { title: 'Stilte' }, a, { caps })).toMatchObject(refusal('NOT_ALLOWED', /proposed 1 values/));
    h.must('value:propose', { title: 'Groen' }, b, { caps });
    expect(h.state.valueOrder).toHaveLength(14);
    expect(h.run('value:add', { title: 'Licht' }, HOST, { caps })).toMatchObject(refusal('NOT_ALLOWED', /holds 14 values/));
    const c = h.join();
    expect(h.run('value:propose', { title: 'Licht' }, c, { caps })).toMatchObject(refusal('NOT_ALLOWED', /holds 14 values/));
  });

  it('stops joins at the participant cap; removed participants still count', () => {
    const h = heat();
    const caps = capsWith({ participantsPerWorkshop: 2 });
    const groupId = h.state.groups[0]?.id;
    const first = h.must('participant:join', { groupId }, VISITOR, { tokenHash: 't1', caps });
    h.must('participant:join', { groupId }, VISITOR, { tokenHash: 't2', caps });
    h.must('participant:remove', { participantId: first }, HOST);
    expect(h.run('participant:join', { groupId }, VISITOR, { tokenHash: 't3', caps })).toMatchObject(refusal('NOT_ALLOWED', /2 phones have joined/));
  });

  it('refuses to open a vote with more values than fit on one ballot, and says how many', () => {
    const h = heat();
    const caps = capsWith({ valuesPerVote: 5 });
    const dots = h.state.activities[1] as Activity;
    const rank = h.state.activities[2] as Activity;
    // 12 visible values, at most 5: both ways of opening are refused with the count.
    expect(h.run('activity:control', { activityId: dots.id, action: 'open' }, HOST, { caps })).toMatchObject(
      refusal('NOT_ALLOWED', /would open with 12 values; at most 5 fit on one ballot\. Hide or merge values, or pick the values/),
    );
    expect(h.run('agenda:goto', { activityId: dots.id }, HOST, { caps })).toMatchObject(refusal('NOT_ALLOWED', /12 values/));
    // The host's view says so for every vote, before anyone tries.
    const views = new LiveViews(() => h.state, { caps });
    expect(views.host().ballotCaps).toEqual({
      [dots.id]: { values: 12, max: 5 },
      [rank.id]: { values: 12, max: 5 },
      [(h.state.activities[3] as Activity).id]: { values: 12, max: 5 },
    });
    // Picking 6 is refused as well; picking 5 lets the vote open with exactly those.
    const ids = h.state.valueOrder;
    expect(h.run('activity:configure', { activityId: dots.id, valueIds: ids.slice(0, 6) }, HOST, { caps })).toMatchObject(refusal('NOT_ALLOWED', /6 values picked; at most 5/));
    h.must('activity:configure', { activityId: dots.id, valueIds: ids.slice(0, 5) }, HOST, { caps });
    h.must('activity:control', { activityId: dots.id, action: 'open' }, HOST, { caps });
    expect(h.state.activities[1]?.config.valueIds).toEqual(ids.slice(0, 5));
    // Hiding 7 of the 12 brings the next vote's ballot to 5: it may open, and freezes those.
    for (const id of ids.slice(5)) h.must('value:hide', { valueId: id, hidden: true }, HOST);
    views.reset();
    expect(views.host().ballotCaps).toEqual({});
    h.must('agenda:goto', { activityId: rank.id }, HOST, { caps });
    expect(h.state.activities[2]?.config.valueIds).toEqual(ids.slice(0, 5));
    // Scan and explore have no ballot.
    expect(h.run('activity:control', { activityId: h.state.activities[4]?.id, action: 'open' }, HOST, { caps: capsWith({ valuesPerVote: 1 }) }).ok).toBe(true);
  });

  it('sends the caps in force in every view', () => {
    const h = heat();
    const caps = capsWith({ storiesPerParticipant: 3 });
    const views = new LiveViews(() => h.state, { caps });
    expect(views.phone().caps.storiesPerParticipant).toBe(3);
    expect(views.board().caps).toEqual(caps);
    expect(phoneView(h.state).caps).toEqual(CAPS);
  });
});

describe('closing the doors', () => {
  it('refuses new phones while joining is closed; joined phones go on answering', () => {
    const h = heat();
    const a = h.join();
    const dots = h.openFirst('dots');
    h.must('settings:update', { joiningOpen: false }, HOST);
    expect(publicView(h.state).settings.joiningOpen).toBe(false);
    const groupId = h.state.groups[0]?.id;
    expect(h.run('participant:join', { groupId }, VISITOR, { tokenHash: 'late' })).toMatchObject(refusal('NOT_ALLOWED', /Joining is closed/));
    h.must('answer:submit', { activityId: dots, answerId: 'a1', answer: { kind: 'dots', dots: { [h.state.valueOrder[0] as string]: 1 } } }, a);
    // Closing again stores nothing; opening lets the next phone in.
    const seq = h.state.seq;
    expect(h.run('settings:update', { joiningOpen: false }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    h.must('settings:update', { joiningOpen: true }, HOST);
    expect(h.run('participant:join', { groupId }, VISITOR, { tokenHash: 'late' }).ok).toBe(true);
  });

  it('reads a workshop stored before the setting existed as open', () => {
    const h = heat();
    const { joiningOpen: _gone, ...old } = h.state.settings;
    const created = apply(h.state, { type: 'workshop:created', at: T0, workshop: { ...h.state, settings: old as typeof h.state.settings } });
    expect(created.settings.joiningOpen).toBe(true);
  });
});

describe('joins over time', () => {
  const p = (joinedAt: number, removed = false): Pick<Participant, 'joinedAt' | 'removed'> => ({ joinedAt, removed });

  it('counts joins per clock minute, with how many of them were removed', () => {
    // 20:00:00, 20:00:59.999, 20:01:00 (removed), 20:03:30: minute 20:02 had none and is left out.
    const list = [p(T0 + 210_000), p(T0), p(T0 + 59_999), p(T0 + 60_000, true)];
    expect(joinsPerMinute(list)).toEqual([
      { at: T0, joined: 2, removed: 0 },
      { at: T0 + 60_000, joined: 1, removed: 1 },
      { at: T0 + 180_000, joined: 1, removed: 0 },
    ]);
    expect(joinsPerMinute([])).toEqual([]);
  });

  it('warns about a burst during a vote: 20+ joins in a minute, a quarter of the room before them', () => {
    const vote = { id: 'dots1', kind: 'dots', status: 'open', openedAt: T0 + 600_000 } as const;
    // 48 in the room before the vote; then 20 join between 20:10:30 and 20:11:00.
    const room = Array.from({ length: 48 }, (_, i) => p(T0 + i * 1000));
    const burst = Array.from({ length: 20 }, (_, i) => p(T0 + 630_000 + i * 1500));
    expect(JOIN_BURST).toEqual({ windowMs: 60_000, minJoins: 20, ratio: 0.25 });
    // The latest join is 20:10:58.5; the window is the minute before it, after the vote opened.
    expect(joinBurst([...room, ...burst], vote)).toEqual({ from: T0 + 600_000, to: T0 + 658_500, joins: 20, before: 48, activityId: 'dots1' });
    // 19 is not a burst.
    expect(joinBurst([...room, ...burst.slice(1)], vote)).toBeNull();
    // 20 against a room of 81 (20 < 81 / 4 = 20.25) is not either; against 80 (= 20) it is.
    const bigger = (n: number) => Array.from({ length: n }, (_, i) => p(T0 + i * 100));
    expect(joinBurst([...bigger(81), ...burst], vote)).toBeNull();
    expect(joinBurst([...bigger(80), ...burst], vote)?.joins).toBe(20);
    // The same 20 while exploring, with nothing current, or once removed: no warning.
    expect(joinBurst([...room, ...burst], { ...vote, kind: 'explore' })).toBeNull();
    expect(joinBurst([...room, ...burst], null)).toBeNull();
    expect(joinBurst([...room, ...burst.map((b) => ({ ...b, removed: true }))], vote)).toBeNull();
    expect(joinBurst([...room, ...burst], { ...vote, status: 'closed' })).toBeNull();
    // Joins that came before the vote opened are not part of the burst: window 20:10:00–20:10:58.5 holds 10.
    const straddling = Array.from({ length: 20 }, (_, i) => p(T0 + 590_000 + i * 1500));
    expect(joinBurst([...room, ...straddling], { ...vote, openedAt: T0 + 605_000 })).toBeNull();
  });

  it('is in the host view and follows joins and removals', () => {
    const h = heat();
    const views = new LiveViews(() => h.state);
    const observe = (events: DomainEvent[]) => views.observe(events);
    const run = (type: Parameters<typeof h.run>[0], payload: unknown, actor: Actor, tokenHash?: string) => {
      const r = decide(h.state, { type, payload } as never, actor, h.ctx(tokenHash ? { tokenHash } : {}));
      if (!r.ok) throw new Error(r.error.message);
      for (const e of r.value) h.state = apply(h.state, e);
      observe(r.value);
    };
    const groupId = h.state.groups[0]?.id;
    for (let i = 0; i < 4; i++) run('participant:join', { groupId }, VISITOR, `t${i}`);
    const dots = h.state.activities[1] as Activity;
    h.now = T0 + 120_000;
    run('activity:control', { activityId: dots.id, action: 'open' }, HOST);
    expect(views.host().joins).toEqual({ perMinute: [{ at: T0, joined: 4, removed: 0 }], burst: null });
    h.now = T0 + 150_000;
    for (let i = 0; i < 20; i++) run('participant:join', { groupId }, VISITOR, `b${i}`);
    const host = views.host();
    expect(host.joins.perMinute).toEqual([
      { at: T0, joined: 4, removed: 0 },
      { at: T0 + 120_000, joined: 20, removed: 0 },
    ]);
    expect(host.joins.burst).toEqual({ from: T0 + 120_000, to: T0 + 150_000, joins: 20, before: 4, activityId: dots.id });
    expect(host.joins).toEqual(hostView(h.state).joins);
    // An answer does not touch who joined when: the same object, not recomputed.
    const someone = Object.values(h.state.participants)[0] as Participant;
    run('answer:submit', { activityId: dots.id, answerId: 'x1', answer: { kind: 'dots', dots: { [h.state.valueOrder[0] as string]: 1 } } }, { role: 'participant', participantId: someone.id });
    expect(views.host().joins).toBe(host.joins);
    run('participant:removeMany', { joinedAfter: T0 + 150_000 }, HOST);
    expect(views.host().joins).toEqual({
      perMinute: [
        { at: T0, joined: 4, removed: 0 },
        { at: T0 + 120_000, joined: 20, removed: 20 },
      ],
      burst: null,
    });
  });
});

describe('participant:removeMany', () => {
  function room() {
    const h = heat();
    const joinAt = (at: number) => {
      h.now = at;
      return h.join().participantId;
    };
    const ids = [joinAt(T0), joinAt(T0 + 1000), joinAt(T0 + 2000), joinAt(T0 + 2000)];
    h.now = T0 + 5000;
    return { h, ids };
  }

  it('removes everyone still in who joined at or after a moment, once', () => {
    const { h, ids } = room();
    const r = decide(h.state, { type: 'participant:removeMany', payload: { joinedAfter: T0 + 1000 } }, HOST, h.ctx());
    expect(r).toEqual({
      ok: true,
      value: [
        { type: 'participant:removed', at: T0 + 5000, participantId: ids[1] },
        // Same moment: by id.
        ...[ids[2], ids[3]].sort().map((participantId) => ({ type: 'participant:removed', at: T0 + 5000, participantId })),
      ],
    });
    h.must('participant:removeMany', { joinedAfter: T0 + 1000 }, HOST);
    expect(Object.values(h.state.participants).map((p) => p.removed)).toEqual([false, true, true, true]);
    // Again: nothing left to remove, nothing stored.
    const seq = h.state.seq;
    expect(h.run('participant:removeMany', { joinedAfter: T0 + 1000 }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('participant:removeMany', { joinedAfter: T0 + 10_000 }, HOST)).toEqual({ ok: true, ids: [] });
  });

  it('removes listed participants, each once, and refuses unknown ids without removing anyone', () => {
    const { h, ids } = room();
    expect(participantsToRemove(h.state, { participantIds: [ids[0] as string, ids[0] as string, ids[2] as string] })).toMatchObject({ ok: true, value: [{ id: ids[0] }, { id: ids[2] }] });
    expect(h.run('participant:removeMany', { participantIds: [ids[0], 'nobody'] }, HOST)).toMatchObject(refusal('NOT_FOUND', /nobody/));
    expect(h.run('participant:removeMany', { participantIds: [ids[0], 'constructor'] }, HOST)).toMatchObject(refusal('NOT_FOUND'));
    expect(Object.values(h.state.participants).some((p) => p.removed)).toBe(false);
    h.must('participant:removeMany', { participantIds: [ids[0], ids[2]] }, HOST);
    expect(Object.values(h.state.participants).map((p) => p.removed)).toEqual([true, false, true, false]);
  });

  it('takes exactly one of joinedAfter and participantIds, a bounded list, from the host only', () => {
    const { h, ids } = room();
    expect(h.run('participant:removeMany', {}, HOST)).toMatchObject(refusal('BAD_REQUEST'));
    expect(h.run('participant:removeMany', { joinedAfter: T0, participantIds: [ids[0]] }, HOST)).toMatchObject(refusal('BAD_REQUEST'));
    expect(h.run('participant:removeMany', { participantIds: [] }, HOST)).toMatchObject(refusal('BAD_REQUEST'));
    expect(h.run('participant:removeMany', { participantIds: Array.from({ length: REMOVE_MANY_MAX_IDS + 1 }, () => ids[0]) }, HOST)).toMatchObject(refusal('BAD_REQUEST'));
    expect(h.run('participant:removeMany', { joinedAfter: -1 }, HOST)).toMatchObject(refusal('BAD_REQUEST'));
    expect(h.run('participant:removeMany', { joinedAfter: T0 }, { role: 'participant', participantId: ids[0] as string })).toMatchObject(refusal('FORBIDDEN'));
  });
});

describe('answers from late joiners', () => {
  it('counts, of the answers that count, those from phones that joined after the vote opened', () => {
    const h = heat();
    const early = [h.join(), h.join(), h.join()];
    h.now = T0 + 60_000;
    const dots = h.openFirst('dots');
    // Joining at the very moment it opened is not late; a millisecond after is.
    const onTime = h.join();
    h.now = T0 + 60_001;
    const late = [h.join(), h.join()];
    const v = h.state.valueOrder[0] as string;
    const vote = (who: Actor & { role: 'participant' }, n: number) => h.must('answer:submit', { activityId: dots, answerId: `a${n}`, answer: { kind: 'dots', dots: { [v]: 1 } } }, who);
    [...early, onTime, ...late].forEach(vote);
    expect(activityResults(h.state, dots)?.answers).toEqual({ counted: 6, fromLateJoiners: 2 });
    h.must('participant:remove', { participantId: late[0]?.participantId }, HOST);
    expect(activityResults(h.state, dots)?.answers).toEqual({ counted: 5, fromLateJoiners: 1 });
    // A vote that never opened has nothing late; its counts are in the host's results too.
    expect(activityResults(h.state, h.state.activities[2]?.id as string)?.answers).toEqual({ counted: 0, fromLateJoiners: 0 });
    expect(hostView(h.state).results[dots]?.answers).toEqual({ counted: 5, fromLateJoiners: 1 });
  });
});

describe('what a phone may still add', () => {
  it('counts against the caps and says how many are left', () => {
    expect(participantCaps({ stories: 3, proposals: 0 }, { storiesPerParticipant: 3, proposalsPerParticipant: 2 })).toEqual({
      stories: { count: 3, left: 0 },
      proposals: { count: 0, left: 2 },
    });
    expect(participantCaps({ stories: 51, proposals: 19 }, CAPS)).toEqual({ stories: { count: 51, left: 0 }, proposals: { count: 19, left: 1 } });
  });

  it('counts the participants a removal from a moment would take, as the console confirms it', () => {
    const list = [
      { id: 'b', joinedAt: 2000, removed: false },
      { id: 'a', joinedAt: 2000, removed: false },
      { id: 'c', joinedAt: 1000, removed: false },
      { id: 'd', joinedAt: 3000, removed: true },
    ];
    expect(joinedFrom(list, 2000).map((p) => p.id)).toEqual(['a', 'b']);
    expect(joinedFrom(list, 1001).map((p) => p.id)).toEqual(['a', 'b']);
    expect(joinedFrom(list, 3001)).toEqual([]);
  });
});
