import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../protocol/commands.js';
import { decide } from './decide.js';
import { ACTIVITY_ACTIONS, activityActions, answerShapingLocked, minBallotValues, VOTE_LIMITS } from './permissions.js';
import { DomainHarness, HOST } from './testing.js';
import type { ActivityKind, ActivityStatus, WorkshopState } from './types.js';

const KINDS: ActivityKind[] = ['explore', 'dots', 'rank', 'points', 'scan'];
const STATUSES: ActivityStatus[] = ['pending', 'open', 'locked', 'closed'];

/** A workshop with one activity of every kind; `at` puts one of them in the given state. */
function workshop(): { h: DomainHarness; ids: Record<ActivityKind, string> } {
  const h = new DomainHarness({ title: 'x' });
  h.must('agenda:add', { kind: 'points' }, HOST);
  const ids = Object.fromEntries(KINDS.map((k) => [k, h.state.activities.find((a) => a.kind === k)?.id as string])) as Record<ActivityKind, string>;
  return { h, ids };
}

function at(state: WorkshopState, activityId: string, status: ActivityStatus, revealed: boolean, current: boolean): WorkshopState {
  return {
    ...state,
    currentActivityId: current ? activityId : null,
    activities: state.activities.map((a) => (a.id === activityId ? { ...a, status, revealed } : a)),
  };
}

/** decide() accepts: ok with at least one event (an ok that records nothing changes nothing). */
function accepted(state: WorkshopState, activityId: string, action: string): boolean {
  const payload = commandSchemas['activity:control'].parse({ activityId, action });
  const r = decide(state, { type: 'activity:control', payload }, HOST, { now: 1, newId: () => 'n1' });
  return r.ok && r.value.length > 0;
}

describe('activityActions', () => {
  it('is exactly what decide accepts, in every state of every kind', () => {
    const { h, ids } = workshop();
    let states = 0;
    for (const kind of KINDS)
      for (const status of STATUSES)
        for (const revealed of [false, true])
          for (const current of [false, true]) {
            const s = at(h.state, ids[kind], status, revealed, current);
            const activity = s.activities.find((a) => a.id === ids[kind]);
            if (!activity) throw new Error('missing activity');
            const offered = activityActions(s, activity);
            for (const action of ACTIVITY_ACTIONS) expect([kind, status, revealed, current, action, accepted(s, activity.id, action)]).toEqual([kind, status, revealed, current, action, offered.includes(action)]);
            states += 1;
          }
    expect(states).toBe(5 * 4 * 2 * 2);
  });

  it('offers what each state allows, by hand', () => {
    const { h, ids } = workshop();
    const of = (kind: ActivityKind, status: ActivityStatus, revealed: boolean, current: boolean) => {
      const s = at(h.state, ids[kind], status, revealed, current);
      return activityActions(s, s.activities.find((a) => a.id === ids[kind]) as WorkshopState['activities'][number]);
    };
    expect(of('dots', 'pending', false, false)).toEqual(['open']);
    expect(of('explore', 'open', false, true)).toEqual(['lock', 'close']);
    expect(of('dots', 'open', false, true)).toEqual(['lock', 'close', 'reveal']);
    // Still open while another step became current: bring it back, lock or close it.
    expect(of('rank', 'open', true, false)).toEqual(['open', 'lock', 'close', 'hide']);
    expect(of('points', 'locked', false, true)).toEqual(['unlock', 'close', 'reveal']);
    expect(of('scan', 'locked', false, false)).toEqual(['open', 'close', 'reveal']);
    expect(of('dots', 'closed', true, true)).toEqual(['open', 'hide']);
    expect(of('explore', 'closed', false, false)).toEqual(['open']);
  });
});

describe('limits and locks', () => {
  it('the configure schema takes exactly the bounds in VOTE_LIMITS', () => {
    const schema = commandSchemas['activity:configure'];
    const ok = (patch: Record<string, unknown>) => schema.safeParse({ activityId: 'a', ...patch }).success;
    for (const key of ['dotsPerParticipant', 'dotsMaxPerValue', 'rankK', 'timerSeconds'] as const) {
      const { min, max } = VOTE_LIMITS[key];
      expect([ok({ [key]: min - 1 }), ok({ [key]: min }), ok({ [key]: max }), ok({ [key]: max + 1 })]).toEqual([false, true, true, false]);
    }
    expect([VOTE_LIMITS.dotsPerParticipant.max, VOTE_LIMITS.rankK.max, VOTE_LIMITS.timerSeconds.max]).toEqual([50, 200, 10800]);
    expect(KINDS.map(minBallotValues)).toEqual([0, 1, 2, 1, 0]);
  });

  it('refuses a ranking of fewer than two values, as the console does; one value is enough for dots', () => {
    const h = new DomainHarness({ title: 'x' });
    const [v1, v2] = h.state.valueOrder as [string, string];
    const rank = h.state.activities.find((a) => a.kind === 'rank')?.id as string;
    const dots = h.state.activities.find((a) => a.kind === 'dots')?.id as string;
    expect(h.run('activity:configure', { activityId: rank, valueIds: [v1] }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('activity:configure', { activityId: rank, valueIds: [v1, v2] }, HOST).ok).toBe(true);
    expect(h.run('activity:configure', { activityId: dots, valueIds: [v2] }, HOST).ok).toBe(true);
  });

  it('locks the answer-shaping settings once any answer is stored, also one of a participant removed since', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    const dots = h.openFirst('dots');
    expect(answerShapingLocked(h.state, dots)).toBe(false);
    const value = h.state.valueOrder[0] as string;
    h.must('answer:submit', { activityId: dots, answerId: 'a1', answer: { kind: 'dots', dots: { [value]: 1 } } }, p);
    h.must('participant:remove', { participantId: p.participantId }, HOST);
    expect(answerShapingLocked(h.state, dots)).toBe(true);
    expect(h.run('activity:configure', { activityId: dots, dotsPerParticipant: 3 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(answerShapingLocked(h.state, 'constructor')).toBe(false);
  });
});
