import { describe, expect, it } from 'vitest';
import { apply } from './apply.js';
import type { DomainEvent } from './events.js';
import { LiveViews } from './liveViews.js';
import { answerChannel, onlineOpenFor } from './online.js';
import { ONLINE_LIMITS } from './onlineModel.js';
import { DomainHarness, HOST } from './testing.js';
import { hostView, phoneView, publicView } from './views.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

function workshop() {
  const h = new DomainHarness({ title: 'Wijk Noord', template: 'heat-transition', language: 'en' });
  const id = (kind: string) => h.state.activities.find((a) => a.kind === kind)?.id as string;
  return { h, explore: id('explore'), dots: id('dots'), scan: id('scan'), options: id('options') };
}

describe('onlineOpenFor and answerChannel', () => {
  const online = { activityIds: ['a', 'b'], openedAt: 1000, until: 5000 };
  it('holds for a listed activity before the deadline, not at or after it', () => {
    expect(onlineOpenFor({ online }, 'a', 4999)).toBe(true);
    expect(onlineOpenFor({ online }, 'a', 5000)).toBe(false);
    expect(onlineOpenFor({ online }, 'c', 2000)).toBe(false);
    expect(onlineOpenFor({ online: null }, 'a', 2000)).toBe(false);
    expect(onlineOpenFor({}, 'a', 2000)).toBe(false);
  });
  it("is 'room' until the live session ended, 'online' from then on", () => {
    expect(answerChannel({}, 9000)).toBe('room');
    expect(answerChannel({ liveEndedAt: null }, 9000)).toBe('room');
    expect(answerChannel({ liveEndedAt: 9000 }, 8999)).toBe('room');
    expect(answerChannel({ liveEndedAt: 9000 }, 9000)).toBe('online');
  });
});

describe('online:open', () => {
  it('sets the window, ends the live session and opens joining', () => {
    const { h, dots, scan } = workshop();
    h.must('settings:update', { joiningOpen: false }, HOST);
    const t0 = h.now;
    h.must('online:open', { activityIds: [dots, scan], until: t0 + 3 * DAY }, HOST);
    expect(h.state.online).toEqual({ activityIds: [dots, scan], openedAt: t0, until: t0 + 3 * DAY });
    expect(h.state.liveEndedAt).toBe(t0);
    expect(h.state.settings.joiningOpen).toBe(true);
  });

  it('the same window again stores nothing; another deadline replaces it, keeping openedAt and liveEndedAt', () => {
    const { h, dots } = workshop();
    const t0 = h.now;
    h.must('online:open', { activityIds: [dots], until: t0 + DAY }, HOST);
    const seq = h.state.seq;
    h.now += HOUR;
    expect(h.run('online:open', { activityIds: [dots], until: t0 + DAY }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    h.must('online:open', { activityIds: [dots], until: t0 + 2 * DAY }, HOST);
    expect(h.state.online).toEqual({ activityIds: [dots], openedAt: t0, until: t0 + 2 * DAY });
    expect(h.state.liveEndedAt).toBe(t0);
  });

  it(`wants a deadline between ${ONLINE_LIMITS.minMs / HOUR} hour and ${ONLINE_LIMITS.maxMs / DAY} days from now`, () => {
    const { h, dots } = workshop();
    const now = h.now;
    const tooSoon = h.run('online:open', { activityIds: [dots], until: now + HOUR - 1 }, HOST);
    expect(tooSoon).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(tooSoon.ok ? '' : tooSoon.error.message).toContain('between 1 hour and 60 days from now');
    expect(h.run('online:open', { activityIds: [dots], until: now + 60 * DAY + 1 }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    h.must('online:open', { activityIds: [dots], until: now + HOUR }, HOST);
    h.must('online:open', { activityIds: [dots], until: now + 60 * DAY }, HOST);
  });

  it('refuses an unknown or repeated activity and a kind that takes no answers, storing nothing', () => {
    const { h, explore, dots } = workshop();
    const until = h.now + DAY;
    expect(h.run('online:open', { activityIds: ['nope'], until }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('online:open', { activityIds: ['constructor'], until }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('online:open', { activityIds: [dots, dots], until }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('online:open', { activityIds: [dots, explore], until }, HOST)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'A explore activity takes no answers, so it cannot be open online' },
    });
    expect(h.state.online).toBeUndefined();
    expect(h.state.liveEndedAt).toBeUndefined();
  });

  it('refuses an options step without options (it could not open either)', () => {
    const { h, options } = workshop();
    // The schema of activity:configure takes at least two options; a stored step can still have none (a template file's).
    h.state = { ...h.state, activities: h.state.activities.map((a) => (a.id === options ? { ...a, config: { ...a.config, options: [] } } : a)) };
    expect(h.run('online:open', { activityIds: [options], until: h.now + DAY }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});

describe('online:close', () => {
  it('closes the window; with none it stores nothing', () => {
    const { h, dots } = workshop();
    const seq = h.state.seq;
    expect(h.run('online:close', {}, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    const t0 = h.now;
    h.must('online:open', { activityIds: [dots], until: t0 + DAY }, HOST);
    h.must('online:close', {}, HOST);
    expect(h.state.online).toBeNull();
    // The live session stays ended.
    expect(h.state.liveEndedAt).toBe(t0);
  });
});

describe('answers in the room and online', () => {
  it('marks answers room before the window and online after; a pending step takes answers online', () => {
    const { h, dots, scan } = workshop();
    const [v1, v2] = h.state.valueOrder as [string, string];
    const inRoom = h.join(0);
    h.openFirst('dots');
    h.must('answer:submit', { activityId: dots, answerId: 'r1', answer: { kind: 'dots', dots: { [v1]: 1 } } }, inRoom);
    expect(h.state.answers[dots]?.[inRoom.participantId]?.channel).toBe('room');
    h.now += 60_000;
    const t1 = h.now;
    h.must('online:open', { activityIds: [dots, scan], until: t1 + DAY }, HOST);
    h.now += HOUR;
    const later = h.join(1);
    h.must('answer:submit', { activityId: dots, answerId: 'o1', answer: { kind: 'dots', dots: { [v2]: 1 } } }, later);
    // The scan never ran in the room: online it takes answers all the same.
    expect(h.state.activities.find((a) => a.id === scan)?.status).toBe('pending');
    h.must('answer:submit', { activityId: scan, answerId: 'o2', answer: { kind: 'scan', scores: { m1: 4 } } }, later);
    // A changed answer from the room's participant, after the evening, is an online one.
    h.must('answer:submit', { activityId: dots, answerId: 'r2', answer: { kind: 'dots', dots: { [v2]: 1 } } }, inRoom);
    expect(h.state.answers[dots]?.[later.participantId]?.channel).toBe('online');
    expect(h.state.answers[scan]?.[later.participantId]?.channel).toBe('online');
    expect(h.state.answers[dots]?.[inRoom.participantId]).toMatchObject({ channel: 'online', revisions: 2 });
  });

  it('after the live session ended, the open current step still takes answers in the room way, marked online', () => {
    const { h, dots, scan } = workshop();
    const [v1] = h.state.valueOrder as [string];
    const p = h.join(0);
    h.openFirst('dots');
    h.now += 1000;
    h.must('online:open', { activityIds: [scan], until: h.now + DAY }, HOST);
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [v1]: 1 } } }, p);
    expect(h.state.answers[dots]?.[p.participantId]?.channel).toBe('online');
  });

  it("refuses an answer to an online step at or after the deadline with 'The online window has closed'", () => {
    const { h, dots, scan } = workshop();
    const p = h.join(0);
    const until = h.now + DAY;
    h.must('online:open', { activityIds: [scan], until }, HOST);
    h.now = until - 1;
    h.must('answer:submit', { activityId: scan, answerId: 'a1', answer: { kind: 'scan', scores: { m1: 4 } } }, p);
    h.now = until;
    expect(h.run('answer:submit', { activityId: scan, answerId: 'a2', answer: { kind: 'scan', scores: { m1: 2 } } }, p)).toEqual({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: 'The online window has closed' },
    });
    // A step not in the window: the room's rule.
    expect(h.run('answer:submit', { activityId: dots, answerId: 'a3', answer: { kind: 'dots', dots: {} } }, p)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is not open' } });
    // After online:close the step is refused as any step that is not open.
    h.must('online:close', {}, HOST);
    expect(h.run('answer:submit', { activityId: scan, answerId: 'a4', answer: { kind: 'scan', scores: { m1: 2 } } }, p)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is not open' } });
  });

  it('an answer event stored before channels existed reads as room', () => {
    const { h, dots } = workshop();
    const [v1] = h.state.valueOrder as [string];
    const p = h.join(0);
    const old: DomainEvent = { type: 'answer:submitted', at: h.now, activityId: dots, participantId: p.participantId, answerId: 'x', answer: { kind: 'dots', dots: { [v1]: 1 } } };
    expect(apply(h.state, old).answers[dots]?.[p.participantId]?.channel).toBe('room');
  });
});

describe('groups:invited', () => {
  it('sets invited numbers of the groups named, only those that change, and refuses an unknown group', () => {
    const { h } = workshop();
    const [g0, g1] = h.state.groups.map((g) => g.id) as [string, string];
    h.must('groups:invited', { invited: [{ groupId: g0, invited: 120 }, { groupId: g1, invited: 50 }] }, HOST);
    h.must('groups:invited', { invited: [{ groupId: g0, invited: 120 }, { groupId: g1, invited: null }] }, HOST);
    expect(h.state.groups.slice(0, 3).map((g) => g.invited)).toEqual([120, null, undefined]);
    const seq = h.state.seq;
    expect(h.run('groups:invited', { invited: [{ groupId: g0, invited: 120 }, { groupId: g1, invited: null }] }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('groups:invited', { invited: [{ groupId: 'nope', invited: 3 }] }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('groups:invited', { invited: [{ groupId: g0, invited: 1 }, { groupId: g0, invited: 2 }] }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.state.groups[0]?.invited).toBe(120);
  });
});

describe('room and online in the views', () => {
  it('board and host get representation, phones null; all get liveEndedAt, online and process', () => {
    const { h, dots } = workshop();
    const [g0, g1] = h.state.groups.map((g) => g.id) as [string, string];
    h.must('groups:invited', { invited: [{ groupId: g0, invited: 300 }, { groupId: g1, invited: 100 }] }, HOST);
    for (let i = 0; i < 6; i++) h.join(0);
    h.join(1);
    h.now += 60_000;
    const t0 = h.now;
    h.must('online:open', { activityIds: [dots], until: t0 + DAY }, HOST);
    h.now += HOUR;
    for (let i = 0; i < 3; i++) h.join(1);
    const board = publicView(h.state);
    expect(board.liveEndedAt).toBe(t0);
    expect(board.online).toEqual({ activityIds: [dots], openedAt: t0, until: t0 + DAY });
    expect(board.process).toBeNull();
    // 10 took part: group 0 6 (share 0.6 against 0.75 invited), group 1 4 (1 in the room, 3 online; 0.4 against 0.25).
    expect(board.representation?.tookPart).toBe(10);
    expect(board.representation?.invited).toBe(400);
    expect(board.representation?.groups.slice(0, 2).map((g) => [g.tookPart, g.room, g.online, g.share, g.invitedShare, g.turnout])).toEqual([
      [6, 6, 0, 0.6, 0.75, 0.02],
      [4, 1, 3, 0.4, 0.25, 0.04],
    ]);
    expect(hostView(h.state).representation).toEqual(board.representation);
    const phone = phoneView(h.state);
    expect(phone.representation).toBeNull();
    expect(phone.online).toEqual(board.online);
    // The live views cache representation with who is in the room and the invited numbers.
    const live = new LiveViews(() => h.state);
    expect(live.board().representation).toEqual(board.representation);
  });

  it('a workshop stored before room and online existed reads with defaults', () => {
    const { h } = workshop();
    const { liveEndedAt: _l, online: _o, process: _p, ...old } = h.state;
    const view = publicView(old);
    expect([view.liveEndedAt, view.online, view.process]).toEqual([null, null, null]);
  });
});
