/** The results of one dots, rank or points activity: exactly the numbers the board and the export show. */
import { agreementLevel, tastleWiermanConsensus } from './agreement.js';
import { collectBallots, rankingsForW, type BallotBox } from './ballots.js';
import { countByGroup } from './groups.js';
import { kendallW } from './kendall.js';
import { computeGroupsLens } from './lens.js';
import { competitionPositions, indicesByScoreDesc } from './ordering.js';
import { mean, spread, sum } from './stats.js';
import type { AgreementLevel, KendallW, ValueResult, VoteInput, VoteResults } from './types.js';

/** Per value, the per-participant scores and everything derived from them (unsorted, valueIds order). */
function valueResults(box: BallotBox): ValueResult[] {
  const { valueIds, ballots, scaleMax, kind } = box;
  const answers = ballots.length;
  const perValue = valueIds.map((_, i) => ballots.map((b) => b.scores[i] ?? 0));
  const scores = perValue.map((xs) => (kind === 'points' ? mean(xs) : sum(xs)));
  const total = sum(scores);
  const positions = competitionPositions(scores);
  return valueIds.map((valueId, i) => {
    const xs = perValue[i] ?? [];
    const score = scores[i] ?? 0;
    const supporters = ballots.filter((b) => b.supports[i] === true).length;
    return {
      valueId,
      position: positions[i] ?? 1,
      score,
      normalizedScore: scaleMax > 0 ? mean(xs) / scaleMax : 0,
      share: total > 0 ? score / total : 0,
      spread: spread(xs),
      agreement: tastleWiermanConsensus(xs, 0, scaleMax),
      supporters,
      supportShare: answers > 0 ? supporters / answers : 0,
    };
  });
}

/**
 * Kendall's W of the room over the non-empty rankings (see rankingsForW). For dots and points,
 * each participant's scores imply an order (most dots first, equal scores tied), and W measures
 * how alike those orders are — the same question as for a ranking.
 */
function roomKendallW(box: BallotBox): KendallW | null {
  return kendallW(rankingsForW(box.ballots));
}

/**
 * Computes everything the consensus board shows for a dots, rank or points activity.
 *
 * Input handling (see collectBallots): answers of another kind are ignored, each participant's
 * last answer counts, ids not in valueIds are ignored, repeated valueIds/groupIds count once.
 *
 * Per value (ValueResult), with x_p the score participant p gave it (dots given / Borda points,
 * see bordaScores / points given; 0 when they gave it nothing):
 * - score: dots → Σ_p x_p; rank → Σ_p x_p (Borda total); points → (1/N) Σ_p x_p (mean points);
 *   0 with no answers;
 * - normalizedScore: ((1/N) Σ_p x_p) / scaleMax, 0..1 (0 with no answers or scaleMax 0): the
 *   share of the most the room could have given it; what compareRounds compares;
 * - position: competition ranking of score (1, 2, 2, 4), scores equal within EPSILON (see
 *   compareScores) sharing a position; values are listed by position, equal positions in
 *   valueIds order;
 * - share: score / Σ scores over all values; 0 when that sum is 0;
 * - spread: spread(x) (population sd, type-7 quartiles); all zeros with no answers;
 * - agreement: tastleWiermanConsensus(x, 0, scaleMax) — the Tastle–Wierman consensus on the
 *   scale from 0 to the most one participant can give one value (dots: N, or the per-value cap
 *   when lower; rank: K; points: 100);
 *   null with fewer than 2 answers;
 * - supporters: dots → gave ≥ 1 dot; rank → ranked it at a position ≤ ⌈n/2⌉ of the n values
 *   (the upper half, so a rank-all vote still tells values apart); points → gave ≥ 100 / n (an
 *   equal share or more, so the only value of a one-value vote is supported at 100); the reasons
 *   are in collectBallots; supportShare = supporters / answers (0 with no answers).
 *
 * For the room:
 * - kendallW: Kendall's W with tie correction over the participants' rankings. For rank, a
 *   value not in someone's top K shares the mean of the ranks left after their ranked values (so
 *   a top-3 of 6 values is the ranking 1, 2, 3, 5, 5, 5); for dots and points, the order their
 *   scores imply (equal scores tied). Empty rankings (no order stated) are left out of W, though
 *   they count in `answers`; m in the result is the number of rankings used. null with fewer
 *   than 2 non-empty rankings or fewer than 2 values. p is exact for small rooms of complete,
 *   untied rankings and χ² otherwise (see kendallW);
 * - agreementLevel: agreementLevel(kendallW.w), null when kendallW is null. Not the mean of the
 *   per-value agreements: in a dots vote most people give most values 0, so those read "very
 *   strong" even for random votes (20 random voters on 12 values: mean 0.83, W 0.02);
 * - scaleMax: the most one participant can give one value (see collectBallots);
 * - answersByGroup: answers per group in groupIds (0 included); answers from groups not in
 *   groupIds count in `answers` only;
 * - lens: computeGroupsLens.
 *
 * No answers at all: answers 0, every score/share/spread 0, every position 1, agreement null,
 * kendallW null, agreementLevel null, and a lens with every group excluded.
 */
export function computeVoteResults(input: VoteInput): VoteResults {
  const box = collectBallots(input);
  const unsorted = valueResults(box);
  const values = indicesByScoreDesc(unsorted.map((v) => v.score)).flatMap((i) => unsorted[i] ?? []);
  const w = roomKendallW(box);

  const level: AgreementLevel | null = w === null ? null : agreementLevel(w.w);

  return {
    kind: box.kind,
    answers: box.ballots.length,
    answersByGroup: countByGroup(box.groupIds, box.ballots.map((b) => b.groupId)),
    scaleMax: box.scaleMax,
    values,
    kendallW: w,
    agreementLevel: level,
    lens: computeGroupsLens(box, input.minGroupSize),
  };
}
