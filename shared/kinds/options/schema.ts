/**
 * The zod schemas of the activity `options` ("Weigh the options"): its answer and its two config
 * fields, `options` and `weights`, as `answer:submit` and `activity:configure` take them. The
 * checks that need the activity or the workshop (which options and values take part, unique ids,
 * the weighting vote) are in validate.ts.
 */
import { z } from 'zod';
import { isBuiltInName } from '../../domain/own.js';
import { idSchema, textField } from '../../domain/text.js';
import { OPTIONS_LIMITS, WEIGHT_MODES, type OptionItem, type OptionScore, type OptionWeights, type OptionsAnswer, type WeightMode } from './model.js';

/** −2 … +2, or null for "don't know". */
export const optionScoreSchema = z.union([z.literal(-2), z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]).nullable();

/**
 * An options answer: `ratings` optionId → valueId → score or null ("don't know"), and `why`
 * optionId → an optional sentence (0–280 characters, may span lines). Both default to `{}`.
 * At most OPTIONS_LIMITS.options.max options and OPTIONS_LIMITS.values.max values per option.
 */
export const optionsAnswerSchema = z.object({
  kind: z.literal('options'),
  ratings: z
    .record(
      idSchema,
      z.record(idSchema, optionScoreSchema).refine((r) => Object.keys(r).length <= OPTIONS_LIMITS.values.max, {
        message: `At most ${OPTIONS_LIMITS.values.max} values per option`,
      }),
    )
    .refine((r) => Object.keys(r).length <= OPTIONS_LIMITS.options.max, { message: `At most ${OPTIONS_LIMITS.options.max} options` })
    .default({}),
  why: z
    .record(idSchema, textField(OPTIONS_LIMITS.why, { min: 0, multiline: true }))
    .refine((r) => Object.keys(r).length <= OPTIONS_LIMITS.options.max, { message: `At most ${OPTIONS_LIMITS.options.max} options` })
    .default({}),
});

/** An option's id is made by the console; a name every object inherits (`constructor`…) is refused. */
const optionId = idSchema.refine((id) => !isBuiltInName(id), { message: 'This id is a reserved name' });

const optionText = z.object({
  /** Empty is allowed here; the workshop's language must have a title (checkConfig). */
  title: textField(OPTIONS_LIMITS.optionTitle, { min: 0 }),
  description: textField(OPTIONS_LIMITS.optionDescription, { min: 0, multiline: true }).default(''),
});

export const optionItemSchema = z.object({
  id: optionId,
  text: z.object({ nl: optionText, en: optionText }),
});

/** `activity:configure`'s `options`: 2–8 options. */
export const optionListSchema = z
  .array(optionItemSchema)
  .min(OPTIONS_LIMITS.options.min, { message: `At least ${OPTIONS_LIMITS.options.min} options` })
  .max(OPTIONS_LIMITS.options.max, { message: `At most ${OPTIONS_LIMITS.options.max} options` });

/** `activity:configure`'s `weights`. */
export const optionWeightsSchema = z.object({
  mode: z.enum(WEIGHT_MODES as [WeightMode, ...WeightMode[]]),
  voteActivityId: idSchema.nullable(),
});

// ---- compile-time: the schemas produce exactly the plain types of model.ts ----
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const checks: [
  Same<z.output<typeof optionsAnswerSchema>, OptionsAnswer>,
  Same<z.output<typeof optionItemSchema>, OptionItem>,
  Same<z.output<typeof optionWeightsSchema>, OptionWeights>,
  Same<z.output<typeof optionScoreSchema>, OptionScore | null>,
] = [true, true, true, true];
void checks;
