/** The collaboration scan: statements scored 1–5, summarised per factor, per statement and per group. */
import { tastleWiermanConsensus } from './agreement.js';
import { countByGroup, lastPerParticipant, partitionGroups, uniqueIds } from './groups.js';
import { mean, populationSd } from './stats.js';
import type { Response, ScanAnswer, ScanFactor, ScanFactorResult, ScanInput, ScanResults } from './types.js';

/** The four factors of collaboration, in the order the board and the export list them. */
export const SCAN_FACTORS_IN_ORDER: readonly ScanFactor[] = ['motivation', 'organisation', 'interaction', 'result'];
export const SCAN_SCORE_MIN = 1;
export const SCAN_SCORE_MAX = 5;

/** A usable score: an own property holding a finite number in 1..5; anything else is "unanswered". */
function scoreOf(answer: ScanAnswer, statementId: string): number | null {
  const scores = answer.scores;
  if (typeof scores !== 'object' || scores === null || !Object.hasOwn(scores, statementId)) return null;
  const v = scores[statementId];
  return typeof v === 'number' && Number.isFinite(v) && v >= SCAN_SCORE_MIN && v <= SCAN_SCORE_MAX ? v : null;
}

/** mean and population sd of xs, both null when xs is empty (sd of one score is 0). */
function meanSd(xs: readonly number[]): { mean: number | null; sd: number | null } {
  return xs.length === 0 ? { mean: null, sd: null } : { mean: mean(xs), sd: populationSd(xs) };
}

/**
 * Summarises a collaboration scan.
 *
 * - Each participant's last scan answer counts (answers of another kind are ignored); a score
 *   that is not a number in 1..5, or for a statement not in `statements`, counts as unanswered.
 * - A participant's factor score = the mean of their scores on that factor's statements,
 *   skipping unanswered ones; no answered statement in the factor → no factor score.
 * - Per factor: mean and population sd over the participants' factor scores (null when no one
 *   has one; sd 0 for one), answers = participants with a factor score, agreement =
 *   Tastle–Wierman consensus on the scale 1..5 (null with fewer than 2 factor scores), byGroup =
 *   each included group's mean factor score (null when none of its members has one) and count.
 *   Factors come in the order motivation, organisation, interaction, result, always all four.
 * - Per statement (in `statements` order, repeats once): mean, population sd and count of the
 *   scores given; null mean/sd with none.
 * - Groups: included when they have at least minGroupSize scan answers (see partitionGroups),
 *   otherwise listed in excludedGroups; answers from groups not in groupIds count in `answers` only.
 * - `answers` = participants who submitted a scan, even an empty one.
 */
export function computeScanResults(input: ScanInput): ScanResults {
  const statements: ScanInput['statements'] = [];
  const seen = new Set<string>();
  for (const s of input.statements) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    statements.push(s);
  }
  const responses = lastPerParticipant(
    input.responses.filter((r): r is Response<ScanAnswer> => typeof r.answer === 'object' && r.answer !== null && r.answer.kind === 'scan'),
  );
  const groupIds = uniqueIds(input.groupIds);
  const answersByGroup = countByGroup(groupIds, responses.map((r) => r.groupId));
  const { includedGroupIds, excludedGroups } = partitionGroups(groupIds, answersByGroup, input.minGroupSize);

  // scores[p][s]: participant p's score on statement s, or null.
  const scores = responses.map((r) => statements.map((s) => scoreOf(r.answer, s.id)));

  const factors: ScanFactorResult[] = SCAN_FACTORS_IN_ORDER.map((factor) => {
    const columns = statements.flatMap((s, si) => (s.factor === factor ? [si] : []));
    // Per participant (responses order): their factor score, or null.
    const factorScores = scores.map((row) => {
      const given = columns.flatMap((si) => {
        const v = row[si];
        return v === null || v === undefined ? [] : [v];
      });
      return given.length === 0 ? null : mean(given);
    });
    const present = (pick: (i: number) => boolean): number[] =>
      factorScores.flatMap((v, i) => (v !== null && pick(i) ? [v] : []));
    const all = present(() => true);
    return {
      factor,
      ...meanSd(all),
      answers: all.length,
      agreement: tastleWiermanConsensus(all, SCAN_SCORE_MIN, SCAN_SCORE_MAX),
      byGroup: includedGroupIds.map((groupId) => {
        const xs = present((i) => responses[i]?.groupId === groupId);
        return { groupId, mean: xs.length === 0 ? null : mean(xs), answers: xs.length };
      }),
    };
  });

  return {
    answers: responses.length,
    factors,
    statements: statements.map((s, si) => {
      const xs = scores.flatMap((row) => {
        const v = row[si];
        return v === null || v === undefined ? [] : [v];
      });
      return { statementId: s.id, ...meanSd(xs), answers: xs.length };
    }),
    includedGroupIds,
    excludedGroups,
  };
}
