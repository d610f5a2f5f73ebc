import type { CommandPayload } from '../protocol/commands.js';
import { fail, ok, type Result } from '../protocol/errors.js';
import type { Answer } from './answers.js';
import type { DomainEvent } from './events.js';
import { FEEDBACK_LIMITS, type FeedbackEntry, type FeedbackTarget, type FeedbackView } from './feedbackModel.js';
import { getOwn } from './own.js';
import { resolveValueId } from './rules.js';
import type { WorkshopState } from './types.js';

/**
 * "You said, we did": the rules of the feedback entries (decide's `feedback:set`), what each
 * screen is shown of them, and which published entries are about what one participant said.
 */

type FeedbackState = Pick<WorkshopState, 'feedback' | 'feedbackPublishedAt'>;

/** The entries, in the order written (none for a workshop stored before feedback existed). */
export function feedbackEntries(state: Pick<WorkshopState, 'feedback'>): FeedbackEntry[] {
  return state.feedback ?? [];
}

/**
 * What a screen is shown: the room (board, phones, the join page) the entries once published,
 * null before; the host always, with publishedAt null while they are a draft.
 */
export function feedbackView(state: FeedbackState, host: boolean): FeedbackView | null {
  const publishedAt = state.feedbackPublishedAt ?? null;
  if (publishedAt === null && !host) return null;
  return { publishedAt, entries: feedbackEntries(state) };
}

/**
 * `feedback:set`: the entry added, or replaced whole when its id is stored (createdAt kept). The
 * same content again stores nothing. The target must name what is there: a value (value,
 * tension; a merged card's id is stored as the card it was merged into), an option of an options
 * activity, or nothing (general). A new entry beyond FEEDBACK_LIMITS.entries is NOT_ALLOWED.
 */
export function decideFeedbackSet(state: WorkshopState, payload: CommandPayload<'feedback:set'>, at: number): Result<DomainEvent[]> {
  const target = checkTarget(state, payload.target);
  if (!target.ok) return target;
  const entries = feedbackEntries(state);
  const existing = entries.find((e) => e.id === payload.entryId);
  const content = { target: target.value, decision: payload.decision, reason: payload.reason, when: payload.when, link: payload.link };
  if (existing) {
    if (sameContent(existing, content)) return ok([]);
  } else if (entries.length >= FEEDBACK_LIMITS.entries) {
    return fail('NOT_ALLOWED', `This workshop holds ${entries.length} feedback entries, the most it can hold`);
  }
  const entry: FeedbackEntry = { id: payload.entryId, ...content, createdAt: existing?.createdAt ?? at, updatedAt: at };
  return ok([{ type: 'feedback:entrySet', at, entry }]);
}

function checkTarget(state: WorkshopState, target: FeedbackTarget): Result<FeedbackTarget> {
  switch (target.kind) {
    case 'general':
      if (target.id !== null || target.activityId !== null) return fail('BAD_REQUEST', 'A general entry names no value, option or activity (id and activityId null)');
      return ok(target);
    case 'value':
    case 'tension': {
      if (target.activityId !== null) return fail('BAD_REQUEST', 'Only an option entry names an activity');
      if (target.id === null || !getOwn(state.values, target.id)) return fail('NOT_FOUND', 'No such value');
      return ok({ kind: target.kind, id: resolveValueId(state, target.id), activityId: null });
    }
    case 'option': {
      if (target.activityId === null) return fail('BAD_REQUEST', 'An option entry names its options activity (activityId)');
      const activity = state.activities.find((a) => a.id === target.activityId);
      if (!activity || activity.kind !== 'options') return fail('NOT_FOUND', 'No such options activity');
      if (target.id === null || !activity.config.options.some((o) => o.id === target.id)) return fail('NOT_FOUND', 'No such option');
      return ok(target);
    }
  }
}

function sameContent(e: FeedbackEntry, c: Pick<FeedbackEntry, 'target' | 'decision' | 'reason' | 'when' | 'link'>): boolean {
  return (
    e.target.kind === c.target.kind &&
    e.target.id === c.target.id &&
    e.target.activityId === c.target.activityId &&
    e.decision === c.decision &&
    e.reason === c.reason &&
    e.when === c.when &&
    e.link === c.link
  );
}

/** The value ids an answer says something for: dots or points above 0, every value ranked. Empty for other kinds. */
export function valuesAnswered(answer: Answer): string[] {
  switch (answer.kind) {
    case 'dots':
      return Object.keys(answer.dots).filter((id) => (getOwn(answer.dots, id) ?? 0) > 0);
    case 'points':
      return Object.keys(answer.points).filter((id) => (getOwn(answer.points, id) ?? 0) > 0);
    case 'rank':
      return [...answer.order];
    default:
      return [];
  }
}

/** What one participant said, for feedbackAboutYou: the values they spoke for (any card id) and the activities they answered. */
export interface SaidBy {
  valueIds: Iterable<string>;
  answeredActivityIds: ReadonlySet<string>;
}

/**
 * What a participant said, read from the state: values they proposed, told a story on (the
 * card it was written for and the card it is on now) or gave dots/points above 0 or ranked,
 * and the activities they answered. Costs the workshop's size (every value and story); the
 * live server reads the same from its index of who did what (liveViews.ts).
 */
export function saidBy(state: WorkshopState, participantId: string): SaidBy {
  const valueIds = new Set<string>();
  const answeredActivityIds = new Set<string>();
  for (const id of state.valueOrder) if (getOwn(state.values, id)?.proposedBy === participantId) valueIds.add(id);
  for (const st of Object.values(state.stories)) {
    if (st.participantId !== participantId) continue;
    valueIds.add(st.valueId);
    valueIds.add(st.originalValueId);
  }
  for (const [activityId, byParticipant] of Object.entries(state.answers)) {
    const mine = getOwn(byParticipant, participantId);
    if (!mine) continue;
    answeredActivityIds.add(activityId);
    for (const id of valuesAnswered(mine.answer)) valueIds.add(id);
  }
  return { valueIds, answeredActivityIds };
}

/**
 * Ids of the published entries about what this participant said: a value or tension entry on a
 * value they spoke for (the card itself or one merged into it: both resolve to the same card),
 * an option entry of an options activity they answered. Empty while nothing is published. Costs
 * the entries (at most FEEDBACK_LIMITS.entries) and what the participant said.
 */
export function feedbackAboutYou(state: WorkshopState, said: SaidBy): string[] {
  if ((state.feedbackPublishedAt ?? null) === null) return [];
  const entries = feedbackEntries(state);
  if (entries.length === 0) return [];
  const cards = new Set<string>();
  for (const id of said.valueIds) cards.add(resolveValueId(state, id));
  return entries
    .filter((e) => {
      const t = e.target;
      if ((t.kind === 'value' || t.kind === 'tension') && t.id !== null) return cards.has(resolveValueId(state, t.id));
      if (t.kind === 'option' && t.activityId !== null) return said.answeredActivityIds.has(t.activityId);
      return false;
    })
    .map((e) => e.id);
}
