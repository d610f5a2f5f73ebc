/** The rules of the activity `explore` (KindRules): it takes no answers and has no results. */
import { fail } from '../../protocol/errors.js';
import type { KindRules } from '../types.js';

export const exploreRules: KindRules<'explore'> = {
  kind: 'explore',
  minValues: 0,
  valuesOnBallot: false,
  hasResults: false,
  takesAnswers: false,
  defaultConfig: () => ({}),
  openRefusal: () => null,
  validateAnswer: () => fail('BAD_REQUEST', 'Explore takes values and stories, not answers'),
};
