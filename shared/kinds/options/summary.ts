/** The options kind's part of "what we found together". */
import type { ActivityResults } from '../../domain/results.js';
import type { OptionsSummary } from './model.js';

/**
 * From the last options activity (agenda order) with at least one counted answer: its room
 * winner(s), the option(s) every group can live with most, the lowest group of the first of
 * those with its share, and whether some group's own weights pick another winner. null when no
 * options activity has answers.
 */
export function optionsSummary(results: readonly ActivityResults[]): OptionsSummary | null {
  const last = [...results].reverse().find((r) => r.options && r.options.answers > 0);
  const o = last?.options;
  if (!last || !o) return null;
  const first = o.liveWithIds[0];
  const liveWith = first === undefined ? null : (o.options.find((x) => x.optionId === first)?.liveWith ?? null);
  return {
    activityId: last.activityId,
    winnerIds: o.winnerIds,
    liveWithIds: o.liveWithIds,
    lowestGroupId: liveWith?.lowestGroupId ?? null,
    lowestShare: liveWith?.lowestShare ?? null,
    flips: o.flips,
  };
}
