/**
 * From raw responses to ballots: one row of per-value scores per participant, the only input
 * the rest of the vote math reads.
 */
import { bordaScores, resolveTopK } from './borda.js';
import { lastPerParticipant, uniqueIds } from './groups.js';
import { midRanks } from './stats.js';
import type {
  DotsAnswer,
  GroupId,
  ParticipantId,
  PointsAnswer,
  RankAnswer,
  Response,
  ValueId,
  VoteAnswer,
  VoteInput,
  VoteKind,
} from './types.js';

export interface Ballot {
  participantId: ParticipantId;
  groupId: GroupId;
  /** Aligned with BallotBox.valueIds: dots given / Borda points / points given. */
  scores: number[];
  /** Aligned with BallotBox.valueIds: does this participant support the value (see collectBallots)? */
  supports: boolean[];
}

export interface BallotBox {
  kind: VoteKind;
  /** input.valueIds without repeats. */
  valueIds: ValueId[];
  /** input.groupIds without repeats. */
  groupIds: GroupId[];
  ballots: Ballot[];
  /**
   * The most one participant can give one value: the top of the agreement scale (its bottom is
   * 0) and the divisor of the lens' normalised group scores.
   */
  scaleMax: number;
  /** rank: K; 0 for the other kinds. */
  topK: number;
}

/** A usable amount of dots or points: a finite number > 0, else 0 (the server validates; this keeps NaN off the board). */
function amount(record: Record<ValueId, number>, id: ValueId): number {
  if (typeof record !== 'object' || record === null || !Object.hasOwn(record, id)) return 0;
  const v = record[id];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function isKind<K extends VoteKind>(kind: K) {
  return (r: Response<VoteAnswer>): r is Response<Extract<VoteAnswer, { kind: K }>> =>
    typeof r.answer === 'object' && r.answer !== null && r.answer.kind === kind;
}

/**
 * Turns the input into ballots:
 * - answers of another kind are dropped first, then each participant's last answer counts;
 * - ids not in valueIds are ignored; amounts that are not finite numbers > 0 count as 0;
 * - dots: score = dots given; supports = gave ≥ 1 dot;
 *   scaleMax = the most one participant may put on one value: min(N, cap) with N =
 *   dotsPerParticipant and cap = dotsMaxPerValue (either alone when only one is a positive
 *   number), raised to the most dots anyone actually gave one value if that is higher; with
 *   neither, the most dots any participant spent in total (the observed budget); 0 when no dots
 *   were given at all;
 * - rank: K = resolveTopK; score = Borda points (bordaScores); supports = ranked in the upper
 *   half of the ballot: at a position ≤ ⌈n/2⌉ of the n values (position r has Borda points
 *   K − r + 1, so: points ≥ K + 1 − ⌈n/2⌉ and > 0). With K ≤ ⌈n/2⌉ that is "in the top K" as
 *   before; with K above it (rank all, or K ≥ n) each participant still supports only the better
 *   half, so support tells values apart — "in the top K" would make everyone support every value
 *   in a rank-all vote, and common ground would be the first cards in display order. ⌈ ⌉ rather
 *   than ⌊ ⌋ so that the middle value of an odd ballot and the only value of a one-value ballot
 *   count as supported;
 *   scaleMax = K;
 * - points: score = points given; supports = points ≥ 100 / n, at least an equal share
 *   (compared as points · n ≥ 100, exactly). An equal share is what a participant with no
 *   preference gives every value, so at least that much means "I would not take points from it";
 *   and with one value, 100 points is support (a "more than an equal share" rule would leave
 *   nobody supporting the only value even at 100);
 *   scaleMax = 100 (or more if someone gave more, so scores stay on the scale).
 */
export function collectBallots(input: VoteInput): BallotBox {
  const valueIds = uniqueIds(input.valueIds);
  const groupIds = uniqueIds(input.groupIds);
  const n = valueIds.length;
  const base = { kind: input.kind, valueIds, groupIds };

  if (input.kind === 'rank') {
    const responses = lastPerParticipant(input.responses.filter(isKind('rank')));
    const orderOf = (r: Response<RankAnswer>): ValueId[] => (Array.isArray(r.answer.order) ? r.answer.order : []);
    const topK = resolveTopK(responses.map(orderOf), valueIds, input.topK);
    // Position r ≤ ⌈n/2⌉ ⟺ Borda points K − r + 1 ≥ K + 1 − ⌈n/2⌉; unranked (0 points) never.
    const minPoints = Math.max(1, topK + 1 - Math.ceil(n / 2));
    const ballots = responses.map((r) => {
      const scores = bordaScores(orderOf(r), valueIds, topK);
      return { participantId: r.participantId, groupId: r.groupId, scores, supports: scores.map((s) => s >= minPoints) };
    });
    return { ...base, ballots, scaleMax: topK, topK };
  }

  let maxSingle = 0;
  let maxTotal = 0;
  const toBallot = (r: Response<DotsAnswer | PointsAnswer>, record: Record<ValueId, number>, supports: (s: number) => boolean): Ballot => {
    const scores = valueIds.map((id) => amount(record, id));
    let total = 0;
    for (const s of scores) {
      maxSingle = Math.max(maxSingle, s);
      total += s;
    }
    maxTotal = Math.max(maxTotal, total);
    return { participantId: r.participantId, groupId: r.groupId, scores, supports: scores.map(supports) };
  };

  if (input.kind === 'dots') {
    const responses = lastPerParticipant(input.responses.filter(isKind('dots')));
    const ballots = responses.map((r) => toBallot(r, r.answer.dots, (s) => s >= 1));
    const limits = [input.dotsPerParticipant, input.dotsMaxPerValue].filter(
      (x): x is number => x !== undefined && Number.isFinite(x) && x > 0,
    );
    const declared = limits.length === 0 ? null : Math.min(...limits);
    return { ...base, ballots, scaleMax: declared === null ? maxTotal : Math.max(declared, maxSingle), topK: 0 };
  }

  const responses = lastPerParticipant(input.responses.filter(isKind('points')));
  const ballots = responses.map((r) => toBallot(r, r.answer.points, (s) => s > 0 && s * Math.max(1, n) >= 100));
  return { ...base, ballots, scaleMax: Math.max(100, maxSingle), topK: 0 };
}

/**
 * The rankings that enter Kendall's W: each ballot's scores turned into mid-ranks, highest score
 * = rank 1. For a rank ballot that is the participant's order, with the values outside their top
 * K sharing the mean of the remaining ranks (top 3 of 6 → 1, 2, 3, 5, 5, 5). Ballots whose
 * scores are all equal (an empty ranking) are left out: they express no order, and counting
 * them would lower W for everyone.
 */
export function rankingsForW(ballots: readonly Ballot[]): number[][] {
  return ballots
    .filter((b) => b.scores.some((s) => s !== b.scores[0]))
    .map((b) => midRanks(b.scores, true));
}
