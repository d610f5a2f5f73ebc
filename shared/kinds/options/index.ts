/**
 * The activity `options` ("Weigh the options") as a kind module: the facilitator lists 2–8
 * options, each participant scores how well each option serves each value that takes part
 * (−2 … +2, or "don't know") with an optional "why" per option, and the results weigh those
 * scores with the values' shares in a vote, for the room and per stakeholder group.
 */
import type { KindModule } from '../types.js';
import { optionsCsvItems } from './csv.js';
import { whyOptionId } from './labels.js';
import { optionsConfigAtOpen, optionsResults, optionsResultsInputs } from './results.js';
import { OPTIONS_LIMITS } from './model.js';
import { optionsSummary } from './summary.js';
import { optionsRules } from './rules.js';
import { checkOptionsConfig } from './validate.js';

export const optionsModule: KindModule<'options'> = {
  ...optionsRules,
  checkConfig: (state, activity, changes) => checkOptionsConfig(state, activity, changes),
  configAtOpen: optionsConfigAtOpen,
  results: (state, activity) => optionsResults(state, activity),
  resultsInputs: optionsResultsInputs,
  openAnswerText(_activity, stored, field) {
    const optionId = whyOptionId(field);
    if (optionId === null || stored.answer.kind !== 'options') return null;
    const why = stored.answer.why;
    return (Object.hasOwn(why, optionId) ? why[optionId] : undefined) || null;
  },
  csvItems: optionsCsvItems,
  summary: (results) => ({ options: optionsSummary(results) }),
  // The options carry over (a list the facilitator has not filled in yet, under 2, is left out: a
  // template file takes 2–8); the weighting vote is an activity of this workshop, so a new one
  // resolves its own at open.
  templateConfig: (config) => ({
    ...(config.options.length >= OPTIONS_LIMITS.options.min ? { options: config.options } : {}),
    weights: { mode: config.weights.mode, voteActivityId: null },
  }),
};
