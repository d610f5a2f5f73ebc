import type { GroupRepresentation, ProcessMeeting, ProcessReport } from '../../../../shared/index.js';

/**
 * A process of three meetings, its figures written out by hand (the server computes them; the
 * page only shows them): meeting 1 held with a published "you said, we did", meeting 2 with
 * online answers, an under-represented group and a draft, meeting 3 not held yet.
 */
const rep = (groupId: string, invited: number | null, room: number, online: number, total: number, invitedTotal: number): GroupRepresentation => {
  const tookPart = room + online;
  const invitedShare = invited === null ? null : invited / invitedTotal;
  const share = total === 0 ? 0 : tookPart / total;
  const ratio = invitedShare ? share / invitedShare : null;
  return { groupId, invited, tookPart, room, online, turnout: invited ? tookPart / invited : null, share, invitedShare, ratio, under: ratio !== null && total >= 10 && ratio < 0.5 };
};

const meeting = (index: number, patch: Partial<ProcessMeeting>): ProcessMeeting => ({
  workshopId: `w${index}`,
  code: ['KLMNPQ', 'RSTUVW', 'XYZ234'][index - 1]!,
  title: ['Spring evening', 'Autumn evening', 'Third evening'][index - 1]!,
  index,
  createdAt: Date.UTC(2027, index * 3 - 2, 1),
  heldAt: null,
  liveEndedAt: null,
  online: null,
  representation: { groups: [], invited: 410, tookPart: 0, underGroupIds: [] },
  voteActivityId: null,
  voteKind: null,
  kendallW: null,
  voteAnswers: { room: 0, online: 0 },
  commonGround: [],
  tensions: [],
  scan: [],
  options: null,
  feedback: null,
  feedbackOptions: {},
  ...patch,
});

export function processReport({ organiser }: { organiser: boolean }): ProcessReport {
  const m1 = meeting(1, {
    heldAt: Date.UTC(2027, 2, 10, 19),
    // 12 residents of 400 invited, 8 of the municipality's 10: 20 took part.
    representation: { groups: [rep('g-res', 400, 12, 0, 20, 410), rep('g-mun', 10, 8, 0, 20, 410)], invited: 410, tookPart: 20, underGroupIds: [] },
    voteActivityId: 'a-rank',
    voteKind: 'rank',
    kendallW: 0.62,
    voteAnswers: { room: 20, online: 0 },
    commonGround: [
      { valueId: 'v-afford', score: 0.7, lowestGroupId: 'g-mun', lowestSupport: 0.625, flagged: true },
      { valueId: 'v-together', score: 0.2, lowestGroupId: 'g-res', lowestSupport: 0.1, flagged: false },
    ],
    tensions: [{ valueId: 'v-green', spread: 0.45, highGroupId: 'g-res', lowGroupId: 'g-mun', flagged: true }],
    scan: [
      { factor: 'motivation', mean: 4.2, answers: 18 },
      { factor: 'organisation', mean: 3.1, answers: 18 },
      { factor: 'interaction', mean: 3.8, answers: 18 },
      { factor: 'result', mean: null, answers: 0 },
    ],
    options: { winner: { nl: 'Warmtenet', en: 'Heat network' }, liveWith: { nl: 'Warmtepompen', en: '' } },
    feedback: {
      publishedAt: Date.UTC(2027, 3, 2),
      entries: [
        {
          id: 'f1',
          target: { kind: 'value', id: 'v-afford', activityId: null },
          decision: 'We lowered the connection fee for the heat network.',
          reason: 'Residents put affordability first.',
          when: 'spring 2027',
          link: 'https://example.org/besluit-12',
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    },
  });
  const m2 = meeting(2, {
    heldAt: Date.UTC(2027, 9, 6, 19),
    liveEndedAt: Date.UTC(2027, 9, 6, 21),
    online: { activityIds: ['a-rank2'], openedAt: Date.UTC(2027, 9, 6, 21), until: Date.UTC(2027, 9, 20, 12) },
    // 8 residents (5 in the room, 3 online), 12 of the municipality, none of the shops: 20. Residents: 40% of those there, 98% of those invited → under-represented.
    representation: {
      groups: [rep('g-res', 400, 5, 3, 20, 410), rep('g-mun', 10, 12, 0, 20, 410), rep('g-shops', null, 0, 0, 20, 410)],
      invited: 410,
      tookPart: 20,
      underGroupIds: ['g-res'],
    },
    voteActivityId: 'a-rank2',
    voteKind: 'rank',
    kendallW: 0.41,
    voteAnswers: { room: 17, online: 3 },
    scan: [
      { factor: 'motivation', mean: 4, answers: 15 },
      { factor: 'organisation', mean: 3.5, answers: 15 },
      { factor: 'interaction', mean: 3.9, answers: 15 },
      { factor: 'result', mean: 2.75, answers: 15 },
    ],
    feedback: organiser
      ? {
          publishedAt: null,
          entries: [
            { id: 'f2', target: { kind: 'general', id: null, activityId: null }, decision: 'An evening on the options in January.', reason: '', when: '', link: null, createdAt: 2, updatedAt: 2 },
            { id: 'f3', target: { kind: 'option', id: 'o-net', activityId: 'a-opt' }, decision: 'The heat network is worked out first.', reason: '', when: '', link: null, createdAt: 3, updatedAt: 3 },
          ],
        }
      : null,
    feedbackOptions: organiser ? { 'a-opt:o-net': { nl: 'Warmtenet', en: 'Heat network' } } : {},
  });
  const m3 = meeting(3, {
    representation: { groups: [rep('g-res', 400, 0, 0, 0, 410), rep('g-mun', 10, 0, 0, 0, 410), rep('g-shops', null, 0, 0, 0, 410)], invited: 410, tookPart: 0, underGroupIds: [] },
  });
  return {
    process: { id: 'p1', code: 'PRCSS2', title: 'Lombok heat plan', area: 'Lombok, neighbourhood plan', language: 'en', createdAt: Date.UTC(2027, 0, 5) },
    groups: [
      { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 400 },
      { id: 'g-mun', name: 'Gemeente Utrecht', invited: 10 },
      { id: 'g-shops', name: 'Shops', invited: null },
    ],
    meetings: [m1, m2, m3],
    values: [
      {
        valueId: 'v-afford',
        title: 'Betaalbaar',
        i18n: { nl: { title: 'Betaalbaar', description: '' }, en: { title: 'Affordable', description: '' } },
        points: [
          { meeting: 1, position: 1, normalizedScore: 0.82, share: null },
          { meeting: 2, position: 2, normalizedScore: 0.6, share: null },
          { meeting: 3, position: null, normalizedScore: null, share: null },
        ],
      },
      {
        valueId: 'v-green',
        title: 'Sustainable',
        points: [
          { meeting: 1, position: 2, normalizedScore: 0.5, share: null },
          { meeting: 2, position: 1, normalizedScore: 0.75, share: null },
          { meeting: 3, position: null, normalizedScore: null, share: null },
        ],
      },
      {
        valueId: 'v-together',
        title: 'Together',
        points: [
          { meeting: 1, position: 3, normalizedScore: 0.2, share: null },
          { meeting: 2, position: null, normalizedScore: null, share: null },
          { meeting: 3, position: null, normalizedScore: null, share: null },
        ],
      },
    ],
    agreement: [
      { meeting: 1, kendallW: 0.62 },
      { meeting: 2, kendallW: 0.41 },
      { meeting: 3, kendallW: null },
    ],
    scan: [
      { meeting: 1, factors: m1.scan.map((s) => ({ factor: s.factor, mean: s.mean })) },
      { meeting: 2, factors: m2.scan.map((s) => ({ factor: s.factor, mean: s.mean })) },
      { meeting: 3, factors: [] },
    ],
    organiser,
  };
}
