import type { Answer } from './answers.js';
import type { OptionItem, OptionWeights } from '../kinds/options/model.js';
import type { FeedbackEntry } from './feedbackModel.js';
import type { AnswerChannel, OnlineWindow } from './onlineModel.js';
import type { ProcessRef } from '../process/model.js';

/**
 * The workshop's state: what the server stores (as the events that built it) and what
 * every view is derived from. Plain JSON, no classes, so it round-trips through SQLite.
 */
export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export interface Localized {
  nl: string;
  en: string;
}

export interface LocalizedCard {
  nl: { title: string; description: string };
  en: { title: string; description: string };
}

export type TemplateId = 'heat-transition' | 'social-domain' | 'collaboration-checkup' | 'empty';
export const TEMPLATE_IDS: readonly TemplateId[] = ['heat-transition', 'social-domain', 'collaboration-checkup', 'empty'];

export interface Group {
  id: string;
  name: string;
  /** Present for the default groups, so each phone can show its own language. */
  i18n?: Localized;
  /**
   * People invited or living there, as the workshop's process says (`groups:invited`); null or
   * absent when not known (a workshop outside a process, or stored before processes existed).
   */
  invited?: number | null;
}

export interface Participant {
  id: string;
  /** Only shown to the room when the facilitator allowed names. */
  name: string | null;
  groupId: string;
  joinedAt: number;
  /** sha-256 of the participant token; never leaves the server. */
  tokenHash: string;
  removed: boolean;
}

export type ValueOrigin = 'template' | 'facilitator' | 'participant';

export interface Value {
  id: string;
  title: string;
  description: string;
  /** Both languages of a template card; dropped when the facilitator edits the card. */
  i18n?: LocalizedCard;
  origin: ValueOrigin;
  proposedBy: string | null;
  /** The proposer's group at the time, for provenance after merges. */
  groupId: string | null;
  hidden: boolean;
  /** Set when this card was merged into another; the card is then no longer shown. */
  mergedInto: string | null;
  /** Every card merged into this one, transitively, oldest first. */
  mergedFrom: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Story {
  id: string;
  valueId: string;
  /** The value the story was written for, before any merge moved it. */
  originalValueId: string;
  participantId: string;
  text: string;
  hidden: boolean;
  createdAt: number;
  /** Participant ids, in the order they endorsed. */
  endorsements: string[];
}

export interface Settings {
  allowProposals: boolean;
  allowNames: boolean;
  /** Groups with fewer answers are left out of the groups lens. */
  minGroupSize: number;
  /**
   * New phones may join. When false, `participant:join` is refused (`NOT_ALLOWED`); phones that
   * joined before keep their token and go on answering. A workshop stored before this setting
   * existed reads as open (see settingsWithDefaults).
   */
  joiningOpen: boolean;
}

export type ActivityKind = 'explore' | 'dots' | 'rank' | 'points' | 'scan' | 'options';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['explore', 'dots', 'rank', 'points', 'scan', 'options'];

export type ActivityStatus = 'pending' | 'open' | 'locked' | 'closed';

export type ScanFactor = 'motivation' | 'organisation' | 'interaction' | 'result';
export const SCAN_FACTORS: readonly ScanFactor[] = ['motivation', 'organisation', 'interaction', 'result'];

export interface ScanStatement {
  id: string;
  factor: ScanFactor;
  text: Localized;
}

export interface ActivityConfig {
  /** The values that take part; null means every visible value at the time of answering. */
  valueIds: string[] | null;
  timerSeconds: number | null;
  dotsPerParticipant: number;
  dotsMaxPerValue: number;
  /** Top K for rank; null means rank all. */
  rankK: number | null;
  /** Scan only. */
  statements: ScanStatement[];
  /** Options only: the options weighed (empty for every other kind). */
  options: OptionItem[];
  /**
   * Options only: where each value's weight comes from. Other kinds keep the default
   * `{ mode: 'room', voteActivityId: null }`. A workshop or template file stored before these two
   * fields existed reads with the defaults (configWithDefaults).
   */
  weights: OptionWeights;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  /** The question as the facilitator wrote it; null shows the kind's default question. */
  title: string | null;
  config: ActivityConfig;
  status: ActivityStatus;
  revealed: boolean;
  openedAt: number | null;
  /** When the timer runs out, if one is running. */
  endsAt: number | null;
}

/** A participant's latest answer to one activity; earlier ones stay in the event log. */
export interface StoredAnswer {
  /** The client-made id of the submission that counts. */
  answerId: string;
  answer: Answer;
  at: number;
  /** How many different answers this participant gave (1 = never changed). */
  revisions: number;
  /** Every client-made id seen, so a retried send is never counted twice. */
  answerIds: string[];
  /** Whether the answer that counts came in the live session or online after it; absent (stored before this existed) reads as 'room'. */
  channel?: AnswerChannel;
}

export interface WorkshopState {
  id: string;
  code: string;
  title: string;
  language: Lang;
  /** 'custom' when started from a template file. */
  template: TemplateId | 'custom';
  /** sha-256 of the host token. */
  hostTokenHash: string;
  createdAt: number;
  updatedAt: number;
  /** Number of events applied; the version clients compare. */
  seq: number;
  settings: Settings;
  groups: Group[];
  participants: Record<string, Participant>;
  values: Record<string, Value>;
  /** Display order of values (creation order). */
  valueOrder: string[];
  stories: Record<string, Story>;
  activities: Activity[];
  currentActivityId: string | null;
  /** activityId → participantId → latest answer. */
  answers: Record<string, Record<string, StoredAnswer>>;
  /** Scan open answers (`<activityId>:<participantId>:<answerId>:<field>`, see openAnswerId) → participant ids who endorsed them. */
  openAnswerEndorsements: Record<string, string[]>;
  /** When the facilitator sent the summary to the phones; null when not (or taken back). */
  summaryPublishedAt: number | null;
  /**
   * Ids of participants whose data was erased (`participant:erased`): a random id and nothing
   * else, kept so that a retried erase is acknowledged as done rather than NOT_FOUND. Absent in
   * states from before erasure existed.
   */
  erasedParticipantIds?: string[];
  /** The process this workshop is a meeting of; null or absent when it stands alone. */
  process?: ProcessRef | null;
  /** "You said, we did" entries, in the order written; absent reads as none. */
  feedback?: FeedbackEntry[];
  /** When the feedback was published at the join link; null or absent while not. */
  feedbackPublishedAt?: number | null;
  /** When the live session ended (the first `online:open`); null or absent while it did not: every answer is 'room'. */
  liveEndedAt?: number | null;
  /** The steps open online after the evening, and until when; null or absent when none. */
  online?: OnlineWindow | null;
}
