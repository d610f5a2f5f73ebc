/**
 * Room and online: after the evening a vote, a scan or a weigh-the-options step can stay open
 * online, through the same join link, until a deadline days away (command `online:open`). The
 * live session ends when the online window opens; every answer stored after that is marked
 * `online`, every answer before it `room`. Zod-free: the phone reads these.
 */

export type AnswerChannel = 'room' | 'online';
export const ANSWER_CHANNELS: readonly AnswerChannel[] = ['room', 'online'];

export interface OnlineWindow {
  /** The steps that take answers online (each a kind with `takesAnswers`: dots, rank, points, scan, options). */
  activityIds: string[];
  /** When the window opened (epoch ms). */
  openedAt: number;
  /** The deadline (epoch ms): answers at or after it are refused. */
  until: number;
}

export const ONLINE_LIMITS = {
  /** The deadline is at least this far after the command… */
  minMs: 60 * 60_000,
  /** …and at most this far (60 days). */
  maxMs: 60 * 86_400_000,
  /** Steps one window may hold. */
  activities: 20,
} as const;

/**
 * Whether a group is under-represented: known invited numbers for at least 2 groups, at least
 * `minParticipants` people took part, and the group's share of those who took part is below
 * `underRatio` × its share of those invited (a group with invited > 0 and nobody there counts).
 */
export const REPRESENTATION_LIMITS = {
  underRatio: 0.5,
  minParticipants: 10,
} as const;

/** Per group: invited (from the process) against who took part, in the room and online. */
export interface GroupRepresentation {
  groupId: string;
  /** People invited or living there, as the process says; null when not known. */
  invited: number | null;
  /** Participants who joined and were not removed. */
  tookPart: number;
  /** Of those: joined before the live session ended… */
  room: number;
  /** …and after it (online). */
  online: number;
  /** tookPart / invited (may exceed 1); null when invited is null or 0. */
  turnout: number | null;
  /** tookPart / all who took part; 0 when nobody did. */
  share: number;
  /** invited / all invited of the groups with a known number; null when this group's is not known. */
  invitedShare: number | null;
  /** share / invitedShare; null when invitedShare is null or 0. */
  ratio: number | null;
  /** The warning (REPRESENTATION_LIMITS). */
  under: boolean;
}

export interface Representation {
  groups: GroupRepresentation[];
  /** Sum of the known invited numbers; null when no group has one. */
  invited: number | null;
  tookPart: number;
  /** Group ids with `under`, in group order. */
  underGroupIds: string[];
}
