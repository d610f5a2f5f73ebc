/**
 * The activity `explore`: the room reads the value cards, proposes values and tells stories
 * (rules.ts, canAddStories / canProposeValue). It takes no answers and has no results.
 */
import { fail, ok } from '../../protocol/errors.js';
import type { KindModule } from '../types.js';

export const exploreModule: KindModule<'explore'> = {
  kind: 'explore',
  minValues: 0,
  valuesOnBallot: false,
  hasResults: false,
  defaultConfig: () => ({}),
  answerSchema: null,
  validateAnswer: () => fail('BAD_REQUEST', 'Explore takes values and stories, not answers'),
  checkConfig: () => ok(null),
  configAtOpen: () => ({}),
  results: () => null,
  resultsInputs: () => ({ activityIds: [], endorsements: false }),
  openAnswerText: () => null,
  csvItems: () => [],
  summary: () => ({}),
  templateConfig: () => ({}),
};
