import type { FeedbackEntry } from '../domain/feedbackModel.js';
import { DomainHarness, HOST } from '../domain/testing.js';
import type { WorkshopState } from '../domain/types.js';
import { meetingState } from './meeting.js';
import type { ProcessState } from './model.js';
import { createMeetingSchema, type CreateMeetingInput } from './schema.js';

/**
 * Helpers for process tests: a process with two groups, and meetings made with meetingState and
 * then run through the domain harness (schema → decide → apply). Each meeting's ids carry its
 * own prefix, so ids made in a later meeting never collide with the values it carried over.
 */
export const T0 = 1_700_000_000_000;

export function testProcess(over: Partial<ProcessState> = {}): ProcessState {
  return {
    id: 'proc1',
    code: 'PQRSTU',
    title: 'Wijk Lombok, warmteplan',
    area: 'Lombok',
    language: 'nl',
    organiserTokenHash: 'org-hash',
    groups: [
      { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 100 },
      { id: 'g-mun', name: 'Gemeente', i18n: { nl: 'Gemeente', en: 'Municipality' }, invited: 20 },
    ],
    meetingIds: [],
    requests: [],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function meetingBody(input: Partial<CreateMeetingInput> = {}) {
  return createMeetingSchema.parse({ requestId: 'request-0123456789', title: 'Bijeenkomst', ...input });
}

/** A meeting made by meetingState, in a harness whose clock starts at `now` and whose ids start with `prefix`. */
export function startMeeting(
  process: ProcessState,
  previous: WorkshopState | null,
  input: Partial<CreateMeetingInput>,
  prefix: string,
  now: number,
): DomainHarness {
  const h = new DomainHarness();
  let n = 0;
  h.nextId = () => `${prefix}${++n}`;
  h.now = now;
  h.state = meetingState(process, previous, meetingBody(input), { id: `w-${prefix}`, code: `CODE${prefix.toUpperCase()}`.slice(0, 6), hostTokenHash: 'host-hash', now, newId: () => h.nextId() });
  return h;
}

/** The process after a meeting was added to it. */
export function withMeeting(process: ProcessState, meeting: WorkshopState): ProcessState {
  return { ...process, meetingIds: [...process.meetingIds, meeting.id] };
}


type Actor = ReturnType<DomainHarness['join']>;
const DAY = 86_400_000;

function rank(h: DomainHarness, activityId: string, ballots: [Actor, string[]][]) {
  ballots.forEach(([p, order], i) => h.must('answer:submit', { activityId, answerId: `${activityId}-r${i}`, answer: { kind: 'rank', order } }, p));
}

/** Every statement of the scan scored `score`, so each factor score of that participant is `score`. */
function scan(h: DomainHarness, activityId: string, p: Actor, score: number) {
  const scores = Object.fromEntries((h.state.activities.find((a) => a.id === activityId)?.config.statements ?? []).map((s) => [s.id, score]));
  h.must('answer:submit', { activityId, answerId: `${activityId}-s${score}`, answer: { kind: 'scan', scores } }, p);
}

function entry(id: string, valueId: string, at: number): FeedbackEntry {
  return { id, target: { kind: 'value', id: valueId, activityId: null }, decision: 'Opgenomen in het warmteplan', reason: '', when: 'maart 2027', link: null, createdAt: at, updatedAt: at };
}

/**
 * Three meetings of one process: 2 starts from 1, 3 from 2 (so from 1's values), each with the
 * same rank step (index 2, K = 2). Hand-computed figures in the test below.
 */
export function threeMeetings() {
  let process = testProcess();
  // ---- Meeting 1: rank over A, B, C; a scan.
  const m1 = startMeeting(process, null, { title: 'Voorjaar' }, 'a', T0);
  const [A, B, C] = m1.state.valueOrder as [string, string, string];
  const act = (h: DomainHarness, i: number) => h.state.activities[i]!.id;
  m1.must('activity:configure', { activityId: act(m1, 2), rankK: 2, valueIds: [A, B, C] }, HOST);
  m1.must('agenda:goto', { activityId: act(m1, 2) }, HOST);
  const r1 = m1.join(0);
  const r2 = m1.join(0);
  const g1 = m1.join(1);
  const g2 = m1.join(1);
  rank(m1, act(m1, 2), [[r1, [A, B]], [r2, [A, C]], [g1, [B, A]], [g2, [A, B]]]);
  m1.must('activity:control', { activityId: act(m1, 2), action: 'reveal' }, HOST);
  m1.must('agenda:goto', { activityId: act(m1, 4) }, HOST);
  scan(m1, act(m1, 4), r1, 4);
  scan(m1, act(m1, 4), g1, 2);
  // A draft, never published.
  m1.state = { ...m1.state, feedback: [entry('f1', A, T0 + DAY)] };
  process = withMeeting(process, m1.state);

  // ---- Meeting 2, from 1 (its agenda again): rank over the same A, B, C; one answer online; then C merged into B.
  const t2 = T0 + 180 * DAY;
  const m2 = startMeeting(process, m1.state, { title: 'Najaar' }, 'b', t2);
  m2.must('agenda:goto', { activityId: act(m2, 2) }, HOST);
  const s1 = m2.join(0);
  const h1 = m2.join(1);
  rank(m2, act(m2, 2), [[s1, [B, A]], [h1, [B, C]]]);
  m2.state = { ...m2.state, liveEndedAt: t2 + 1 };
  m2.now = t2 + 2;
  const h2 = m2.join(1);
  m2.must('answer:submit', { activityId: act(m2, 2), answerId: 'late', answer: { kind: 'rank', order: [C, B] } }, h2);
  // h2 answered after the live session: its answer is marked online (as answer:submit stores it then).
  const vote2 = act(m2, 2);
  const stored = m2.state.answers[vote2]![h2.participantId]!;
  m2.state = { ...m2.state, answers: { ...m2.state.answers, [vote2]: { ...m2.state.answers[vote2], [h2.participantId]: { ...stored, channel: 'online' } } } };
  m2.must('value:merge', { sourceId: C, targetId: B }, HOST);
  m2.state = { ...m2.state, summaryPublishedAt: t2 + 3, feedback: [entry('f2', B, t2 + DAY)], feedbackPublishedAt: t2 + DAY };
  process = withMeeting(process, m2.state);

  // ---- Meeting 3, from 2: the reset rank step is over A, B (C lives on B now); a scan; nothing shown to the room.
  const t3 = T0 + 360 * DAY;
  const m3 = startMeeting(process, m2.state, { title: 'Voorjaar 2', rankingOrder: true }, 'c', t3);
  m3.must('agenda:goto', { activityId: act(m3, 2) }, HOST);
  const q1 = m3.join(0);
  const q2 = m3.join(0);
  const k1 = m3.join(1);
  rank(m3, act(m3, 2), [[q1, [A, B]], [q2, [A, B]], [k1, [B, A]]]);
  m3.must('agenda:goto', { activityId: act(m3, 4) }, HOST);
  scan(m3, act(m3, 4), q1, 5);
  scan(m3, act(m3, 4), k1, 3);
  process = withMeeting(process, m3.state);
  return { process, meetings: [m1.state, m2.state, m3.state] as WorkshopState[], A, B, C, t2, t3 };
}
