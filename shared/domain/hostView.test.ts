import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST } from './testing.js';
import { hostView } from './views.js';

describe('the host view', () => {
  it('says a vote’s settings are locked once an answer is stored, as the server counts: a removed participant’s answer too', () => {
    const h = new DomainHarness({ title: 'x', template: 'heat-transition' });
    const dots = h.openFirst('dots');
    const rank = h.state.activities.find((a) => a.kind === 'rank')!.id;
    const p = h.join(0);
    h.must('answer:submit', { activityId: dots, answerId: 'a1', answer: { kind: 'dots', dots: { [h.state.valueOrder[0]!]: 1 } } }, p);
    h.must('participant:remove', { participantId: p.participantId }, HOST);
    const view = hostView(h.state);
    expect(view.answerCounts[dots]?.total).toBe(0);
    expect(view.answerShapingLocked[dots]).toBe(true);
    expect(view.answerShapingLocked[rank]).toBe(false);
    expect(h.run('activity:configure', { activityId: dots, dotsPerParticipant: 9 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('counts per card the stories the room is shown', () => {
    const h = new DomainHarness({ title: 'x' });
    const [a, b] = [h.join(0), h.join(1)];
    h.openFirst('explore');
    const value = h.state.valueOrder[0]!;
    h.must('story:add', { valueId: value, text: 'Een' }, a);
    h.must('story:add', { valueId: value, text: 'Twee' }, b);
    h.must('participant:remove', { participantId: b.participantId }, HOST);
    expect(hostView(h.state).allValues[0]?.storyCount).toBe(1);
    expect(hostView(h.state).allStories).toHaveLength(2);
  });
});
