import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST, VISITOR } from './testing.js';
import { dotsLeft, pointsLeft, validateAnswer } from './answers.js';
import { newActivity } from './create.js';
import { activityResults } from './results.js';

function vote(kind: 'dots' | 'rank' | 'points', config: Record<string, unknown> | ((values: string[]) => Record<string, unknown>) = {}) {
  // The heat-transition agenda has dots and rank; the social-domain one has points.
  const h = new DomainHarness({ title: 'x', template: kind === 'points' ? 'social-domain' : 'heat-transition' });
  const a = h.join(0);
  const b = h.join(1);
  const activity = h.state.activities.find((x) => x.kind === kind);
  if (!activity) throw new Error('no activity');
  const changes = typeof config === 'function' ? config(h.state.valueOrder) : config;
  if (Object.keys(changes).length) h.must('activity:configure', { activityId: activity.id, ...changes }, HOST);
  h.must('activity:control', { activityId: activity.id, action: 'open' }, HOST);
  const v = h.state.valueOrder;
  const submit = (actor = a, answer: unknown, answerId = h.nextId()) => h.run('answer:submit', { activityId: activity.id, answerId, answer }, actor);
  return { h, a, b, activityId: activity.id, v, submit };
}

describe('dots', () => {
  it('accepts up to N dots with at most the maximum per value, and stores them without zeros', () => {
    const { h, a, activityId, v, submit } = vote('dots');
    expect(submit(a, { kind: 'dots', dots: { [v[0]!]: 3, [v[1]!]: 2, [v[2]!]: 0 } }).ok).toBe(true);
    expect(h.state.answers[activityId]?.[a.participantId]?.answer).toEqual({ kind: 'dots', dots: { [v[0]!]: 3, [v[1]!]: 2 } });
  });
  it('refuses too many dots, too many on one value, none at all, and unknown values', () => {
    const { v, submit } = vote('dots');
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 3, [v[1]!]: 3 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'At most 5 dots' } });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 4 } })).toMatchObject({ ok: false, error: { message: 'At most 3 dots on one value' } });
    expect(submit(undefined, { kind: 'dots', dots: {} })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(submit(undefined, { kind: 'dots', dots: { nope: 1 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: -1 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 1.5 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(submit(undefined, { kind: 'rank', order: [v[0]] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
  it('uses the facilitator’s N and maximum', () => {
    const { v, submit } = vote('dots', { dotsPerParticipant: 2, dotsMaxPerValue: 1 });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 1, [v[1]!]: 1, [v[2]!]: 1 } })).toMatchObject({ ok: false, error: { message: 'At most 2 dots' } });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 2 } })).toMatchObject({ ok: false, error: { message: 'At most 1 dots on one value' } });
    expect(submit(undefined, { kind: 'dots', dots: { [v[0]!]: 1, [v[1]!]: 1 } }).ok).toBe(true);
  });
});

describe('rank', () => {
  it('needs exactly K distinct values', () => {
    const { v, submit } = vote('rank', { rankK: 3 });
    expect(submit(undefined, { kind: 'rank', order: [v[0], v[1]] })).toMatchObject({ ok: false, error: { message: 'Rank exactly 3 values' } });
    expect(submit(undefined, { kind: 'rank', order: [v[0], v[1], v[2], v[3]] })).toMatchObject({ ok: false, error: { message: 'Rank exactly 3 values' } });
    expect(submit(undefined, { kind: 'rank', order: [v[0], v[0], v[1]] })).toMatchObject({ ok: false, error: { message: 'A value is ranked twice' } });
    expect(submit(undefined, { kind: 'rank', order: [v[2], v[0], v[1]] }).ok).toBe(true);
  });
  it('ranks all the values taking part when K is "all", and only those', () => {
    const { v, submit } = vote('rank', (values) => ({ rankK: null, valueIds: values.slice(0, 3) }));
    expect(submit(undefined, { kind: 'rank', order: [v[0], v[1], v[3]] })).toMatchObject({ ok: false, error: { message: 'A value does not take part in this activity' } });
    expect(submit(undefined, { kind: 'rank', order: [v[1], v[0], v[2]] }).ok).toBe(true);
  });
});

describe('points', () => {
  it('accepts exactly 100 and nothing else', () => {
    const { v, submit } = vote('points');
    expect(submit(undefined, { kind: 'points', points: { [v[0]!]: 60, [v[1]!]: 30 } })).toMatchObject({ ok: false, error: { message: 'Spread exactly 100 points (now 90)' } });
    expect(submit(undefined, { kind: 'points', points: { [v[0]!]: 60, [v[1]!]: 50 } })).toMatchObject({ ok: false, error: { message: 'Spread exactly 100 points (now 110)' } });
    expect(submit(undefined, { kind: 'points', points: { [v[0]!]: 101 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(submit(undefined, { kind: 'points', points: { [v[0]!]: 100 } }).ok).toBe(true);
  });
  it('reports points and dots left for the phone', () => {
    expect(pointsLeft({ a: 30, b: 25 })).toBe(45);
    expect(dotsLeft(newActivity('x', 'dots'), { a: 2, b: 1 })).toBe(2);
  });
});

describe('answering', () => {
  it('lets the last answer count and counts a retried send once', () => {
    const { h, a, activityId, v, submit } = vote('points');
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } }, 'ans-1').ok).toBe(true);
    const seq = h.state.seq;
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } }, 'ans-1')).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(submit(a, { kind: 'points', points: { [v[1]!]: 100 } }, 'ans-2').ok).toBe(true);
    // The first send arriving late, after the change, must not undo it.
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } }, 'ans-1')).toEqual({ ok: true, ids: [] });
    expect(h.state.answers[activityId]?.[a.participantId]).toMatchObject({ answerId: 'ans-2', revisions: 2, answer: { points: { [v[1]!]: 100 } } });
  });

  it('refuses answers after the lock, before opening, for another activity, from a visitor or the host', () => {
    const { h, a, activityId, v, submit } = vote('points');
    h.must('activity:control', { activityId, action: 'lock' }, HOST);
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is locked' } });
    h.must('activity:control', { activityId, action: 'unlock' }, HOST);
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } }).ok).toBe(true);
    const pending = h.state.activities.find((x) => x.status === 'pending' && x.kind === 'scan');
    expect(h.run('answer:submit', { activityId: pending?.id, answerId: 'z', answer: { kind: 'scan', scores: { m1: 4 } } }, a)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'The activity is not open' } });
    expect(h.run('answer:submit', { activityId, answerId: 'z', answer: { kind: 'points', points: {} } }, VISITOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('answer:submit', { activityId, answerId: 'z', answer: { kind: 'points', points: {} } }, HOST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses answers once the timer has run out', () => {
    const { h, a, activityId, v, submit } = vote('points', { timerSeconds: 60 });
    expect(h.state.activities.find((x) => x.id === activityId)?.endsAt).toBe(h.now + 60_000);
    h.now += 60_000;
    expect(submit(a, { kind: 'points', points: { [v[0]!]: 100 } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Time is up' } });
  });

  it('freezes the values of a vote when it opens, so a later merge does not change the ballot', () => {
    const { h, activityId } = vote('dots');
    const frozen = h.state.activities.find((x) => x.id === activityId)?.config.valueIds;
    expect(frozen).toEqual(h.state.valueOrder);
  });

  it('refuses configuration that changes valid answers once answers are in, but allows a new title', () => {
    const { h, a, activityId, v, submit } = vote('points');
    submit(a, { kind: 'points', points: { [v[0]!]: 100 } });
    expect(h.run('activity:configure', { activityId, rankK: 3 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    h.must('activity:configure', { activityId, title: 'Verdeel 100 punten' }, HOST);
    expect(h.state.activities.find((x) => x.id === activityId)?.title).toBe('Verdeel 100 punten');
    h.must('activity:configure', { activityId, title: '' }, HOST);
    expect(h.state.activities.find((x) => x.id === activityId)?.title).toBeNull();
    expect(h.run('activity:configure', { activityId }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('activity:configure', { activityId, title: 'x' }, a)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('validateAnswer (the phone’s submit button)', () => {
  it('is the same rule the server applies', () => {
    const rank = { ...newActivity('r', 'rank'), config: { ...newActivity('r', 'rank').config, rankK: 2 } };
    expect(validateAnswer(rank, ['a', 'b', 'c'], { kind: 'rank', order: ['a', 'b'] }).ok).toBe(true);
    expect(validateAnswer(rank, ['a', 'b', 'c'], { kind: 'rank', order: ['a'] }).ok).toBe(false);
    // K larger than the values taking part means: rank them all.
    expect(validateAnswer(rank, ['a'], { kind: 'rank', order: ['a'] }).ok).toBe(true);
  });
});

describe('a value hidden while a vote runs', () => {
  it('leaves the ballot: "rank all" means all that are left, and it is gone from the results', () => {
    const { h, a, activityId, v, submit } = vote('rank', (values) => ({ rankK: null, valueIds: values.slice(0, 3) }));
    h.must('value:hide', { valueId: v[2], hidden: true }, HOST);
    expect(submit(a, { kind: 'rank', order: [v[0], v[1], v[2]] })).toMatchObject({ ok: false, error: { message: 'A value does not take part in this activity' } });
    expect(submit(a, { kind: 'rank', order: [v[1], v[0]] }).ok).toBe(true);
    expect(activityResults(h.state, activityId)?.vote?.values.map((x) => x.valueId)).toEqual([v[1], v[0]]);
  });
});
