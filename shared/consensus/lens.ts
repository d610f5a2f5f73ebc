/**
 * The groups lens: how each declared stakeholder group scores each value, where all groups
 * meet (common ground) and where they part (tension).
 */
import { rankingsForW, type Ballot, type BallotBox } from './ballots.js';
import { atLeast } from './compare.js';
import { countByGroup, partitionGroups } from './groups.js';
import { kendallW } from './kendall.js';
import { extremeIndex, indicesByScoreDesc } from './ordering.js';
import { spearmanRho } from './spearman.js';
import { mean } from './stats.js';
import type { CommonGroundItem, GroupsLens, KendallW, LensCell, TensionItem } from './types.js';

/**
 * A value is called common ground when, with at least 2 included groups, its lowest smoothed
 * support is at least this: (s + 1)/(a + 2) ≥ 1/2 ⟺ s ≥ a/2, so in every included group at least
 * half the members support it. The bar is on the weakest group, not on the geometric mean (the
 * list's sort key): a mean of 0.5 can hide a group where nearly nobody supports the value (supports
 * 0.9 and 0.3 average 0.52), and "common ground" must hold for each group. One definition for the
 * board, the console, the phones' summary, the report and the export (CommonGroundItem.flagged).
 */
export const COMMON_GROUND_MIN_SUPPORT = 0.5;

/**
 * A value is called a tension when two included groups' normalised scores differ by at least
 * this (20 on the lens's 0–100 scale); exactly 0.2 counts, compared within EPSILON (0.7 − 0.5 is
 * 0.19999999999999996 in floating point). A fifth of the scale is a gap worth naming to the room —
 * in a top-5 ranking, one group placing the value one place higher on average; in a points vote,
 * 20 points of 100 more per member — while small enough that real differences between groups of
 * 3–10 people are not hidden. It is the bar the phones' summary and the export already used; the
 * board had 0.25, so the board and the summary disagreed about the same vote.
 */
export const TENSION_MIN_SPREAD = 0.2;

/** Pol.is-style smoothed support: (supporters + 1) / (answers + 2). Never 0 or 1, so one group can pull a geometric mean down without zeroing it. */
export function smoothedSupport(supporters: number, answers: number): number {
  return (supporters + 1) / (answers + 2);
}

/**
 * Common ground of one value over the included groups' cells (at least one):
 * score = geometric mean of the smoothed supports = exp((1/G) Σ_g ln support_g). Every group
 * weighs the same whatever its size, and one opposed group pulls the score down much more
 * than an arithmetic mean would. The lowest group (first in display order on ties) is named.
 */
function commonGroundOf(valueId: string, cells: readonly LensCell[]): CommonGroundItem {
  const supports = cells.map((c) => c.support);
  const score = Math.exp(mean(supports.map(Math.log)));
  const lowest = cells[extremeIndex(supports, 'min')];
  const flagged = cells.length >= 2 && cells.every((c) => atLeast(c.support, COMMON_GROUND_MIN_SUPPORT));
  return { valueId, score, lowestGroupId: lowest?.groupId ?? '', lowestSupport: lowest?.support ?? 0, flagged };
}

/** Tension of one value over ≥ 2 included groups' cells: max − min of their normalised scores. */
function tensionOf(valueId: string, cells: readonly LensCell[]): TensionItem {
  const scores = cells.map((c) => c.score);
  const high = cells[extremeIndex(scores, 'max')];
  const low = cells[extremeIndex(scores, 'min')];
  const spread = (high?.score ?? 0) - (low?.score ?? 0);
  return { valueId, spread, highGroupId: high?.groupId ?? '', lowGroupId: low?.groupId ?? '', flagged: atLeast(spread, TENSION_MIN_SPREAD) };
}

/**
 * The groups lens of a vote.
 *
 * Groups: a group is included when it has at least minGroupSize answers (see partitionGroups);
 * the others are listed in excludedGroups with their answer count — too few to mean much, and
 * showing them could reveal individuals. Answers from a group not in groupIds are in no group.
 *
 * cells[value] has one cell per included group, in groupIds order:
 * - score = the group's mean per-member score / scaleMax, 0..1, so groups of different size
 *   compare: dots → mean dots per member / N, or / the per-value cap when that is lower (1 =
 *   every member put as many dots on it as allowed);
 *   rank → mean Borda points / K (1 = every member ranked it first); points → mean points / 100.
 *   scaleMax 0 (nothing given at all) → 0;
 * - supporters / answers as in ValueResult, support = (supporters + 1) / (answers + 2).
 *
 * commonGround: every value, score = geometric mean of the included groups' smoothed support
 * (see commonGroundOf), sorted by score desc, scores equal within EPSILON (compareScores) in
 * valueIds order; empty with no included group. With one included group it is just that group's
 * smoothed support. `flagged` marks the values called common ground (see
 * COMMON_GROUND_MIN_SUPPORT): never with fewer than 2 included groups.
 *
 * tension: every value, spread = max − min of the included groups' normalised scores, with the
 * highest and lowest group (first in display order on ties, so when all groups score a value the
 * same both name the first group and spread is 0), sorted by spread desc, spreads equal within
 * EPSILON in valueIds order; empty with fewer than 2 included groups (one group cannot disagree
 * with itself). `flagged` marks the values called a tension: spread ≥ TENSION_MIN_SPREAD.
 *
 * withinGroupW: rank only, for each included group Kendall's W of its members' non-empty
 * rankings (see rankingsForW; null with fewer than 2 of them or fewer than 2 values); {} for
 * dots and points.
 *
 * betweenGroups: for each pair of included groups (a before b in groupIds order) Spearman's rho
 * between their normalised scores over all values; null when either group scored every value
 * the same or there are fewer than 2 values.
 */
export function computeGroupsLens(box: BallotBox, minGroupSize: number): GroupsLens {
  const { valueIds, groupIds, ballots, scaleMax } = box;
  const answersByGroup = countByGroup(groupIds, ballots.map((b) => b.groupId));
  const { includedGroupIds, excludedGroups } = partitionGroups(groupIds, answersByGroup, minGroupSize);
  const members: Ballot[][] = includedGroupIds.map((g) => ballots.filter((b) => b.groupId === g));

  const cellsByValue: LensCell[][] = valueIds.map((_, i) =>
    includedGroupIds.map((groupId, gi) => {
      const group = members[gi] ?? [];
      const meanScore = mean(group.map((b) => b.scores[i] ?? 0));
      const supporters = group.filter((b) => b.supports[i] === true).length;
      return {
        groupId,
        score: scaleMax > 0 ? meanScore / scaleMax : 0,
        support: smoothedSupport(supporters, group.length),
        supporters,
        answers: group.length,
      };
    }),
  );
  const cellsAt = (i: number): LensCell[] => cellsByValue[i] ?? [];

  let commonGround: CommonGroundItem[] = [];
  if (includedGroupIds.length >= 1) {
    const items = valueIds.map((id, i) => commonGroundOf(id, cellsAt(i)));
    commonGround = indicesByScoreDesc(items.map((c) => c.score)).flatMap((i) => items[i] ?? []);
  }

  let tension: TensionItem[] = [];
  if (includedGroupIds.length >= 2) {
    const items = valueIds.map((id, i) => tensionOf(id, cellsAt(i)));
    tension = indicesByScoreDesc(items.map((t) => t.spread)).flatMap((i) => items[i] ?? []);
  }

  const withinGroupW: Record<string, KendallW | null> =
    box.kind === 'rank'
      ? Object.fromEntries(
          includedGroupIds.map((g, gi) => [g, kendallW(rankingsForW(members[gi] ?? []))]),
        )
      : {};

  const groupScores = includedGroupIds.map((_, gi) => valueIds.map((__, i) => cellsAt(i)[gi]?.score ?? 0));
  const betweenGroups: GroupsLens['betweenGroups'] = [];
  includedGroupIds.forEach((a, ai) => {
    includedGroupIds.slice(ai + 1).forEach((b, offset) => {
      const bi = ai + 1 + offset;
      betweenGroups.push({ a, b, rho: spearmanRho(groupScores[ai] ?? [], groupScores[bi] ?? []) });
    });
  });

  return {
    includedGroupIds,
    excludedGroups,
    cells: Object.fromEntries(valueIds.map((id, i) => [id, cellsAt(i)])),
    commonGround,
    tension,
    withinGroupW,
    betweenGroups,
  };
}

/**
 * The lens never suggests a smallest group below this: a "group" of one answer is one person's
 * answer, shown to the room under their group's name.
 */
export const LENS_SUGGESTION_FLOOR = 2;

/**
 * When the lens compares fewer than 2 groups: the smallest-group setting (minGroupSize) that
 * would let it compare 2, lowered as little as possible — the second-largest answer count among
 * the groups. Any setting up to that count shows at least 2 groups; a higher one shows fewer.
 * The included groups have at least the current setting's answers, more than any excluded
 * group, so the count needed is the largest excluded count (one group included) or the second
 * largest (none included). null when the lens already compares 2 or more groups, when fewer than
 * 2 groups have any answers, or when it would take a setting below LENS_SUGGESTION_FLOOR.
 * One rule for the board's explanation and the console's one-click button.
 */
export function lensGroupSizeToCompare(lens: Pick<GroupsLens, 'includedGroupIds' | 'excludedGroups'>): number | null {
  const needed = 2 - lens.includedGroupIds.length;
  if (needed <= 0) return null;
  const counts = lens.excludedGroups.map((g) => g.answers).sort((a, b) => b - a);
  const size = counts[needed - 1];
  return size !== undefined && size >= LENS_SUGGESTION_FLOOR ? size : null;
}
