import { DomainHarness, HOST } from '../../../shared/domain/testing.js';
import { hostView, publicView, selfView, type Actor, type CommandInput } from '../../../shared/index.js';
import type { VoteAnswer } from '../../../shared/consensus/index.js';

type Participant = Actor & { role: 'participant' };
type VoteKind = 'dots' | 'rank' | 'points';
type Config = Omit<CommandInput<'activity:configure'>, 'activityId'>;

/**
 * Workshops for the vote screens and the consensus board, built by the real domain (the heat
 * transition template in English: Affordability, Social fairness, Sustainability, Comfort, …),
 * so the components get exactly the views the server would send.
 */
export function voteWorkshop(kind: VoteKind, config: Config = {}, opts: { open?: boolean } = {}) {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  const me = h.join(0);
  const [affordability, fairness, sustainability, comfort, reliability] = h.state.valueOrder as [string, string, string, string, string];
  const existing = h.state.activities.find((a) => a.kind === kind);
  const activityId = existing?.id ?? h.must('agenda:add', { kind }, HOST);
  if (Object.keys(config).length) h.must('activity:configure', { activityId, ...config }, HOST);
  if (opts.open !== false) h.must('activity:control', { activityId, action: 'open' }, HOST);
  let answers = 0;
  const w = {
    h,
    me,
    activityId,
    affordability,
    fairness,
    sustainability,
    comfort,
    reliability,
    pub: () => publicView(h.state),
    host: () => hostView(h.state),
    self: (who: Participant = me) => {
      const v = selfView(h.state, who.participantId);
      if (!v) throw new Error('no self view');
      return v;
    },
    answer: (who: Participant, answer: VoteAnswer, id = activityId) => {
      answers += 1;
      h.must('answer:submit', { activityId: id, answerId: `a${answers}`, answer }, who);
    },
    control: (action: 'lock' | 'unlock' | 'close' | 'reveal' | 'hide', id = activityId) => h.must('activity:control', { activityId: id, action }, HOST),
  };
  return w;
}

/**
 * A rank vote (top 3 of 4 values) answered by four residents, three from the municipality and
 * one business, then revealed. Borda points (3, 2, 1), worked out by hand:
 *
 *   Residents: A F C · A F S · A C F · A F C    Municipality: S A F · S F A · S A C    Business: C A S
 *   Affordability 12 + 5 + 2 = 19 · Sustainability 1 + 9 + 1 = 11 · Social fairness 7 + 3 + 0 = 10 · Comfort 4 + 1 + 3 = 8
 *
 * Groups lens (mean Borda / 3, as 0–100): Residents A 100, F 58, S 8, C 33; Municipality A 56,
 * F 33, S 100, C 11. Business (1 answer) is left out. Tension: Sustainability (100 − 8), then
 * Affordability (100 − 56). Common ground (smoothed support, geometric mean): Affordability
 * √(5/6 · 4/5) ≈ 0.82, lowest Municipality (3 of 3); Social fairness √(5/6 · 3/5) ≈ 0.71,
 * lowest Municipality (2 of 3); the others ≈ 0.52 and 0.52.
 */
export function rankScenario(opts: { reveal?: boolean; round2?: boolean } = {}) {
  const w = voteWorkshop('rank', {}, { open: false });
  const { h, affordability: A, fairness: F, sustainability: S, comfort: C } = w;
  // A story for the top value first, in explore: "telling alongside counting".
  h.openFirst('explore');
  const residents = [w.me, h.join(0), h.join(0), h.join(0)];
  const municipality = [h.join(1), h.join(1), h.join(1)];
  const business = h.join(5);
  const story = h.must('story:add', { valueId: A, text: 'Our energy bill doubled last winter.' }, residents[1] as Participant);
  h.must('story:endorse', { storyId: story }, residents[2] as Participant);
  h.must('story:endorse', { storyId: story }, municipality[0] as Participant);

  h.must('activity:configure', { activityId: w.activityId, rankK: 3, valueIds: [A, F, S, C] }, HOST);
  h.must('activity:control', { activityId: w.activityId, action: 'open' }, HOST);
  const orders: [Participant, string[]][] = [
    [residents[0] as Participant, [A, F, C]],
    [residents[1] as Participant, [A, F, S]],
    [residents[2] as Participant, [A, C, F]],
    [residents[3] as Participant, [A, F, C]],
    [municipality[0] as Participant, [S, A, F]],
    [municipality[1] as Participant, [S, F, A]],
    [municipality[2] as Participant, [S, A, C]],
    [business, [C, A, S]],
  ];
  for (const [who, order] of orders) w.answer(who, { kind: 'rank', order });
  w.control('lock');
  if (opts.reveal !== false) w.control('reveal');

  let round2Id: string | null = null;
  if (opts.round2) {
    // After discussion the municipality's case convinced two residents: Sustainability goes first.
    round2Id = h.must('agenda:duplicate', { activityId: w.activityId }, HOST);
    h.must('activity:control', { activityId: round2Id, action: 'open' }, HOST);
    const again: [Participant, string[]][] = [
      [residents[0] as Participant, [S, A, F]],
      [residents[1] as Participant, [S, A, F]],
      [residents[2] as Participant, [A, S, F]],
      [residents[3] as Participant, [A, F, S]],
      [municipality[0] as Participant, [S, A, F]],
      [municipality[1] as Participant, [S, A, F]],
      [municipality[2] as Participant, [S, A, C]],
    ];
    for (const [who, order] of again) w.answer(who, { kind: 'rank', order }, round2Id);
    w.control('lock', round2Id);
    w.control('reveal', round2Id);
  }
  return { ...w, residents, municipality, business, round2Id };
}

/**
 * A small workshop: two residents, two from the municipality and two from business each put
 * their one dot on Affordability, and the result is revealed. At the default smallest group (3)
 * the groups lens compares no group; at 2 it compares all three.
 */
export function smallGroupsScenario() {
  const w = voteWorkshop('dots', { dotsPerParticipant: 1, dotsMaxPerValue: 1 });
  const people = [w.me, w.h.join(0), w.h.join(1), w.h.join(1), w.h.join(5), w.h.join(5)];
  for (const p of people) w.answer(p, { kind: 'dots', dots: { [w.affordability]: 1 } });
  w.control('reveal');
  return w;
}
