/** The rules of the activity `options` (KindRules): 2–8 options scored against 1–8 values; it opens only with its options. */
import { fail } from '../../protocol/errors.js';
import type { KindRules } from '../types.js';
import { OPTIONS_LIMITS } from './model.js';
import { optionsOpenRefusal, validateOptionsAnswer } from './validate.js';

export const optionsRules: KindRules<'options'> = {
  kind: 'options',
  minValues: OPTIONS_LIMITS.values.min,
  valuesOnBallot: false,
  hasResults: true,
  defaultConfig: () => ({ options: [], weights: { mode: 'room', voteActivityId: null } }),
  takesAnswers: true,
  openRefusal: (activity) => optionsOpenRefusal(activity)?.message ?? null,
  validateAnswer(activity, valueIds, answer) {
    if (answer.kind !== 'options') return fail('BAD_REQUEST', `This activity takes a ${activity.kind} answer`);
    return validateOptionsAnswer(activity, valueIds, answer);
  },
};
