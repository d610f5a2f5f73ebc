/**
 * "You said, we did": after a meeting the organiser writes, for each top value, tension or
 * option, what was done with it. Entries live in the workshop's state (commands
 * `feedback:set`, `feedback:remove`, `feedback:publish`); once published they are shown at the
 * meeting's join link (`/j/CODE`, its QR code), to phones that took part and to anyone opening
 * the link later, and they are part of the export and the report. Zod-free: the phone reads these.
 */

/** What an entry answers: a value the room put high, a value the groups were split on, an option weighed, or the meeting as a whole. */
export type FeedbackTargetKind = 'value' | 'tension' | 'option' | 'general';
export const FEEDBACK_TARGET_KINDS: readonly FeedbackTargetKind[] = ['value', 'tension', 'option', 'general'];

export interface FeedbackTarget {
  kind: FeedbackTargetKind;
  /** value, tension: a value id (a merged card's id resolves to the card it was merged into); option: an option id; general: null. */
  id: string | null;
  /** option: the options activity the option belongs to; otherwise null. */
  activityId: string | null;
}

export interface FeedbackEntry {
  /** Made by the organiser's browser; a retried `feedback:set` with the same id and text stores nothing. */
  id: string;
  target: FeedbackTarget;
  /** What was decided or done ("we did"). */
  decision: string;
  /** Why: the reason, in the organiser's words; may be empty. */
  reason: string;
  /** When it was (or will be) decided or done, as the organiser writes it ("12 March 2027", "spring 2027"); may be empty. */
  when: string;
  /** An http(s) link to the decision (council proposal, minutes); null when none. */
  link: string | null;
  createdAt: number;
  updatedAt: number;
}

export const FEEDBACK_LIMITS = {
  /** Entries one workshop may hold. */
  entries: 40,
  decision: 600,
  reason: 1000,
  when: 80,
  link: 500,
} as const;

/** What screens of the room get: the entries once published (the host: always, as a preview). */
export interface FeedbackView {
  /** null while not published (only the host sees entries then). */
  publishedAt: number | null;
  entries: FeedbackEntry[];
}
