/** The activity `rank`: each participant orders their top K of the values. */
import { csvItem, valueTitle, voteModule } from '../vote.js';
import { rankLength, rankRules } from './rules.js';

export { rankLength } from './rules.js';

export const rankModule = voteModule(rankRules, {
  /** One row per ranked value: position, and amount = the Borda points the results count (K for first … 1 for K-th, shared/consensus/borda.ts). */
  csvItems(doc, activity, answer) {
    const k = rankLength(activity, activity.config.valueIds?.length ?? answer.order.length);
    return answer.order.map((id, i) => csvItem(id, valueTitle(doc, id), i + 1, Math.max(0, k - i)));
  },
});
