/**
 * The checks of the activity `options` that need the activity or the workshop: an answer against
 * the options and values that take part, and `activity:configure`'s options, values and weights.
 * Zod-free, so the phone can use validateOptionsAnswer to enable its button.
 */
import { fail, ok, type ErrorBody, type Result } from '../../protocol/errors.js';
import type { Activity, ActivityConfig, Lang, WorkshopState } from '../../domain/types.js';
import { isVoteKind } from '../voteRules.js';
import { OPTIONS_LIMITS, type OptionItem, type OptionRatings, type OptionScore, type OptionsAnswer } from './model.js';

/** Whether an activity is a vote whose shares can weigh the values: a vote kind (dots, rank or points; isVoteKind). */
export function isWeightingVote(activity: Pick<Activity, 'kind'>): boolean {
  return isVoteKind(activity.kind);
}

/**
 * Checks an options answer against the activity: only its options (`config.options`) and the
 * values that take part (`valueIds`), scores −2..+2 or null ("don't know"), and not empty (at
 * least one rating, a "don't know" counts, or one non-empty "why"). Returns the canonical answer
 * to store: options in the activity's order, values in `valueIds` order, options with no rating
 * and empty "why" sentences left out.
 */
export function validateOptionsAnswer(activity: Pick<Activity, 'config'>, valueIds: readonly string[], answer: OptionsAnswer): Result<OptionsAnswer> {
  const options = activity.config.options.map((o) => o.id);
  const optionSet = new Set(options);
  const valueSet = new Set(valueIds);
  for (const optionId of [...Object.keys(answer.ratings), ...Object.keys(answer.why)]) {
    if (!optionSet.has(optionId)) return fail('BAD_REQUEST', 'Unknown option');
  }
  for (const perValue of Object.values(answer.ratings)) {
    for (const [valueId, score] of Object.entries(perValue)) {
      if (!valueSet.has(valueId)) return fail('BAD_REQUEST', 'A value does not take part in this activity');
      if (score !== null && !(Number.isInteger(score) && score >= -2 && score <= 2)) return fail('BAD_REQUEST', 'A score is −2 … +2 or null');
    }
  }
  const ratings: OptionRatings = {};
  const why: Record<string, string> = {};
  for (const optionId of options) {
    const perValue = Object.hasOwn(answer.ratings, optionId) ? answer.ratings[optionId] : undefined;
    if (perValue) {
      const inOrder: Record<string, OptionScore | null> = {};
      for (const valueId of valueIds) if (Object.hasOwn(perValue, valueId)) inOrder[valueId] = perValue[valueId] ?? null;
      if (Object.keys(inOrder).length > 0) ratings[optionId] = inOrder;
    }
    const text = Object.hasOwn(answer.why, optionId) ? answer.why[optionId] : undefined;
    if (text) why[optionId] = text;
  }
  if (Object.keys(ratings).length === 0 && Object.keys(why).length === 0) return fail('BAD_REQUEST', 'The answer is empty');
  return ok({ kind: 'options', ratings, why });
}

/**
 * Why an activity may not open now: an options activity with fewer than OPTIONS_LIMITS.options.min
 * (2) options would give the phones nothing to weigh (`NOT_ALLOWED`). null when it may open, and
 * for every other kind. decide() asks it for `activity:control open` and `agenda:goto` to a pending step.
 */
export function optionsOpenRefusal(activity: Pick<Activity, 'kind' | 'config'>): ErrorBody | null {
  if (activity.kind !== 'options' || activity.config.options.length >= OPTIONS_LIMITS.options.min) return null;
  return { code: 'NOT_ALLOWED', message: `An options activity opens with at least ${OPTIONS_LIMITS.options.min} options; add them in its settings first` };
}

/** The option's title in the workshop's language is required; the other language may be empty. */
export function optionMissingTitle(options: readonly OptionItem[], language: Lang): OptionItem | null {
  return options.find((o) => o.text[language].title.trim() === '') ?? null;
}

/**
 * The options kind's checks of an `activity:configure`, on the fields that change:
 * - `options`: 2–8, ids unique, each with a title in the workshop's language (`BAD_REQUEST`);
 * - `valueIds`: at most OPTIONS_LIMITS.values.max (8) values (`BAD_REQUEST`; at least 1 is the
 *   schema's);
 * - `weights.voteActivityId` (when not null): an activity of the agenda (`NOT_FOUND`) that is a
 *   dots, rank or points vote and comes before this one (`BAD_REQUEST`). Null is allowed with
 *   every mode: for 'room' and 'group' it is resolved when the activity opens (configAtOpen).
 */
export function checkOptionsConfig(state: Pick<WorkshopState, 'activities' | 'language'>, activity: Pick<Activity, 'id'>, changes: Partial<ActivityConfig>): Result<null> {
  const { options, valueIds, weights } = changes;
  if (options !== undefined) {
    const { min, max } = OPTIONS_LIMITS.options;
    if (options.length < min || options.length > max) return fail('BAD_REQUEST', `An options activity weighs ${min} to ${max} options`);
    if (new Set(options.map((o) => o.id)).size !== options.length) return fail('BAD_REQUEST', 'Option ids must differ');
    const untitled = optionMissingTitle(options, state.language);
    if (untitled) return fail('BAD_REQUEST', `Every option needs a title in the workshop's language (${state.language})`);
  }
  if (valueIds && valueIds.length > OPTIONS_LIMITS.values.max) {
    return fail('BAD_REQUEST', `${valueIds.length} values picked; at most ${OPTIONS_LIMITS.values.max} values weigh the options`);
  }
  if (weights && weights.voteActivityId !== null) {
    const index = state.activities.findIndex((a) => a.id === weights.voteActivityId);
    const vote = state.activities[index];
    if (!vote) return fail('NOT_FOUND', 'No such vote');
    if (!isWeightingVote(vote)) return fail('BAD_REQUEST', 'The weights come from a dots, rank or points vote');
    if (index >= state.activities.findIndex((a) => a.id === activity.id)) return fail('BAD_REQUEST', 'The weighting vote must come before this activity in the agenda');
  }
  return ok(null);
}
