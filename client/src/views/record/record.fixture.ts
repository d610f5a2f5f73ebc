import { exportWorkshop, representation, type WorkshopState } from '../../../../shared/index.js';
import { fullWorkshop } from '../report/workshop.fixture.js';
import type { RecordDoc } from './recordData.js';

/** People invited per group (residents, municipality, housing association). */
export const INVITED = [400, 20, 10] as const;

/**
 * The report's whole workshop (7 people answer: 3 residents, 3 municipality, 1 housing
 * association), then 4 more municipality people come in after the first step opened and answer
 * nothing: 11 took part, residents 3 of 400, municipality 7 of 20, housing association 1 of 10.
 * Residents are 3/11 = 27 % of those who took part against 400/430 = 93 % of those invited:
 * under-represented (below half). The meeting is meeting 2 of a process, and the organiser wrote
 * three "you said, we did" entries, published.
 */
export function recordWorkshop() {
  const w = fullWorkshop();
  w.h.now += 600_000;
  for (let i = 0; i < 4; i++) w.h.join(1);
  const { affordability, fairness } = w.values;
  const state: WorkshopState = {
    ...w.h.state,
    groups: w.h.state.groups.map((g, i) => ({ ...g, invited: INVITED[i] ?? null })),
    process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', meeting: 2 },
  };
  const at = w.h.now + 86_400_000;
  const doc: RecordDoc = {
    ...exportWorkshop(state, w.h.now + 3_600_000),
    process: state.process ?? null,
    participation: representation(state),
    liveEndedAt: null,
    online: null,
    feedback: {
      publishedAt: new Date(at + 60_000).toISOString(),
      entries: [
        {
          id: 'fb1',
          target: { kind: 'value', id: affordability, activityId: null },
          decision: 'The heat plan caps the connection cost at €2,500 per household.',
          reason: 'Affordability came first in every group.',
          when: 'Council decision, 12 March 2027',
          link: 'https://example.org/raad/2027-03-12/warmteplan',
          createdAt: new Date(at).toISOString(),
          updatedAt: new Date(at).toISOString(),
        },
        {
          id: 'fb2',
          target: { kind: 'tension', id: fairness, activityId: null },
          decision: 'Tenants and owners get a separate information evening.',
          reason: '',
          when: '',
          link: null,
          createdAt: new Date(at).toISOString(),
          updatedAt: new Date(at).toISOString(),
        },
      ],
    },
  };
  return { ...w, state, doc };
}
