import { describe, expect, it } from 'vitest';
import { exportWorkshop } from './export.js';
import { DomainHarness, HOST } from './testing.js';
import { publicView } from './views.js';

describe('which stories the room is shown', () => {
  it('is one rule for the views and the export: not hidden, author not removed', () => {
    const h = new DomainHarness({ title: 'x' });
    const [anna, bob, carla] = [h.join(0), h.join(1), h.join(0)];
    h.openFirst('explore');
    const value = h.state.valueOrder[0]!;
    const kept = h.must('story:add', { valueId: value, text: 'Blijft staan' }, anna);
    const hidden = h.must('story:add', { valueId: value, text: 'Wordt verborgen' }, bob);
    const gone = h.must('story:add', { valueId: value, text: 'Van iemand die weg is' }, carla);
    h.must('story:hide', { storyId: hidden, hidden: true }, HOST);
    h.must('participant:remove', { participantId: carla.participantId }, HOST);
    expect(publicView(h.state).values[0]?.stories.map((s) => s.id)).toEqual([kept]);
    const exported = exportWorkshop(h.state, h.now).stories.map((s) => [s.id, s.hidden, s.shown]);
    expect(exported).toEqual([
      [kept, false, true],
      [hidden, true, false],
      [gone, false, false],
    ]);
  });
});
