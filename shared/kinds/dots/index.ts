/** The activity `dots`: each participant places up to N dots on the values, at most M on one. */
import { countItems, voteModule } from '../vote.js';
import { dotsRules } from './rules.js';

export const dotsModule = voteModule(dotsRules, {
  /** One row per value with dots: amount = the dots. */
  csvItems: (doc, activity, answer) => countItems(doc, activity, answer.dots),
});
