import { DomainHarness, HOST } from '../../../../shared/domain/testing.js';
import { exportWorkshop, hostView, openAnswerId, publicView, selfView, type Actor } from '../../../../shared/index.js';

type P = Actor & { role: 'participant' };

/**
 * A whole workshop from the default template, run by the real domain (the same decide/apply
 * the server runs): 7 participants (3 residents, 3 municipality, 1 housing association — too
 * few to show apart), explore with stories, dots, two rank rounds and the scan with open
 * answers. For component tests of the scan, summary and report.
 */
export function fullWorkshop(opts: { upTo?: 'scan-open' | 'scan-revealed' | 'done' } = {}) {
  const upTo = opts.upTo ?? 'done';
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  const people: P[] = [0, 0, 0, 1, 1, 1, 2].map((g) => h.join(g) as P);
  const [explore, dots, rank1, rank2, scan] = h.state.activities.map((a) => a.id) as [string, string, string, string, string];
  const v = h.state.valueOrder;
  const [affordability, fairness, sustainability, comfort, reliability, say] = v as [string, string, string, string, string, string];
  let n = 0;
  const answerId = () => `ans${++n}`;
  const submit = (p: P, activityId: string, answer: unknown) => h.must('answer:submit', { activityId, answerId: answerId(), answer }, p);

  h.must('agenda:goto', { activityId: explore }, HOST);
  const story1 = h.must('story:add', { valueId: affordability, text: 'My energy bill doubled last winter.' }, people[0]!);
  h.must('story:add', { valueId: affordability, text: 'Pensioners on our street worry about the costs.' }, people[3]!);
  h.must('story:add', { valueId: fairness, text: 'Renters should not pay for the landlord’s choices.' }, people[1]!);
  h.must('story:endorse', { storyId: story1 }, people[4]!);
  h.must('story:endorse', { storyId: story1 }, people[5]!);

  h.must('agenda:goto', { activityId: dots }, HOST);
  people.forEach((p, i) => submit(p, dots, { kind: 'dots', dots: i < 3 ? { [affordability]: 3, [fairness]: 2 } : { [affordability]: 2, [sustainability]: 3 } }));

  const orders = [
    [affordability, fairness, comfort, reliability, say],
    [affordability, fairness, say, comfort, reliability],
    [fairness, affordability, comfort, say, reliability],
    [sustainability, affordability, reliability, say, comfort],
    [affordability, sustainability, reliability, comfort, say],
    [sustainability, reliability, affordability, say, comfort],
    [comfort, affordability, say, reliability, fairness],
  ];
  h.must('agenda:goto', { activityId: rank1 }, HOST);
  people.forEach((p, i) => submit(p, rank1, { kind: 'rank', order: orders[i] }));
  h.must('activity:control', { activityId: rank1, action: 'reveal' }, HOST);
  h.must('agenda:goto', { activityId: rank2 }, HOST);
  people.forEach((p, i) => submit(p, rank2, { kind: 'rank', order: i === 3 ? orders[0] : orders[i] }));
  h.must('activity:control', { activityId: rank2, action: 'reveal' }, HOST);

  h.must('agenda:goto', { activityId: scan }, HOST);
  const scanAnswers: Record<string, string> = {};
  if (upTo !== 'scan-open') {
    people.forEach((p, i) => {
      const id = answerId();
      scanAnswers[p.participantId] = id;
      const base = i < 3 ? 4 : 3;
      const scores = Object.fromEntries(h.state.activities[4]!.config.statements.map((s, k) => [s.id, Math.min(5, Math.max(1, base + ((k + i) % 3) - 1))]));
      h.must(
        'answer:submit',
        {
          activityId: scan,
          answerId: id,
          answer: { kind: 'scan', scores, wentWell: i % 2 === 0 ? `We listen to each other (${i})` : '', couldBeBetter: i % 3 === 0 ? `Clearer roles please (${i})` : '' },
        },
        p,
      );
    });
    h.must('activity:control', { activityId: scan, action: 'reveal' }, HOST);
    const wallId = openAnswerId(scan, people[2]!.participantId, scanAnswers[people[2]!.participantId]!, 'wentWell');
    h.must('open-answer:endorse', { openAnswerId: wallId }, people[1]!);
    h.must('open-answer:endorse', { openAnswerId: wallId }, people[4]!);
  }
  if (upTo === 'done') {
    h.must('activity:control', { activityId: scan, action: 'close' }, HOST);
    h.must('summary:publish', { published: true }, HOST);
  }

  const self = (p: P) => {
    const view = selfView(h.state, p.participantId);
    if (!view) throw new Error('no self view');
    return view;
  };
  return {
    h,
    people,
    ids: { explore, dots, rank1, rank2, scan },
    values: { affordability, fairness, sustainability, comfort, reliability, say },
    scanAnswers,
    pub: () => publicView(h.state),
    host: () => hostView(h.state),
    self,
    exportDoc: () => exportWorkshop(h.state, h.now + 3_600_000),
  };
}
