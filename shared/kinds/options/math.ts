/**
 * The math of the activity `options` ("Weigh the options"): pure, no I/O. From each
 * participant's scores (how well option o serves value v, −2..+2, or "don't know") and the
 * values' weights to the room's and the groups' fits, "every group can live with it", "whose
 * values decide" and "what splits us". Every formula is stated where it is computed.
 *
 * Notation: o an option, v a value (of the values that take part, V), g an included group,
 * x_{p,o,v} participant p's score (−2..+2; "don't know" and "not answered" are no score),
 * w_v a weight ≥ 0 with Σ_v w_v = 1.
 */
import { tastleWiermanConsensus } from '../../consensus/agreement.js';
import { collectBallots, type BallotBox } from '../../consensus/ballots.js';
import { atLeast, compareScores } from '../../consensus/compare.js';
import { countByGroup, lastPerParticipant, partitionGroups, uniqueIds } from '../../consensus/groups.js';
import { smoothedSupport } from '../../consensus/lens.js';
import { extremeIndex } from '../../consensus/ordering.js';
import { mean, populationSd } from '../../consensus/stats.js';
import type { VoteInput } from '../../consensus/types.js';
import { getOwn } from '../../domain/own.js';
import {
  OPTION_SCORE_MAX,
  OPTION_SCORE_MIN,
  OPTION_SCORES,
  type OptionGroupResult,
  type OptionRatings,
  type OptionResult,
  type OptionsResults,
  type OptionValueStats,
  type WeightMode,
} from './model.js';

/** valueId → weight. */
export type ValueWeights = Record<string, number>;

/** One participant's latest answer to the options activity. */
export interface OptionsResponse {
  participantId: string;
  groupId: string;
  ratings: OptionRatings;
}

export interface OptionsWeightsInput {
  mode: WeightMode;
  voteActivityId: string | null;
  /** The room's weights (e.g. from voteWeights); null → equal weights. Ignored with mode 'equal'. */
  room: ValueWeights | null;
  /** groupId → the group's own weights from the vote, or null when it has none. A group not listed has none. */
  byGroup: Record<string, ValueWeights | null>;
}

export interface OptionsInput {
  /** The options, in display order (ties keep this order). */
  optionIds: string[];
  /** The values that take part, in display order. */
  valueIds: string[];
  /** All stakeholder groups of the workshop, in display order. */
  groupIds: string[];
  /** The latest answer per participant (if one appears twice, the last one counts). */
  responses: OptionsResponse[];
  /** Groups with fewer responses are left out of every per-group figure and named (see effectiveMinGroupSize). */
  minGroupSize: number;
  weights: OptionsWeightsInput;
}

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/** w_v = 1 / |V| for every v. {} with no values. */
export function equalWeights(valueIds: readonly string[]): ValueWeights {
  const ids = uniqueIds(valueIds);
  return Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
}

/**
 * Weights renormalised over the values that take part: w_v = r_v / Σ_{u∈V} r_u, where r_v is
 * the raw weight of v when it is a finite number > 0, else 0 (a value missing from `raw`
 * weighs 0; ids outside V are ignored). null when `raw` is null or Σ r_u = 0 — there is no
 * weighting to speak of.
 */
export function normaliseWeights(raw: Readonly<Record<string, number>> | null, valueIds: readonly string[]): ValueWeights | null {
  if (raw === null || typeof raw !== 'object') return null;
  const ids = uniqueIds(valueIds);
  const r = ids.map((id) => {
    const x = getOwn(raw, id);
    return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
  });
  let total = 0;
  for (const x of r) total += x;
  if (!(total > 0)) return null;
  return Object.fromEntries(ids.map((id, i) => [id, (r[i] ?? 0) / total]));
}

/**
 * The values' weights from a vote's ballots (see collectBallots: per participant the dots
 * given, the Borda points, or the points given to each value):
 *
 *   room:      w_v = S_v / Σ_{u∈V} S_u,  S_v = Σ_p score_{p,v} over every ballot;
 *              Σ S_u = 0 (nobody voted, or nobody gave these values anything) → equal weights 1/|V|;
 *   group g:   w^g_v = S^g_v / Σ_{u∈V} S^g_u over the ballots of g's members only;
 *              null when g has fewer ballots than effectiveMinGroupSize(minGroupSize) (so also when
 *              it did not vote), or when Σ S^g_u = 0 (it gave these values nothing, so it has no
 *              weighting of its own among them). Null means "uses the room's".
 *
 * V is `valueIds`, the values that take part in the options activity: a value the vote did not
 * have scores 0, values of the vote outside V are left out and the shares are renormalised over
 * V. Every group of box.groupIds gets an entry, in that order.
 */
export function weightsFromBallots(
  box: BallotBox,
  valueIds: readonly string[],
  minGroupSize: number,
): { room: ValueWeights; byGroup: Record<string, ValueWeights | null> } {
  const ids = uniqueIds(valueIds);
  const column = new Map(box.valueIds.map((id, i) => [id, i]));
  const totals = (ballots: BallotBox['ballots']): ValueWeights =>
    Object.fromEntries(
      ids.map((id) => {
        const i = column.get(id);
        let s = 0;
        if (i !== undefined) for (const b of ballots) s += b.scores[i] ?? 0;
        return [id, s];
      }),
    );
  const room = normaliseWeights(totals(box.ballots), ids) ?? equalWeights(ids);
  const answersByGroup = countByGroup(box.groupIds, box.ballots.map((b) => b.groupId));
  const { includedGroupIds } = partitionGroups(box.groupIds, answersByGroup, minGroupSize);
  const included = new Set(includedGroupIds);
  const byGroup = Object.fromEntries(
    uniqueIds(box.groupIds).map((g) => [
      g,
      included.has(g) ? normaliseWeights(totals(box.ballots.filter((b) => b.groupId === g)), ids) : null,
    ]),
  );
  return { room, byGroup };
}

/**
 * The values' weights from a vote (dots, rank or points): collectBallots(vote), then
 * weightsFromBallots with the vote's own minGroupSize. See weightsFromBallots for the formulas.
 */
export function voteWeights(
  vote: VoteInput,
  valueIds: readonly string[],
): { room: ValueWeights; byGroup: Record<string, ValueWeights | null> } {
  return weightsFromBallots(collectBallots(vote), valueIds, vote.minGroupSize);
}

// ---------------------------------------------------------------------------------------------
// Per option × value
// ---------------------------------------------------------------------------------------------

/** A score read from an answer: a number −2..+2, null for "don't know", undefined for not answered (or not a valid score). */
type Cell = number | null | undefined;

function cellOf(ratings: OptionRatings, optionId: string, valueId: string): Cell {
  if (typeof ratings !== 'object' || ratings === null) return undefined;
  const perValue = getOwn(ratings, optionId);
  if (typeof perValue !== 'object' || perValue === null) return undefined;
  if (!Object.hasOwn(perValue, valueId)) return undefined;
  const x: unknown = perValue[valueId];
  if (x === null) return null;
  return typeof x === 'number' && (OPTION_SCORES as readonly number[]).includes(x) ? x : undefined;
}

/**
 * One value's figures over a set of cells:
 *   n = number of scores, dontKnow = number of "don't know" (not answered counts in neither),
 *   mean = Σx / n, sd = √(Σ(x − mean)² / n) (population), both null with n = 0,
 *   agreement = Tastle–Wierman consensus on [−2, +2] (tastleWiermanConsensus), null with n < 2.
 */
export function optionValueStats(valueId: string, cells: readonly Cell[]): OptionValueStats {
  const scores: number[] = [];
  let dontKnow = 0;
  for (const c of cells) {
    if (c === null) dontKnow++;
    else if (c !== undefined) scores.push(c);
  }
  const n = scores.length;
  return {
    valueId,
    n,
    dontKnow,
    mean: n === 0 ? null : mean(scores),
    sd: n === 0 ? null : populationSd(scores),
    agreement: tastleWiermanConsensus(scores, OPTION_SCORE_MIN, OPTION_SCORE_MAX),
  };
}

/**
 * Weighted fit of a set of per-value numbers m_v (means, or one person's scores), aligned
 * with the weights w_v:
 *
 *   fit = Σ_{v: m_v ≠ null} w_v · m_v / Σ_{v: m_v ≠ null} w_v,
 *
 * i.e. the weighted mean over the values that have a number, the weights renormalised over
 * them (a value nobody scored neither pulls the fit to 0 nor counts). null when no value with
 * a number has a weight > 0. On −2..+2 like the scores.
 */
export function weightedFit(values: readonly (number | null | undefined)[], weights: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  values.forEach((m, i) => {
    const w = weights[i] ?? 0;
    if (m === null || m === undefined || !(w > 0)) return;
    num += w * m;
    den += w;
  });
  return den > 0 ? num / den : null;
}

/**
 * The ids whose number is the highest: every non-null x with no other x' greater
 * (compareScores, so numbers equal within EPSILON tie), in `ids` order. [] when all are null.
 * The same rule as position 1 of competitionPositions.
 */
function topIds(ids: readonly string[], xs: readonly (number | null)[]): string[] {
  const present = xs.filter((x): x is number => x !== null);
  return ids.filter((_, i) => {
    const x = xs[i];
    return x !== null && x !== undefined && !present.some((y) => compareScores(y, x) > 0);
  });
}

/**
 * Competition ranking ("1224") by fit, highest first: position = 1 + the number of options with
 * a greater fit (within EPSILON equal fits share a position); an option with no fit comes after
 * all options with one: position = 1 + the number of options with a fit.
 */
function positionsByFit(fits: readonly (number | null)[]): number[] {
  const present = fits.filter((x): x is number => x !== null);
  return fits.map((f) => (f === null ? present.length + 1 : 1 + present.filter((y) => compareScores(y, f) > 0).length));
}

function aligned(weights: ValueWeights, valueIds: readonly string[]): number[] {
  return valueIds.map((id) => getOwn(weights, id) ?? 0);
}

/**
 * The results of one options activity.
 *
 * Who counts: one response per participant (the last). The room's figures count every
 * response, also those of small groups and of no known group. A group is included when it has
 * at least effectiveMinGroupSize(minGroupSize) responses (partitionGroups); the others are left
 * out of every per-group figure and named in excludedGroups with their count.
 *
 * Weights: room weights W = equal (1/|V|) with mode 'equal', else normaliseWeights(weights.room)
 * or equal when that is null. A group's own weights W^g = normaliseWeights(weights.byGroup[g])
 * (null when absent). The weights a group uses, U^g = W^g with mode 'group' when W^g is not null,
 * else W. A member uses their group's U^g.
 *
 * Per option o:
 * - values: per value, optionValueStats over everyone's cells (room); groups[g].values the same
 *   over g's members;
 * - fit = weightedFit(room means, W); groups[g].fit = weightedFit(g's means, U^g);
 * - a member's own fit f_p = weightedFit(their own scores, U^g) (don't know and unanswered left
 *   out; null when they scored no value with a weight > 0);
 * - "every group can live with it": per included group canLiveWith = #{p ∈ g : f_p ≥ 0} (0
 *   reached within EPSILON), withFit = #{p ∈ g : f_p ≠ null}, share = smoothedSupport(canLiveWith,
 *   withFit) = (canLiveWith + 1)/(withFit + 2); liveWith.score = geometric mean over the included
 *   groups = exp((1/G) Σ_g ln share_g), with the lowest share's group (first in group order on
 *   ties). liveWith is null with no included group, or when no member of an included group has a
 *   fit for o (then there is nothing to live with or not: every share would be the prior 1/2);
 * - position: competition ranking by fit (positionsByFit);
 * - split ("what splits us"): for each value with means in ≥ 2 included groups, spread = max − min
 *   of those groups' means, with the highest and lowest group (first in group order on ties); the
 *   value with the largest spread (ties within EPSILON: first in value order); null when no value
 *   has means in 2 groups.
 *
 * Over the options:
 * - options: by position, ties in option order;
 * - winnerIds: the options at position 1 that have a fit (several on a tie), in option order;
 *   [] when no option has a fit;
 * - liveWithIds: the options with the highest liveWith.score (ties within EPSILON: all, in option
 *   order); [] when no option has a liveWith;
 * - whoseValues ("whose values decide"): for each included group with own weights W^g (in group
 *   order), its winners under those weights applied to the room's means:
 *   F^g_o = weightedFit(room means of o, W^g), winnerIds = the options with the highest F^g_o.
 *   This asks "if this group's priorities were the room's, which option would win?" — the room's
 *   scores stay the same, only the weights change, so a difference is due to the weights alone;
 * - differs (per group in whoseValues): its winnerIds is not empty and not the room's winnerIds.
 * - flips: some group in whoseValues differs.
 */
export function computeOptionsResults(input: OptionsInput): OptionsResults {
  const optionIds = uniqueIds(input.optionIds);
  const valueIds = uniqueIds(input.valueIds);
  const groupIds = uniqueIds(input.groupIds);
  const responses = lastPerParticipant(input.responses);

  const answersByGroup = countByGroup(groupIds, responses.map((r) => r.groupId));
  const { includedGroupIds, excludedGroups } = partitionGroups(groupIds, answersByGroup, input.minGroupSize);
  const members = includedGroupIds.map((g) => responses.filter((r) => r.groupId === g));

  const mode = input.weights.mode;
  const room = mode === 'equal' ? equalWeights(valueIds) : (normaliseWeights(input.weights.room, valueIds) ?? equalWeights(valueIds));
  const roomW = aligned(room, valueIds);
  const byGroupRaw = typeof input.weights.byGroup === 'object' && input.weights.byGroup !== null ? input.weights.byGroup : {};
  const own: (ValueWeights | null)[] = includedGroupIds.map((g) => normaliseWeights(getOwn(byGroupRaw, g) ?? null, valueIds));
  const usesOwn = own.map((w) => mode === 'group' && w !== null);
  const usedW = own.map((w, gi) => (usesOwn[gi] && w !== null ? aligned(w, valueIds) : roomW));

  const perOption = optionIds.map((optionId) => {
    const cellsOf = (rs: readonly OptionsResponse[], valueId: string): Cell[] => rs.map((r) => cellOf(r.ratings, optionId, valueId));
    const values = valueIds.map((v) => optionValueStats(v, cellsOf(responses, v)));
    const fit = weightedFit(values.map((s) => s.mean), roomW);
    const groups: OptionGroupResult[] = includedGroupIds.map((groupId, gi) => {
      const group = members[gi] ?? [];
      const weights = usedW[gi] ?? roomW;
      const gValues = valueIds.map((v) => optionValueStats(v, cellsOf(group, v)));
      let canLiveWith = 0;
      let withFit = 0;
      for (const r of group) {
        const f = weightedFit(valueIds.map((v) => cellOf(r.ratings, optionId, v)), weights);
        if (f === null) continue;
        withFit++;
        if (atLeast(f, 0)) canLiveWith++;
      }
      return {
        groupId,
        answers: group.length,
        fit: weightedFit(gValues.map((s) => s.mean), weights),
        ownWeights: usesOwn[gi] ?? false,
        canLiveWith,
        withFit,
        share: smoothedSupport(canLiveWith, withFit),
        values: gValues,
      };
    });

    let liveWith: OptionResult['liveWith'] = null;
    if (groups.length > 0 && groups.some((g) => g.withFit > 0)) {
      const shares = groups.map((g) => g.share);
      const lowest = groups[extremeIndex(shares, 'min')];
      liveWith = {
        score: Math.exp(mean(shares.map(Math.log))),
        lowestGroupId: lowest?.groupId ?? '',
        lowestShare: lowest?.share ?? 0,
      };
    }

    let split: OptionResult['split'] = null;
    for (let vi = 0; vi < valueIds.length; vi++) {
      const withMean = groups.flatMap((g) => {
        const m = g.values[vi]?.mean;
        return m === null || m === undefined ? [] : [{ groupId: g.groupId, mean: m }];
      });
      if (withMean.length < 2) continue;
      const means = withMean.map((x) => x.mean);
      const high = withMean[extremeIndex(means, 'max')];
      const low = withMean[extremeIndex(means, 'min')];
      const valueId = valueIds[vi];
      if (!high || !low || valueId === undefined) continue;
      const spread = high.mean - low.mean;
      if (split === null || compareScores(spread, split.spread) > 0) {
        split = { valueId, spread, highGroupId: high.groupId, lowGroupId: low.groupId };
      }
    }

    return { optionId, fit, values, groups, liveWith, split };
  });

  const fits = perOption.map((o) => o.fit);
  const positions = positionsByFit(fits);
  const options: OptionResult[] = perOption
    .map((o, i) => ({ ...o, position: positions[i] ?? optionIds.length }))
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.position - b.o.position || a.i - b.i)
    .map(({ o }) => ({
      optionId: o.optionId,
      position: o.position,
      fit: o.fit,
      values: o.values,
      groups: o.groups,
      liveWith: o.liveWith,
      split: o.split,
    }));

  const winnerIds = topIds(optionIds, fits);
  const liveWithIds = topIds(optionIds, perOption.map((o) => o.liveWith?.score ?? null));

  const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);
  const whoseValues: OptionsResults['whoseValues'] = [];
  includedGroupIds.forEach((groupId, gi) => {
    const w = own[gi];
    if (w === null || w === undefined) return;
    const gw = aligned(w, valueIds);
    const gFits = perOption.map((o) => weightedFit(o.values.map((s) => s.mean), gw));
    const groupWinners = topIds(optionIds, gFits);
    whoseValues.push({
      groupId,
      winnerIds: groupWinners,
      differs: groupWinners.length > 0 && !sameIds(groupWinners, winnerIds),
      fits: optionIds.map((optionId, i) => ({ optionId, fit: gFits[i] ?? null })),
    });
  });
  const flips = whoseValues.some((g) => g.differs);

  return {
    answers: responses.length,
    answersByGroup,
    valueIds,
    weights: {
      mode,
      voteActivityId: input.weights.voteActivityId,
      room,
      byGroup: Object.fromEntries(includedGroupIds.map((g, gi) => [g, own[gi] ?? null])),
    },
    options,
    winnerIds,
    liveWithIds,
    whoseValues,
    flips,
    includedGroupIds,
    excludedGroups,
  };
}
