/**
 * An activity kind on the client, as one module: everything a screen shows for a kind is
 * registered in its folder under client/src/kinds/<kind>/ and reached through CLIENT_KINDS
 * (client/src/kinds/index.ts), typed `{ [K in ActivityKind]: ClientKind<K> }` — a kind that is
 * missing, or misses a part, does not compile. A part a kind truly has none of is `null`, said
 * in the kind's own module.
 */
import type { ComponentType } from 'react';
import type { ActivityKind, ActivityResults, CommandInput, Lang, PublicActivity } from '../../../shared/index.js';
import type { ExportActivity } from '../views/report/reportData.js';
import type { SummaryNames } from '../views/summary/SummaryContent.js';

/** What every per-step view gets: the step as the room sees it. */
export interface StepProps {
  activity: PublicActivity;
}

export interface PhonePart {
  /** The phone's screen while the step is open, paused or closed (see afterClose). */
  Step: ComponentType<StepProps>;
  /**
   * Once the step is closed: 'step' keeps the kind's own screen (a vote's or scan's results
   * after reveal, the answer given), 'closed' shows "this step is closed".
   */
  afterClose: 'step' | 'closed';
  /** Fetches the step's code ahead, when it is a chunk of its own: the phone calls it once the agenda has a step of this kind. */
  preload?: () => Promise<unknown>;
}

export interface BoardPart {
  /** The board's body under the question while the step runs (and after it, see below). */
  View: ComponentType<StepProps>;
  /** The step stays on the board after it closes while its results are revealed. */
  revealedAfterClose: boolean;
}

export type ReportNames = SummaryNames & { groupIndex: (id: string) => number };

export interface ReportSectionProps {
  activity: ExportActivity;
  results: ActivityResults | null;
  names: ReportNames;
  lang: Lang;
  minGroupSize: number;
}

export interface ReportPart {
  /** The step's results have answers to print; otherwise the report says "no results". */
  hasResults(results: ActivityResults | null): boolean;
  /** The step's results in the report (rendered only when hasResults). */
  Section: ComponentType<ReportSectionProps>;
}

/** The fields of `activity:configure` besides the activity's id. */
export type ConfigureChanges = Omit<CommandInput<'activity:configure'>, 'activityId'>;

/** What a settings part adds to the dialog's save: the changes (only what differs), or why it cannot be saved. */
export type SettingsCheck = { changes: ConfigureChanges } | { problem: string };

export interface SettingsProps {
  activity: PublicActivity;
  /** Answers are in: the server refuses changes to what shapes the answers (host view's answerShapingLocked). */
  locked: boolean;
  /**
   * A part whose fields are saved with the dialog's own Save button hands the dialog a check
   * to call at save time (null when it has nothing to add); one `activity:configure` carries the
   * question, the timer and these changes together. A part with its own save button (a vote's
   * settings, shared with the results panel) never calls it.
   */
  bind(check: (() => SettingsCheck) | null): void;
}

export interface ClientKind<K extends ActivityKind> {
  readonly kind: K;
  /** A small pictogram (decoration: the kind's name is always next to it). */
  Icon: ComponentType;
  /** The step takes answers (the agenda, the run bar and the report count them). */
  answers: boolean;
  phone: PhonePart;
  board: BoardPart;
  /**
   * The console's panel at the top of the main column while this step is the current one, or
   * null when the kind has none (its answers show on the wall and in the moderation).
   */
  Console: ComponentType<StepProps> | null;
  /** The step's section in the printed report, or null when the kind has no results. */
  report: ReportPart | null;
  /** The kind's own settings in the agenda's step dialog, or null when it has only the question and timer. */
  Settings: ComponentType<SettingsProps> | null;
}
