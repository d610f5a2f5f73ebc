import type { AnswerChannel, OnlineWindow } from './onlineModel.js';

/**
 * The rules of room and online, used by decide() (answer:submit, online:open) and by the phone's
 * and console's buttons, so both say the same. Zod-free and import-free: the phone carries it.
 */

/**
 * Whether the online window takes answers to this activity at `now`: the window holds the
 * activity and `now` is before its deadline. The window is not closed by an event at the
 * deadline; an answer at or after `until` is refused by this rule alone.
 */
export function onlineOpenFor(state: { online?: OnlineWindow | null }, activityId: string, now: number): boolean {
  const w = state.online ?? null;
  return w !== null && now < w.until && w.activityIds.includes(activityId);
}

/** Which channel an answer stored at `at` belongs to: 'online' once the live session ended (liveEndedAt), else 'room'. */
export function answerChannel(state: { liveEndedAt?: number | null }, at: number): AnswerChannel {
  const ended = state.liveEndedAt ?? null;
  return ended !== null && at >= ended ? 'online' : 'room';
}

/** Whether a participant counts as online: joined at or after the live session ended. */
export function joinedOnline(state: { liveEndedAt?: number | null }, joinedAt: number): boolean {
  return answerChannel(state, joinedAt) === 'online';
}
