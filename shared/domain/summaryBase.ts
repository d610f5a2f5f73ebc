import { compareScores, nearlyEqual } from '../consensus/compare.js';
import type { CommonGroundItem, ScanFactor, TensionItem } from '../consensus/types.js';
import type { OptionsSummary } from '../kinds/options/model.js';

/*
 * The summary's type and the helpers the kind modules build their parts with; summary.ts, which
 * re-exports them, adds buildSummary. This file imports no kind module, so the modules can
 * import it without an import cycle.
 */

/**
 * "What we found together": the summary the facilitator sends to every phone at the end.
 * It takes the last vote that has answers (the latest round is what the room settled on)
 * and the last scan that has answers.
 */
export interface Summary {
  voteActivityId: string | null;
  topValues: { valueId: string; position: number; score: number; share: number }[];
  /** Up to SUMMARY_TOP values called common ground (CommonGroundItem.flagged), most common ground first. */
  commonGround: CommonGroundItem[];
  /** Up to SUMMARY_TOP values called a tension (TensionItem.flagged), largest spread first. */
  tensions: TensionItem[];
  /** null when the room agreement is not defined (dots/points) or too few answers. */
  kendallW: number | null;
  scanActivityId: string | null;
  scan: { factor: ScanFactor; mean: number | null }[];
  /**
   * Highest and lowest scoring factor, for the headline; on a tie (means equal within EPSILON)
   * the first in the order motivation, organisation, interaction, result. weakestFactor is null
   * with fewer than 2 factor means. Both null when factorsEqual.
   */
  strongestFactor: ScanFactor | null;
  weakestFactor: ScanFactor | null;
  /** At least 2 factors have a mean and all of them are equal (within EPSILON): there is no strongest or weakest. */
  factorsEqual: boolean;
  /** The last options activity with answers: its winner, the option every group can live with, whether weights flip it. */
  /** Always present in what buildSummary returns; optional in the type only so summaries written before it existed still type. */
  options?: OptionsSummary | null;
  participants: number;
}

export const SUMMARY_TOP = 3;

/** The headline factors of a scan: see Summary.strongestFactor, weakestFactor and factorsEqual. */
export function headlineFactors(factors: readonly { factor: ScanFactor; mean: number | null }[]): Pick<Summary, 'strongestFactor' | 'weakestFactor' | 'factorsEqual'> {
  const present = factors.flatMap((f) => (f.mean === null ? [] : [{ factor: f.factor, mean: f.mean }]));
  const first = present[0];
  if (first === undefined) return { strongestFactor: null, weakestFactor: null, factorsEqual: false };
  let high = first;
  let low = first;
  for (const f of present) {
    if (compareScores(f.mean, high.mean) > 0) high = f;
    if (compareScores(f.mean, low.mean) < 0) low = f;
  }
  if (present.length === 1) return { strongestFactor: first.factor, weakestFactor: null, factorsEqual: false };
  if (nearlyEqual(high.mean, low.mean)) return { strongestFactor: null, weakestFactor: null, factorsEqual: true };
  return { strongestFactor: high.factor, weakestFactor: low.factor, factorsEqual: false };
}

