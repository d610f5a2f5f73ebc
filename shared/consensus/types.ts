/**
 * Inputs and outputs of the consensus math. Everything here is plain JSON: no Map, no
 * undefined inside arrays, no NaN or Infinity. A number that is not defined is `null`.
 */

export type ValueId = string;
export type GroupId = string;
export type ParticipantId = string;

/** Dots spread over values; non-negative integers. */
export type DotsAnswer = { kind: 'dots'; dots: Record<ValueId, number> };
/** First = most important; the top K (may be fewer than all values). */
export type RankAnswer = { kind: 'rank'; order: ValueId[] };
/** Non-negative integers summing to 100. */
export type PointsAnswer = { kind: 'points'; points: Record<ValueId, number> };
export type VoteAnswer = DotsAnswer | RankAnswer | PointsAnswer;
export type VoteKind = VoteAnswer['kind'];

export interface Response<A> {
  participantId: ParticipantId;
  groupId: GroupId;
  answer: A;
}

export interface VoteInput {
  kind: VoteKind;
  /** The values that take part, in display order (ties in priority keep this order). */
  valueIds: ValueId[];
  /** All stakeholder groups of the workshop, in display order. */
  groupIds: GroupId[];
  /** One (the last) answer per participant; answers of another kind and ids not in valueIds are ignored. */
  responses: Response<VoteAnswer>[];
  /** Groups with fewer responses are left out of the groups lens (default 3). */
  minGroupSize: number;
  /** dots: N, the dots each participant may spend (for normalising); unused otherwise. */
  dotsPerParticipant?: number;
  /** dots: the most dots one participant may put on one value, when capped below N; unused otherwise. */
  dotsMaxPerValue?: number;
  /** rank: K (default: the longest order given). */
  topK?: number;
}

/** Over the per-participant scores of one value. Population sd; quartiles by linear interpolation (type 7). */
export interface Spread {
  mean: number;
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface ValueResult {
  valueId: ValueId;
  /** 1-based, standard competition ranking (1, 2, 2, 4). */
  position: number;
  /** dots: total dots; rank: Borda total; points: mean points. */
  score: number;
  /**
   * The mean score per participant ÷ VoteResults.scaleMax (the most one participant can give one
   * value), 0..1: 1 = everyone gave it the most they could (rank: everyone ranked it first). The
   * unit rounds are compared in: it does not grow with turnout or with K. 0 with no answers.
   */
  normalizedScore: number;
  /** score / sum of all values' scores (0 when that sum is 0). */
  share: number;
  /** Per participant: dots given / Borda points / points given. */
  spread: Spread;
  /** Tastle–Wierman consensus of the per-participant scores, 0..1; null with fewer than 2 answers. */
  agreement: number | null;
  /**
   * Participants who support it (see collectBallots): dots → gave ≥ 1 dot; rank → ranked it in the
   * upper half of the ballot, position ≤ ⌈n/2⌉ of the n values (and in their top K); points →
   * gave at least an equal share, points ≥ 100 / n.
   */
  supporters: number;
  /** supporters / answers (0 when there are no answers). */
  supportShare: number;
}

export interface KendallW {
  w: number;
  /** Raters. */
  m: number;
  /** Items. */
  n: number;
  chiSquare: number;
  df: number;
  /** P(a W at least this large | random orders): exact for small untied rooms, else χ² (see kendallW). */
  p: number;
  pMethod: 'exact' | 'chi-square';
  tieCorrected: boolean;
}

export type AgreementLevel = 'none' | 'weak' | 'moderate' | 'strong' | 'very-strong';

export interface LensCell {
  groupId: GroupId;
  /** The group's aggregate normalised to 0..1 (see computeGroupsLens). */
  score: number;
  /** Smoothed support (supporters + 1) / (answers + 2). */
  support: number;
  supporters: number;
  answers: number;
}

export interface CommonGroundItem {
  valueId: ValueId;
  /** Geometric mean of the included groups' smoothed support. */
  score: number;
  lowestGroupId: GroupId;
  lowestSupport: number;
  /**
   * Called common ground (the board, the console, the summary, the report and the export all use
   * this one flag): at least 2 included groups and lowestSupport ≥ COMMON_GROUND_MIN_SUPPORT (0.5),
   * i.e. in every included group at least half the members support it.
   */
  flagged: boolean;
}

export interface TensionItem {
  valueId: ValueId;
  /** max − min of the included groups' normalised scores, 0..1. */
  spread: number;
  highGroupId: GroupId;
  lowGroupId: GroupId;
  /** Called a tension everywhere: spread ≥ TENSION_MIN_SPREAD (0.2), equality within EPSILON counting. */
  flagged: boolean;
}

export interface ExcludedGroup {
  groupId: GroupId;
  answers: number;
}

export interface GroupsLens {
  includedGroupIds: GroupId[];
  /** Fewer than minGroupSize answers (including 0). */
  excludedGroups: ExcludedGroup[];
  /** Only included groups, in groupIds order. */
  cells: Record<ValueId, LensCell[]>;
  /** All values, by score desc (ties within EPSILON: valueIds order); empty when no group is included. */
  commonGround: CommonGroundItem[];
  /** By spread desc (ties within EPSILON: valueIds order); empty with fewer than 2 included groups. */
  tension: TensionItem[];
  /** rank only ({} for other kinds); included groups only. */
  withinGroupW: Record<GroupId, KendallW | null>;
  /** Spearman's rho between two included groups' value scores, each pair once. */
  betweenGroups: { a: GroupId; b: GroupId; rho: number | null }[];
}

export interface VoteResults {
  kind: VoteKind;
  answers: number;
  answersByGroup: Record<GroupId, number>;
  /** The most one participant can give one value: the top of the agreement scale and the divisor of normalizedScore and the lens scores. */
  scaleMax: number;
  /** Sorted by position (ties: valueIds order). */
  values: ValueResult[];
  /** Over the orders participants gave (rank) or their scores imply (dots, points); null with fewer than 2 non-empty orders or fewer than 2 values. */
  kendallW: KendallW | null;
  /** From kendallW.w (null when W is). */
  agreementLevel: AgreementLevel | null;
  lens: GroupsLens;
}

export interface RoundValueChange {
  valueId: ValueId;
  positionBefore: number | null;
  positionAfter: number;
  /** Positive = moved up. */
  positionChange: number | null;
  /** normalizedScore in the previous round (0..1), so a change of K or turnout does not move it. */
  scoreBefore: number | null;
  /** normalizedScore in this round (0..1). */
  scoreAfter: number;
  /** scoreAfter − scoreBefore, −1..1. */
  scoreChange: number | null;
}

export interface RoundComparison {
  values: RoundValueChange[];
  wBefore: number | null;
  wAfter: number | null;
  wChange: number | null;
}

// ---- Collaboration scan ----

export type ScanFactor = 'motivation' | 'organisation' | 'interaction' | 'result';

export interface ScanAnswer {
  kind: 'scan';
  /** statementId → 1..5 (disagree … agree). */
  scores: Record<string, number>;
}

export interface ScanInput {
  statements: { id: string; factor: ScanFactor }[];
  groupIds: GroupId[];
  responses: Response<ScanAnswer>[];
  minGroupSize: number;
}

export interface ScanFactorResult {
  factor: ScanFactor;
  mean: number | null;
  sd: number | null;
  answers: number;
  /** Tastle–Wierman on 1..5; null with fewer than 2 answers. */
  agreement: number | null;
  /** Included groups only. */
  byGroup: { groupId: GroupId; mean: number | null; answers: number }[];
}

export interface ScanStatementResult {
  statementId: string;
  mean: number | null;
  sd: number | null;
  answers: number;
}

export interface ScanResults {
  answers: number;
  /** In the order motivation, organisation, interaction, result. */
  factors: ScanFactorResult[];
  statements: ScanStatementResult[];
  includedGroupIds: GroupId[];
  excludedGroups: ExcludedGroup[];
}
