import { kindModule } from '../kinds/index.js';
import type { ActivityResults } from './results.js';
import { ACTIVITY_KINDS } from './types.js';
import type { Summary } from './summaryBase.js';

export * from './summaryBase.js';

/** The summary when no activity has answers; each kind module's part (KindModule.summary) overrides its fields. */
const EMPTY_SUMMARY: Omit<Summary, 'participants'> = {
  voteActivityId: null,
  topValues: [],
  commonGround: [],
  tensions: [],
  kendallW: null,
  scanActivityId: null,
  scan: [],
  strongestFactor: null,
  weakestFactor: null,
  factorsEqual: false,
  options: null,
};

/**
 * The summary from the activities' results (in agenda order), built from each kind module's
 * part (a part the vote kinds share is computed once). The votes' part: the last vote with
 * answers; common ground and tensions are the values the consensus math flags (the one
 * definition the board, console, report and export use: see COMMON_GROUND_MIN_SUPPORT and
 * TENSION_MIN_SPREAD in shared/consensus/lens.ts), in the lens's order, at most SUMMARY_TOP of
 * each. The scan's: the last scan with answers. The options': the last options activity with answers.
 */
export function buildSummary(results: readonly ActivityResults[], participants: number): Summary {
  const parts = new Set(ACTIVITY_KINDS.map((kind) => kindModule(kind).summary));
  let summary: Omit<Summary, 'participants'> = EMPTY_SUMMARY;
  for (const part of parts) summary = { ...summary, ...part(results) };
  return { ...summary, participants };
}
