import { HOST } from '../../../../../shared/domain/testing.js';
import { phoneView } from '../../../../../shared/index.js';
import { rankScenario } from '../../../test/voteFixtures.js';

export const DAY_MS = 86_400_000;

/**
 * rankScenario's evening (8 answers in the room: 4 residents, 3 municipality, 1 business), then
 * the facilitator keeps the rank open online for 3 days and two residents who could not come
 * join and answer online. Invited: residents 150, municipality 10, business 60 (220 in all).
 * Took part: residents 4 + 2 = 6, municipality 3, business 1 (10 in all, REPRESENTATION_LIMITS'
 * minimum). Business: share 1/10 = 0.1 against 60/220 ≈ 0.27 → ratio ≈ 0.37 < 0.5: under-represented.
 * Residents 0.6 / 0.68 ≈ 0.88 and municipality 0.3 / 0.045 ≈ 6.6 are not.
 */
export function onlineScenario() {
  const w = rankScenario({ reveal: true });
  const { h } = w;
  const [residents, municipality, , , , business] = h.state.groups.map((g) => g.id) as [string, string, string, string, string, string];
  h.must('groups:invited', { invited: [{ groupId: residents, invited: 150 }, { groupId: municipality, invited: 10 }, { groupId: business, invited: 60 }] }, HOST);
  w.control('close');
  // The evening's joins and answers happened at the harness's start; the window opens a minute later.
  h.now += 60_000;
  const until = h.now + 3 * DAY_MS;
  h.must('online:open', { activityIds: [w.activityId], until }, HOST);
  h.now += 60_000;
  const late = [h.join(0), h.join(0)] as const;
  w.answer(late[0], { kind: 'rank', order: [w.comfort, w.affordability, w.fairness] });
  w.answer(late[1], { kind: 'rank', order: [w.comfort, w.sustainability, w.affordability] });
  return { ...w, until, late, phone: () => phoneView(h.state) };
}
