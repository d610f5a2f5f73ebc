/**
 * The activity `explore`: the room reads the value cards, proposes values and tells stories
 * (rules.ts, canAddStories / canProposeValue). It takes no answers and has no results.
 */
import { ok } from '../../protocol/errors.js';
import { exploreRules } from './rules.js';
import type { KindModule } from '../types.js';

export const exploreModule: KindModule<'explore'> = {
  ...exploreRules,
  checkConfig: () => ok(null),
  configAtOpen: () => ({}),
  results: () => null,
  resultsInputs: () => ({ activityIds: [], endorsements: false }),
  openAnswerText: () => null,
  csvItems: () => [],
  summary: () => ({}),
  templateConfig: () => ({}),
};
