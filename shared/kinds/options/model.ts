/**
 * The activity `options` ("Weigh the options"): its config, its answer and its results, as
 * plain types. Zod-free, so the phone's bundle can import them. The math is in math.ts, the
 * schemas and checks in schema.ts / validate.ts, the module that registers the kind in index.ts.
 */
import type { LocalizedCard } from '../../domain/types.js';
import type { ExcludedGroup } from '../../consensus/types.js';

/**
 * The five steps of "how well does this option serve this value": −2 works against it,
 * −1 works somewhat against it, 0 neither, +1 serves it somewhat, +2 serves it well. "Don't know"
 * is stored as null and counts nowhere (not as 0).
 */
export type OptionScore = -2 | -1 | 0 | 1 | 2;
export const OPTION_SCORES: readonly OptionScore[] = [-2, -1, 0, 1, 2];
export const OPTION_SCORE_MIN = -2;
export const OPTION_SCORE_MAX = 2;

export const OPTIONS_LIMITS = {
  /** Options one activity weighs. */
  options: { min: 2, max: 8 },
  /** Values that take part. */
  values: { min: 1, max: 8 },
  /** Values taken from the latest revealed vote when the facilitator did not pick any. */
  defaultValues: 6,
  optionTitle: 80,
  optionDescription: 280,
  /** The optional "why" sentence per option. */
  why: 280,
} as const;

/** One option, in both languages (the workshop's language is what the export's CSV uses). */
export interface OptionItem {
  id: string;
  text: LocalizedCard;
}

/**
 * Where each value's weight comes from:
 * - 'equal': every value weighs the same;
 * - 'room': the shares of the vote `voteActivityId` over the whole room;
 * - 'group': each group's own shares in that vote (a group that did not vote, or is below the
 *   minimum size, uses the room's).
 */
export type WeightMode = 'equal' | 'room' | 'group';
export const WEIGHT_MODES: readonly WeightMode[] = ['equal', 'room', 'group'];

export interface OptionWeights {
  mode: WeightMode;
  /** The vote (dots, rank or points) whose shares give the weights; null until picked or resolved at open. */
  voteActivityId: string | null;
}

/** optionId → valueId → score, null = "don't know". A value left out is not answered yet. */
export type OptionRatings = Record<string, Record<string, OptionScore | null>>;

export interface OptionsAnswer {
  kind: 'options';
  ratings: OptionRatings;
  /** optionId → the optional "why" sentence. */
  why: Record<string, string>;
}

/** Per option and value: the scores given (don't know left out). */
export interface OptionValueStats {
  valueId: string;
  /** Scores given (not counting "don't know"). */
  n: number;
  dontKnow: number;
  /** Mean score on −2..+2; null with no score. */
  mean: number | null;
  /** Population standard deviation; null with no score. */
  sd: number | null;
  /** Tastle–Wierman consensus on [−2, +2], 0..1; null with fewer than 2 scores. */
  agreement: number | null;
}

export interface OptionGroupResult {
  groupId: string;
  /** Members of the group who answered this activity. */
  answers: number;
  /** The group's weighted fit (−2..+2) from its own means and the weights it uses; null with no score. */
  fit: number | null;
  /** The weights it uses are its own (mode 'group' and it has weights of its own); else the room's. */
  ownWeights: boolean;
  /** Members whose own weighted fit for the option is ≥ 0, of the members with a fit. */
  canLiveWith: number;
  withFit: number;
  /** Smoothed share (canLiveWith + 1) / (withFit + 2). */
  share: number;
  values: OptionValueStats[];
}

export interface OptionResult {
  optionId: string;
  /** 1-based competition ranking by the room's fit (options without a fit last). */
  position: number;
  /** The room's weighted fit, −2..+2; null with no score. */
  fit: number | null;
  values: OptionValueStats[];
  /** Included groups only, in the workshop's group order. */
  groups: OptionGroupResult[];
  /**
   * "Every group can live with it": geometric mean of the included groups' shares, with the
   * lowest group; null with no included group, or when no member of an included group has a fit.
   */
  liveWith: { score: number; lowestGroupId: string; lowestShare: number } | null;
  /** "What splits us": the value whose included groups' means differ most; null with fewer than 2 groups with means. */
  split: { valueId: string; spread: number; highGroupId: string; lowGroupId: string } | null;
}

export interface OptionsResults {
  answers: number;
  answersByGroup: Record<string, number>;
  /** The values that took part, in the activity's order. */
  valueIds: string[];
  weights: {
    mode: WeightMode;
    voteActivityId: string | null;
    /** valueId → weight, summing to 1 (equal weights when the mode is 'equal' or the vote gives none). */
    room: Record<string, number>;
    /**
     * Per included group: its own weights from the vote, summing to 1; null when the group has
     * none (did not vote, below the minimum size there, or gave these values nothing).
     */
    byGroup: Record<string, Record<string, number> | null>;
  };
  /** By position (ties: the activity's option order). */
  options: OptionResult[];
  /** The room's winner: the option(s) with the highest fit (several on a tie); empty with no fit. */
  winnerIds: string[];
  /** The option(s) with the highest liveWith score; empty with no included group. */
  liveWithIds: string[];
  /**
   * "Whose values decide": per included group with its own weights (group order), the winner(s)
   * under those weights applied to the room's means, and every option's fit under them (option order).
   */
  whoseValues: {
    groupId: string;
    winnerIds: string[];
    /** This group's winner is not the room's (and it has one): its weights would flip the outcome. */
    differs: boolean;
    fits: { optionId: string; fit: number | null }[];
  }[];
  /** Some group in whoseValues has a winner, and it differs from the room's winner. */
  flips: boolean;
  includedGroupIds: string[];
  excludedGroups: ExcludedGroup[];
}

/** Part of "what we found together": the last options activity with answers. */
export interface OptionsSummary {
  activityId: string;
  winnerIds: string[];
  liveWithIds: string[];
  /** The lowest group for the first of liveWithIds, with its share. */
  lowestGroupId: string | null;
  lowestShare: number | null;
  flips: boolean;
}
