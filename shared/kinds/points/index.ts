/** The activity `points`: each participant spreads exactly POINTS_TOTAL (100) points over the values. */
import { countItems, voteModule } from '../vote.js';
import { pointsRules } from './rules.js';

export { POINTS_TOTAL, pointsLeft } from './rules.js';

export const pointsModule = voteModule(pointsRules, {
  /** One row per value with points: amount = the points. */
  csvItems: (doc, activity, answer) => countItems(doc, activity, answer.points),
});
