import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST } from '../../../../../shared/domain/testing.js';
import { activityValueIds, publicView } from '../../../../../shared/index.js';
import { voteValueIds } from './voteText.js';

describe('voteValueIds', () => {
  it('is the server’s ballot (activityValueIds) read from the room’s view: a merged value stays, a hidden one leaves', () => {
    const h = new DomainHarness({ title: 'x', language: 'en' });
    const [v1, v2, v3, v4] = h.state.valueOrder as [string, string, string, string];
    const dots = h.state.activities.find((a) => a.kind === 'dots')?.id as string;
    const rank = h.state.activities.find((a) => a.kind === 'rank')?.id as string;
    h.must('activity:configure', { activityId: dots, valueIds: [v1, v2, v3] }, HOST);
    h.must('value:merge', { sourceId: v2, targetId: v4 }, HOST);
    h.must('value:hide', { valueId: v3, hidden: true }, HOST);
    const pub = publicView(h.state);
    const ballot = (id: string) => {
      const inView = pub.activities.find((a) => a.id === id);
      const inState = h.state.activities.find((a) => a.id === id);
      if (!inView || !inState) throw new Error('missing activity');
      return [voteValueIds(inView, pub), activityValueIds(h.state, inState)];
    };
    expect(ballot(dots)).toEqual([
      [v1, v2],
      [v1, v2],
    ]);
    // "Every visible value": neither the merged nor the hidden one.
    const [client, server] = ballot(rank);
    expect(client).toEqual(server);
    expect(client).toEqual(h.state.valueOrder.filter((id) => id !== v2 && id !== v3));
  });
});
