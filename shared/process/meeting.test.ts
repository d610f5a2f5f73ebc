import { describe, expect, it } from 'vitest';
import { HOST } from '../domain/testing.js';
import { HEAT_TRANSITION_CARDS } from '../domain/templates.js';
import type { WorkshopState } from '../domain/types.js';
import { lastVote } from './meeting.js';
import { startMeeting, T0, testProcess, withMeeting } from './testing.js';

const DAY = 86_400_000;

/** Meeting 1 of the test process, run: a proposal, a story, a merge, a hidden card, a rank vote and an options step weighted by it. */
function firstMeeting() {
  const process = testProcess();
  const h = startMeeting(process, null, { title: 'Voorjaar', template: 'heat-transition', allowNames: true }, 'a', T0);
  const [A, B, C, D, E] = h.state.valueOrder as [string, string, string, string, string];
  const [explore, , rank, , , options] = h.state.activities.map((a) => a.id) as [string, string, string, string, string, string];
  h.must('agenda:goto', { activityId: explore }, HOST);
  const res = h.join(0);
  const mun = h.join(1);
  const P = h.must('value:propose', { title: 'Groen in de straat', description: '' }, res);
  h.must('story:add', { valueId: A, text: 'Mijn energierekening is verdubbeld' }, res);
  h.must('value:merge', { sourceId: B, targetId: C }, HOST);
  h.must('value:hide', { valueId: D, hidden: true }, HOST);
  h.must('activity:configure', { activityId: rank, rankK: 2, valueIds: [A, C, E] }, HOST);
  h.must('activity:configure', { activityId: options, weights: { mode: 'group', voteActivityId: rank } }, HOST);
  h.must('agenda:goto', { activityId: rank }, HOST);
  const third = h.join(0);
  // Borda, K = 2: E 2 + 2 + 1 = 5, A 1 + 0 + 2 = 3, C 0 + 1 + 0 = 1 → E, A, C.
  h.must('answer:submit', { activityId: rank, answerId: 'r1', answer: { kind: 'rank', order: [E, A] } }, res);
  h.must('answer:submit', { activityId: rank, answerId: 'r2', answer: { kind: 'rank', order: [E, C] } }, mun);
  h.must('answer:submit', { activityId: rank, answerId: 'r3', answer: { kind: 'rank', order: [A, E] } }, third);
  return { process, h, A, B, C, D, E, P, rank, options, res };
}

describe('meetingState: the first meeting', () => {
  it("starts from the template's cards and agenda with the process's groups, ids and invited numbers", () => {
    const process = testProcess();
    const h = startMeeting(process, null, { title: 'Voorjaar', template: 'heat-transition', allowNames: true, allowProposals: false }, 'a', T0);
    const s = h.state;
    expect(s.groups).toEqual([
      { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 100 },
      { id: 'g-mun', name: 'Gemeente', i18n: { nl: 'Gemeente', en: 'Municipality' }, invited: 20 },
    ]);
    expect(s.valueOrder).toHaveLength(HEAT_TRANSITION_CARDS.length);
    expect(s.valueOrder.map((id) => s.values[id]?.title)).toEqual(HEAT_TRANSITION_CARDS.map((c) => c.nl.title));
    expect(s.activities.map((a) => [a.kind, a.status])).toEqual([
      ['explore', 'pending'],
      ['dots', 'pending'],
      ['rank', 'pending'],
      ['rank', 'pending'],
      ['scan', 'pending'],
      ['options', 'pending'],
    ]);
    expect(s).toMatchObject({
      id: 'w-a',
      title: 'Voorjaar',
      language: 'nl',
      template: 'heat-transition',
      createdAt: T0,
      seq: 0,
      settings: { allowNames: true, allowProposals: false, joiningOpen: true, minGroupSize: 3 },
      process: { id: 'proc1', code: 'PQRSTU', title: 'Wijk Lombok, warmteplan', meeting: 1 },
      participants: {},
      answers: {},
      feedback: [],
      feedbackPublishedAt: null,
      liveEndedAt: null,
      online: null,
    });
  });

  it('can be joined and run like any workshop', () => {
    const { h, rank } = firstMeeting();
    expect(h.state.participants).not.toEqual({});
    expect(lastVote(h.state)?.activity.id).toBe(rank);
    expect(lastVote(h.state)?.vote.answers).toBe(3);
  });
});

describe('meetingState: a later meeting', () => {
  function secondMeeting(input: Parameters<typeof startMeeting>[2]) {
    const first = firstMeeting();
    const process = withMeeting(
      {
        ...first.process,
        groups: [
          { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 120 },
          { id: 'g-mun', name: 'Gemeente', i18n: { nl: 'Gemeente', en: 'Municipality' }, invited: 20 },
          { id: 'g-biz', name: 'Ondernemers', invited: null },
        ],
      },
      first.h.state,
    );
    const m2 = startMeeting(process, first.h.state, { title: 'Najaar', ...input }, 'b', T0 + 180 * DAY);
    return { ...first, m1: first.h.state, m2, s: m2.state };
  }

  it("carries the groups (invited from the process) and every value, merges and provenance kept, no one's data", () => {
    const { m1, s, A, B, C, D, P, res } = secondMeeting({});
    expect(m1.values[P]).toMatchObject({ origin: 'participant', proposedBy: res.participantId, groupId: 'g-res' });
    expect(s.groups).toEqual([
      { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 120 },
      { id: 'g-mun', name: 'Gemeente', i18n: { nl: 'Gemeente', en: 'Municipality' }, invited: 20 },
      { id: 'g-biz', name: 'Ondernemers', invited: null },
    ]);
    // Every value, by the same id, in the same order (rankingOrder false).
    expect(s.valueOrder).toEqual(m1.valueOrder);
    expect(Object.keys(s.values).sort()).toEqual(Object.keys(m1.values).sort());
    // The proposal keeps its origin and group, not its proposer; the merge and the hidden card stay.
    expect(s.values[P]).toEqual({ ...m1.values[P], proposedBy: null });
    expect(s.values[B]).toMatchObject({ mergedInto: C });
    expect(s.values[C]).toMatchObject({ mergedFrom: [B], i18n: m1.values[C]?.i18n });
    expect(s.values[D]).toMatchObject({ hidden: true });
    expect(s.values[A]).toEqual(m1.values[A]);
    expect(s).toMatchObject({ stories: {}, participants: {}, answers: {}, openAnswerEndorsements: {}, currentActivityId: null, summaryPublishedAt: null });
    expect(s.process).toEqual({ id: 'proc1', code: 'PQRSTU', title: 'Wijk Lombok, warmteplan', meeting: 2 });
    expect(s).toMatchObject({ id: 'w-b', title: 'Najaar', createdAt: T0 + 180 * DAY, settings: { allowNames: false, allowProposals: true, joiningOpen: true } });
  });

  it("resets the previous agenda with new ids, keeps its config and remaps the options step's weighting vote", () => {
    const { m1, s, A, C, E, rank, options } = secondMeeting({ agenda: 'previous' });
    expect(s.activities.map((a) => a.kind)).toEqual(m1.activities.map((a) => a.kind));
    const oldIds = new Set(m1.activities.map((a) => a.id));
    expect(s.activities.every((a) => !oldIds.has(a.id))).toBe(true);
    expect(s.activities.every((a) => a.status === 'pending' && !a.revealed && a.openedAt === null && a.endsAt === null)).toBe(true);
    const i = m1.activities.findIndex((a) => a.id === rank);
    const newRank = s.activities[i];
    expect(newRank?.config).toMatchObject({ rankK: 2, valueIds: [A, C, E] });
    const newOptions = s.activities[m1.activities.findIndex((a) => a.id === options)];
    expect(newOptions?.config.weights).toEqual({ mode: 'group', voteActivityId: newRank?.id });
    expect(newOptions?.config.options).toEqual(m1.activities.find((a) => a.id === options)?.config.options);
  });

  it("orders the values by the previous meeting's last vote, the unvoted ones after in their previous order", () => {
    const { m1, s, A, C, E } = secondMeeting({ rankingOrder: true });
    const rest = m1.valueOrder.filter((id) => ![E, A, C].includes(id));
    // The vote: E 5, A 3, C 1 (Borda, see firstMeeting).
    expect(s.valueOrder).toEqual([E, A, C, ...rest]);
  });

  it("puts a value merged since the vote right before the card it lives on now", () => {
    const first = firstMeeting();
    const { h, A, C, E } = first;
    const F = h.state.valueOrder[5]!;
    h.must('value:merge', { sourceId: C, targetId: F }, HOST);
    const s = startMeeting(withMeeting(first.process, h.state), h.state, { title: 'Najaar', rankingOrder: true }, 'b', T0 + DAY).state;
    const rest = h.state.valueOrder.filter((id) => ![E, A, C, F].includes(id));
    expect(s.valueOrder).toEqual([E, A, C, F, ...rest]);
    expect(s.values[C]?.mergedInto).toBe(F);
    // The reset rank step was over [A, C, E]: C now lives on F, so the ballot is [A, F, E].
    expect(s.activities[2]?.config.valueIds).toEqual([A, F, E]);
  });

  it("takes a template's agenda instead, with the previous values", () => {
    const { m1, s } = secondMeeting({ agenda: 'social-domain' });
    expect(s.activities.map((a) => a.kind)).toEqual(['explore', 'points', 'scan']);
    expect(s.valueOrder).toEqual(m1.valueOrder);
    expect(s.template).toBe('heat-transition');
  });

  it('is a meeting that runs: a participant joins, proposes and votes on the carried values', () => {
    const { m2, s, A, E } = secondMeeting({});
    const rank = s.activities[2]!.id;
    m2.must('agenda:goto', { activityId: s.activities[0]!.id }, HOST);
    const p = m2.join(2);
    m2.must('value:propose', { title: 'Parkeren', description: '' }, p);
    m2.must('agenda:goto', { activityId: rank }, HOST);
    m2.must('answer:submit', { activityId: rank, answerId: 'x1', answer: { kind: 'rank', order: [A, E] } }, p);
    const state: WorkshopState = m2.state;
    expect(lastVote(state)?.vote.values[0]).toMatchObject({ valueId: A, position: 1, score: 2 });
    expect(state.participants[p.participantId]?.groupId).toBe('g-biz');
  });
});

describe('meetingState: the meeting number', () => {
  it('is one more than the meetings listed, or than the previous meeting’s number when a meeting was deleted', () => {
    const { process, h } = firstMeeting();
    // Meetings 1–3 existed, 2 was deleted: meetingIds holds 2 ids, the latest is number 3 → 4, not 3.
    const latest = { ...h.state, process: { ...h.state.process!, meeting: 3 } };
    const s = startMeeting({ ...process, meetingIds: ['w-a', 'w-c'] }, latest, { title: 'Vier' }, 'd', T0 + DAY).state;
    expect(s.process?.meeting).toBe(4);
    expect(startMeeting({ ...process, meetingIds: ['w-a'] }, h.state, { title: 'Twee' }, 'b', T0 + DAY).state.process?.meeting).toBe(2);
  });
});
