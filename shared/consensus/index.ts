/**
 * Raakvlak's consensus math: pure, I/O-free functions from answers to the numbers the
 * consensus board and the export show. Every formula is documented where it is defined.
 */
export type * from './types.js';
export { computeVoteResults } from './vote.js';
export { computeGroupsLens, smoothedSupport, lensGroupSizeToCompare, COMMON_GROUND_MIN_SUPPORT, TENSION_MIN_SPREAD, LENS_SUGGESTION_FLOOR } from './lens.js';
export { EPSILON, nearlyEqual, compareScores, atLeast } from './compare.js';
export { collectBallots, rankingsForW, type Ballot, type BallotBox } from './ballots.js';
export { bordaScores, cleanOrder, resolveTopK } from './borda.js';
export { kendallW } from './kendall.js';
export { exactKendallP, exactApplies, EXACT_MAX_RATERS } from './kendallExact.js';
export { tastleWiermanConsensus, agreementLevel } from './agreement.js';
export { spearmanRho } from './spearman.js';
export { spread, mean, sum, populationSd, quantileSorted, midRanks, tieTerm } from './stats.js';
export { chiSquareUpperTail, regularizedGammaP, regularizedGammaQ, lnGamma } from './chiSquare.js';
export { competitionPositions, indicesByScoreDesc } from './ordering.js';
export { compareRounds } from './rounds.js';
export { computeScanResults, SCAN_FACTORS_IN_ORDER, SCAN_SCORE_MIN, SCAN_SCORE_MAX } from './scan.js';
export {
  DEFAULT_MIN_GROUP_SIZE,
  uniqueIds,
  lastPerParticipant,
  effectiveMinGroupSize,
  countByGroup,
  partitionGroups,
} from './groups.js';
