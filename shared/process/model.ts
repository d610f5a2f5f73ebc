import type { ExportDocument } from '../domain/export.js';
import type { FeedbackView } from '../domain/feedbackModel.js';
import type { AnswerChannel, OnlineWindow, Representation } from '../domain/onlineModel.js';
import type { CommonGroundItem, ScanFactor, TensionItem } from '../consensus/types.js';
import type { Lang, Localized, LocalizedCard, TemplateId } from '../domain/types.js';

/**
 * A process ("traject"): the meetings of one neighbourhood plan over months or years. It holds
 * its stakeholder groups with how many people were invited (or live there) per group, and its
 * meetings — workshops created inside it, each starting from the previous one's groups and
 * values. Zod-free (the HTTP bodies' schemas are in schema.ts).
 */

export interface ProcessGroup {
  /** The same id in every meeting of the process: a meeting's groups are the process's groups. */
  id: string;
  name: string;
  /** Present for the default groups, so each screen can show its own language. */
  i18n?: Localized;
  /** People invited or living there; null when not known. */
  invited: number | null;
}

export interface ProcessState {
  id: string;
  /** The public code: `/p/CODE` is the read-only process page. Same alphabet as join codes, its own namespace. */
  code: string;
  title: string;
  /** The neighbourhood or plan ("Wijk Lombok, warmteplan"). */
  area: string;
  language: Lang;
  /** sha-256 of the organiser token; the token opens the process page and the console of every meeting in it. */
  organiserTokenHash: string;
  groups: ProcessGroup[];
  /** Workshop ids of its meetings, oldest first. */
  meetingIds: string[];
  /** Client-made request id → what it created or changed, so a retried request stores nothing twice (the newest PROCESS_LIMITS.requestMemory). */
  requests: { id: string; workshopId: string | null }[];
  createdAt: number;
  updatedAt: number;
}

export const PROCESS_LIMITS = {
  title: 120,
  area: 120,
  meetings: 50,
  invitedMax: 10_000_000,
  requestMemory: 200,
} as const;

/** What a meeting (workshop) of a process knows of it: in its state as `process`. */
export interface ProcessRef {
  id: string;
  code: string;
  title: string;
  /** 1 for the first meeting. */
  meeting: number;
}

// ---- HTTP responses ----

/** 201 from `POST /api/processes`. The organiser token is shown this once; only its hash is stored. */
export interface CreateProcessResponse {
  code: string;
  processId: string;
  organiserToken: string;
  /** `organiser`: `/p/CODE#<organiserToken>` (the token in the fragment); `public`: `/p/CODE`. */
  urls: { organiser: string; public: string };
}

/** 201 (or 200 for a retried request id) from `POST /api/processes/:code/meetings`. */
export interface CreateMeetingResponse {
  code: string;
  workshopId: string;
  meeting: number;
  /** Console `/f/CODE` (open it with the organiser token in the fragment), board, join page. */
  urls: { host: string; board: string; join: string };
  joinUrl: string;
}

// ---- The process page (GET /api/processes/:code, and with the organiser token) ----

export interface ProcessMeeting {
  workshopId: string;
  code: string;
  title: string;
  /** The meeting's number in the process (its state's `process.meeting`), 1 for the first; series points and `agreement` name meetings by it. */
  index: number;
  createdAt: number;
  /** When the first step opened; null when none did yet. */
  heldAt: number | null;
  /** When the live session ended (the online window opened); null while it did not. */
  liveEndedAt: number | null;
  online: OnlineWindow | null;
  representation: Representation;
  /**
   * The vote the priorities and W are taken from: the last vote with answers (as the summary).
   * On the public page only the steps the meeting's room was shown count: results revealed, or
   * every step once the summary was sent to the phones (the same holds for scan and options).
   */
  voteActivityId: string | null;
  voteKind: 'dots' | 'rank' | 'points' | null;
  /** Kendall's W of that vote over the whole room (Summary.kendallW; for dots and points over the orders the scores imply); null with too few answers. */
  kendallW: number | null;
  /** Answers the vote's numbers rest on, per channel. */
  voteAnswers: Record<AnswerChannel, number>;
  /** Flagged common ground and tensions of that vote (Summary.commonGround / tensions). */
  commonGround: CommonGroundItem[];
  tensions: TensionItem[];
  /** The last scan with answers: factor means (1..5); empty when there is none. */
  scan: { factor: ScanFactor; mean: number | null; answers: number }[];
  /** Options: the room's winner and the option every group can live with (titles in both languages). */
  options: { winner: Localized | null; liveWith: Localized | null } | null;
  /** Public page: published entries only (null when not published). Organiser: every entry, publishedAt null while a draft. */
  feedback: FeedbackView | null;
  /** The title of each option a feedback entry is about (`<activityId>:<optionId>` → both languages), so a page can name it. */
  feedbackOptions: Record<string, Localized>;
}

/** One value across the meetings, by its id (a meeting starts with the previous one's value ids; a merge follows mergedInto). */
export interface ValueSeries {
  valueId: string;
  title: string;
  i18n?: LocalizedCard;
  /**
   * One point per meeting, in meeting order; nulls where the value was not voted on. A meeting
   * whose vote does not hold the value itself takes the card it was merged into there.
   * position, normalizedScore, share: the vote's ValueResult (docs/export.md).
   */
  points: { meeting: number; position: number | null; normalizedScore: number | null; share: number | null }[];
}

export interface ProcessReport {
  process: { id: string; code: string; title: string; area: string; language: Lang; createdAt: number };
  groups: ProcessGroup[];
  meetings: ProcessMeeting[];
  /** Values that were on any meeting's vote, by their best position over the meetings (ties: the order first seen, meeting by meeting in the vote's order). */
  values: ValueSeries[];
  /** Per meeting in order: W (null where not defined). */
  agreement: { meeting: number; kendallW: number | null }[];
  /** Per meeting in order: the scan's four factor means (null where no scan). */
  scan: { meeting: number; factors: { factor: ScanFactor; mean: number | null }[] }[];
  /** true on the organiser's version (every feedback draft, console links). */
  organiser: boolean;
}

// ---- The process export (GET /api/processes/:code/export, organiser) ----

export const PROCESS_EXPORT_SCHEMA_VERSION = 1;

export interface ProcessExportDocument {
  schemaVersion: typeof PROCESS_EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  process: { id: string; code: string; title: string; area: string; language: Lang; createdAt: string; updatedAt: string };
  groups: ProcessGroup[];
  /** The organiser's report, the numbers the process page shows. */
  report: ProcessReport;
  /** Each meeting's full workshop export (docs/export.md), oldest first. */
  meetings: ExportDocument[];
}

/** What a new meeting starts from (POST /api/processes/:code/meetings). */
export type MeetingAgendaSource = 'previous' | TemplateId;
