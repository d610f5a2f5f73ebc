import { HOST } from '../../../../shared/domain/testing.js';
import { exportWorkshop, type WorkshopState } from '../../../../shared/index.js';
import { fullWorkshop } from '../report/workshop.fixture.js';
import type { RecordDoc } from './recordData.js';

/** People invited per group (residents, municipality, housing association). */
export const INVITED = [400, 20, 10] as const;

/**
 * The report's whole workshop (7 people answer: 3 residents, 3 municipality, 1 housing
 * association), then 4 more municipality people come in 10 minutes after the first step opened
 * and answer nothing: 11 took part, residents 3 of 400, municipality 7 of 20, housing
 * association 1 of 10. Residents are 3/11 = 27 % of those who took part against 400/430 = 93 %
 * of those invited: under-represented (below half). The organiser wrote two "you said, we did"
 * entries and published them (the real commands); the workshop is meeting 2 of a process.
 */
export function recordWorkshop() {
  const w = fullWorkshop();
  const { h } = w;
  h.now += 600_000;
  for (let i = 0; i < 4; i++) h.join(1);
  const { affordability, fairness } = w.values;
  h.must('groups:invited', { invited: h.state.groups.map((g, i) => ({ groupId: g.id, invited: INVITED[i] ?? null })) }, HOST);
  h.now += 86_400_000;
  h.must(
    'feedback:set',
    {
      entryId: 'fb1',
      target: { kind: 'value', id: affordability, activityId: null },
      decision: 'The heat plan caps the connection cost at €2,500 per household.',
      reason: 'Affordability came first in every group.',
      when: 'Council decision, 12 March 2027',
      link: 'https://example.org/raad/2027-03-12/warmteplan',
    },
    HOST,
  );
  h.must('feedback:set', { entryId: 'fb2', target: { kind: 'tension', id: fairness, activityId: null }, decision: 'Tenants and owners get a separate information evening.' }, HOST);
  h.now += 60_000;
  h.must('feedback:publish', { published: true }, HOST);
  // A meeting's process is set when the process creates it; this one stands for meeting 2.
  const state: WorkshopState = { ...h.state, process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', meeting: 2 } };
  const doc: RecordDoc = exportWorkshop(state, h.now + 3_600_000);
  return { ...w, state, doc };
}
