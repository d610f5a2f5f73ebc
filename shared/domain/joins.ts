import { fail, ok, type Result } from '../protocol/errors.js';
import { kindRules } from '../kinds/rules.js';
import { getOwn } from './own.js';
import type { Activity, Participant } from './types.js';

/**
 * Who joined when, for the facilitator's console: joins per minute and the burst warning.
 * Zod-free and pure (the time they look back from is the latest join, not a clock), so the
 * host's view computes them once per change of who is in the room or which step is current.
 */

/** One clock minute in which someone joined. */
export interface JoinMinute {
  /** Start of the minute, milliseconds since the epoch (a multiple of 60,000). */
  at: number;
  /** Phones that joined in this minute. */
  joined: number;
  /** Of those, how many the facilitator removed since. */
  removed: number;
}

export const MINUTE_MS = 60_000;

/** The start of the clock minute `at` falls in. */
export function minuteOf(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/** Joins per clock minute, oldest first; minutes in which nobody joined are left out. */
export function joinsPerMinute(participants: Iterable<Pick<Participant, 'joinedAt' | 'removed'>>): JoinMinute[] {
  const byMinute = new Map<number, JoinMinute>();
  for (const p of participants) {
    const at = minuteOf(p.joinedAt);
    let m = byMinute.get(at);
    if (!m) {
      m = { at, joined: 0, removed: 0 };
      byMinute.set(at, m);
    }
    m.joined++;
    if (p.removed) m.removed++;
  }
  return [...byMinute.values()].sort((a, b) => a.at - b.at);
}

export const JOIN_BURST = {
  /** The window looked at, ending at the latest join. */
  windowMs: MINUTE_MS,
  /** At least this many joins in the window… */
  minJoins: 20,
  /** …and at least this share of the people who were in the room before them. */
  ratio: 0.25,
} as const;

export interface JoinBurst {
  /** The window: joins after `from`, up to and including `to` (the latest join). */
  from: number;
  to: number;
  /** Participants still in the room who joined in the window, after the current step opened. */
  joins: number;
  /** Participants still in the room who were in before them. */
  before: number;
  /** The current step, which opened before the burst. */
  activityId: string;
}

/**
 * The burst warning, one rule: while a step that takes answers (every kind but explore) is the current step and open or locked,
 * at least `JOIN_BURST.minJoins` phones joined within one minute after it opened (the minute
 * ending at the latest join), and they are at least `JOIN_BURST.ratio` (a quarter) of the
 * people who were in the room before them. Only participants still in the room count, so
 * removing the burst clears the warning.
 *
 * Why this rule: a real room joins in a rush at the start, while it explores, and a few
 * latecomers trickle in later; phones that join in a crowd while a vote is running are what
 * fake voters look like (300 joins that voted within 2 s flipped a dots winner). For a town
 * hall of 2,000 it takes 500 joins in one minute during a vote; for a room of 48, 20.
 * Null when there is no burst.
 */
export function joinBurst(
  participants: Iterable<Pick<Participant, 'joinedAt' | 'removed'>>,
  current: Pick<Activity, 'id' | 'kind' | 'status' | 'openedAt'> | null,
): JoinBurst | null {
  if (!current || !kindRules(current.kind).takesAnswers || current.openedAt === null) return null;
  if (current.status !== 'open' && current.status !== 'locked') return null;
  const inRoom: number[] = [];
  for (const p of participants) if (!p.removed) inRoom.push(p.joinedAt);
  if (inRoom.length === 0) return null;
  let to = -Infinity;
  for (const at of inRoom) if (at > to) to = at;
  const from = Math.max(to - JOIN_BURST.windowMs, current.openedAt);
  let joins = 0;
  let before = 0;
  for (const at of inRoom) {
    if (at > from) joins++;
    else before++;
  }
  if (joins < JOIN_BURST.minJoins || joins < before * JOIN_BURST.ratio) return null;
  return { from, to, joins, before, activityId: current.id };
}

/**
 * Who `participant:removeMany` removes: with `joinedAfter`, everyone still in the room who
 * joined at that moment or later (joinedAt ≥ joinedAfter), oldest first; with
 * `participantIds`, those listed (each once, in the order given) who are still in. Removed ones
 * are left out, so sending it again removes nothing more. An id nobody has is `NOT_FOUND`.
 * The console counts with this same rule for its confirm step.
 */
export function participantsToRemove(
  state: { participants: Readonly<Record<string, Pick<Participant, 'id' | 'joinedAt' | 'removed'>>> },
  by: { joinedAfter?: number | undefined; participantIds?: readonly string[] | undefined },
): Result<Pick<Participant, 'id' | 'joinedAt' | 'removed'>[]> {
  if (by.participantIds !== undefined) {
    const out: Pick<Participant, 'id' | 'joinedAt' | 'removed'>[] = [];
    const seen = new Set<string>();
    for (const id of by.participantIds) {
      const p = getOwn(state.participants, id);
      if (!p) return fail('NOT_FOUND', `No such participant: ${id}`);
      if (seen.has(id) || p.removed) continue;
      seen.add(id);
      out.push(p);
    }
    return ok(out);
  }
  if (by.joinedAfter === undefined) return fail('BAD_REQUEST', 'Give joinedAfter or participantIds');
  return ok(joinedFrom(Object.values(state.participants), by.joinedAfter));
}

/** Participants still in the room who joined at `from` or later, oldest first (same moment: by id). */
export function joinedFrom<P extends Pick<Participant, 'id' | 'joinedAt' | 'removed'>>(participants: readonly P[], from: number): P[] {
  return participants.filter((p) => !p.removed && p.joinedAt >= from).sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
