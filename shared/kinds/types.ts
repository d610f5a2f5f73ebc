/**
 * An activity kind as one module. Everything the shared side knows about a kind lives in its
 * folder under shared/kinds/<kind>/ and is reached through the table KIND_MODULES
 * (shared/kinds/index.ts), typed `{ [K in ActivityKind]: KindModule<K> }`: a kind that is
 * missing, or misses a part, does not compile.
 */
import type { Result } from '../protocol/errors.js';
import type { Answer } from '../domain/answers.js';
import type { Caps } from '../domain/limits.js';
import type { ActivityResults, VoteOf } from '../domain/results.js';
import type { Summary } from '../domain/summary.js';
import type { ExportDocument } from '../domain/export.js';
import type { Activity, ActivityConfig, ActivityKind, StoredAnswer, WorkshopState } from '../domain/types.js';

/** The answer of one kind (never for explore, which takes none). */
export type AnswerOf<K extends ActivityKind> = Extract<Answer, { kind: K }>;

/** The item columns of one CSV row (docs/export.md, "CSV"); the rest comes from the answer. */
export interface CsvItem {
  item_id: string;
  item_title: string;
  position: string;
  amount: string;
  text: string;
}

export type ExportActivity = ExportDocument['activities'][number];

export interface ResultsContext {
  /** The activity's index in the agenda. */
  index: number;
  /** Vote results (cached by the server's live views). */
  voteOf: VoteOf;
}

export interface KindModule<K extends ActivityKind> {
  readonly kind: K;
  /** The fewest values `activity:configure` accepts in `valueIds` (0: the kind is not about values; minBallotValues). */
  readonly minValues: number;
  /**
   * The phones get every value that takes part, so the `valuesPerVote` cap applies when it opens
   * (ballotSize, ballotCapRefusal): the votes. False for a kind without values, or one that
   * takes a few values of its own at open (options).
   */
  readonly valuesOnBallot: boolean;
  /** The kind has results to reveal (`activity:control` reveal / hide). */
  readonly hasResults: boolean;
  /** This kind's fields of a new activity's config; the rest are the common defaults. */
  defaultConfig(): Partial<ActivityConfig>;
  /**
   * The kind takes answers (`answer:submit`). Its zod schema is not a member: the module is
   * zod-free so the phone can use its rules without loading zod. The schemas are in
   * ANSWER_SCHEMAS (shared/domain/answers.ts), a table keyed by the kinds that take answers.
   */
  readonly takesAnswers: boolean;
  /**
   * Why the activity cannot open as it is set up (an options step without its options), or
   * null. actionRefusal asks it for `open`, so the console offers Open exactly when decide() accepts it.
   */
  openRefusal(activity: Pick<Activity, 'kind' | 'config'>): string | null;
  /** The checks against the activity (budget, which values/statements/options); the canonical answer to store. */
  validateAnswer(activity: Pick<Activity, 'kind' | 'config'>, valueIds: readonly string[], answer: Answer): Result<Answer>;
  /**
   * The kind's own checks of an `activity:configure` (after the common ones): the changes that
   * differ from the activity now. ok(null) when they are fine.
   */
  checkConfig(state: WorkshopState, activity: Activity, changes: Partial<ActivityConfig>, caps: Caps): Result<null>;
  /** What the config freezes when the activity opens (a vote: the values visible then). {} for none. */
  configAtOpen(state: WorkshopState, activity: Activity): Partial<ActivityConfig>;
  /** The results, computed with the consensus math; null when the kind has none (explore). */
  results(state: WorkshopState, activity: Activity, ctx: ResultsContext): ActivityResults | null;
  /**
   * What the results read besides the activity's own answers, for the live views' cache key:
   * other activities' answers (a vote's previous round, the options' weighting vote) and whether
   * endorsements of open answers count.
   */
  resultsInputs(state: WorkshopState, activity: Activity): { activityIds: string[]; endorsements: boolean };
  /** The text of one open answer field of a stored answer (for `open-answer:endorse`); null when there is none. */
  openAnswerText(activity: Activity, stored: StoredAnswer, field: string): string | null;
  /** The CSV rows' item columns for one answer. */
  csvItems(doc: ExportDocument, activity: ExportActivity, answer: Answer): CsvItem[];
  /**
   * This kind's part of "what we found together", from every activity's results in agenda order.
   * Kinds that share a part (the votes) share the function, and buildSummary calls it once.
   */
  summary(results: readonly ActivityResults[]): Partial<Summary>;
  /**
   * This kind's config fields a template file carries (templateFromWorkshop), beyond the common
   * ones (timer, dots, rank K). Ids of this workshop (values, other activities) don't carry over.
   */
  templateConfig(config: ActivityConfig): Partial<ActivityConfig>;
}

/**
 * The part of a kind module the phone and the console's buttons use: what the kind is about, may
 * it open, and the answer checks. Each kind has it in shared/kinds/<kind>/rules.ts, reached through
 * KIND_RULES (shared/kinds/rules.ts), which imports no results, consensus math, export or zod — so
 * the phone's bundle carries the rules and nothing of what only the server computes.
 */
export type KindRules<K extends ActivityKind> = Pick<
  KindModule<K>,
  'kind' | 'minValues' | 'valuesOnBallot' | 'hasResults' | 'takesAnswers' | 'defaultConfig' | 'openRefusal' | 'validateAnswer'
>;
