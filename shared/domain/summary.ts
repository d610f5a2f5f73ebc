import type { ScanFactor } from './types.js';
import type { ActivityResults } from './results.js';

/**
 * "What we found together": the summary the facilitator sends to every phone at the end.
 * It takes the last vote that has answers (the latest round is what the room settled on)
 * and the last scan that has answers.
 */
export interface Summary {
  voteActivityId: string | null;
  topValues: { valueId: string; position: number; score: number; share: number }[];
  commonGround: { valueId: string; score: number; lowestGroupId: string; lowestSupport: number }[];
  tensions: { valueId: string; spread: number; highGroupId: string; lowGroupId: string }[];
  /** null when the room agreement is not defined (dots/points) or too few answers. */
  kendallW: number | null;
  scanActivityId: string | null;
  scan: { factor: ScanFactor; mean: number | null }[];
  /** Highest and lowest scoring factor, for the headline. */
  strongestFactor: ScanFactor | null;
  weakestFactor: ScanFactor | null;
  participants: number;
}

export const SUMMARY_TOP = 3;
/** A value counts as a tension only when group scores differ by at least this much (0..1). */
export const TENSION_MIN_SPREAD = 0.2;
/** A value counts as common ground only when the weakest group supports it at least this much. */
export const COMMON_GROUND_MIN_SUPPORT = 0.5;

export function buildSummary(results: ActivityResults[], participants: number): Summary {
  const vote = [...results].reverse().find((r) => r.vote && r.vote.answers > 0);
  const scan = [...results].reverse().find((r) => r.scan && r.scan.answers > 0);
  const factors = scan?.scan?.factors.filter((f) => f.mean !== null) ?? [];
  const byMean = [...factors].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  return {
    voteActivityId: vote?.activityId ?? null,
    topValues: (vote?.vote?.values ?? []).slice(0, SUMMARY_TOP).map(({ valueId, position, score, share }) => ({ valueId, position, score, share })),
    commonGround: (vote?.vote?.lens.commonGround ?? []).filter((c) => c.lowestSupport >= COMMON_GROUND_MIN_SUPPORT).slice(0, SUMMARY_TOP),
    tensions: (vote?.vote?.lens.tension ?? []).filter((t) => t.spread >= TENSION_MIN_SPREAD).slice(0, SUMMARY_TOP),
    kendallW: vote?.vote?.kendallW?.w ?? null,
    scanActivityId: scan?.activityId ?? null,
    scan: (scan?.scan?.factors ?? []).map((f) => ({ factor: f.factor, mean: f.mean })),
    strongestFactor: byMean[0]?.factor ?? null,
    weakestFactor: byMean.length > 1 ? (byMean.at(-1)?.factor ?? null) : null,
    participants,
  };
}
