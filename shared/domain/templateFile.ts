import { z } from 'zod';
import { LIMITS, textField } from './text.js';
import { ACTIVITY_KINDS, LANGS, SCAN_FACTORS, type ActivityConfig, type ActivityKind, type Lang, type ScanFactor } from './types.js';
import { kindModule } from '../kinds/index.js';
import type { OptionWeights } from '../kinds/options/model.js';
import { optionListSchema, optionWeightsSchema } from '../kinds/options/schema.js';

/**
 * A facilitator's own template as a JSON file: value cards and an agenda, to save, share and
 * start a new workshop from. Value ids are not part of it (they are made anew per workshop).
 */
export const TEMPLATE_FILE_FORMAT = 'raakvlak-template';
export const TEMPLATE_FILE_VERSION = 1;

const cardText = z.object({ title: textField(LIMITS.valueTitle), description: textField(LIMITS.valueDescription, { min: 0, multiline: true }).default('') });

export const templateFileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  version: z.literal(TEMPLATE_FILE_VERSION),
  name: textField(LIMITS.workshopTitle),
  language: z.enum(LANGS as [Lang, ...Lang[]]),
  cards: z
    .array(cardText.extend({ i18n: z.object({ nl: cardText, en: cardText }).optional() }))
    .max(100),
  agenda: z
    .array(
      z.object({
        kind: z.enum(ACTIVITY_KINDS as [ActivityKind, ...ActivityKind[]]),
        title: textField(LIMITS.activityTitle, { min: 0 }).nullable().default(null),
        config: z
          .object({
            timerSeconds: z.number().int().min(10).max(3 * 3600).nullable(),
            dotsPerParticipant: z.number().int().min(1).max(50),
            dotsMaxPerValue: z.number().int().min(1).max(50),
            rankK: z.number().int().min(1).max(200).nullable(),
            statements: z
              .array(
                z.object({
                  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
                  factor: z.enum(SCAN_FACTORS as [ScanFactor, ...ScanFactor[]]),
                  text: z.object({ nl: textField(LIMITS.statementText), en: textField(LIMITS.statementText) }),
                }),
              )
              .max(30),
            /** Options only (see the activity `options`). */
            options: optionListSchema,
            /** Options only: where the weights come from. The weighting vote is an activity of another workshop, so it is not kept: it is picked at open. */
            weights: z.object({ mode: optionWeightsSchema.shape.mode }).transform((w): OptionWeights => ({ mode: w.mode, voteActivityId: null })),
          })
          .partial()
          .default({}),
      }),
    )
    .min(1)
    .max(40),
  groups: z.array(textField(LIMITS.groupName)).min(1).max(LIMITS.groupsMax).optional(),
});
export type TemplateFile = z.output<typeof templateFileSchema>;
export type TemplateFileInput = z.input<typeof templateFileSchema>;

/**
 * The template of a running workshop: its visible cards and its agenda with each activity's
 * settings (the values a vote was limited to are dropped: ids don't carry over).
 */
export function templateFromWorkshop(input: {
  name: string;
  language: Lang;
  values: { title: string; description: string; i18n?: { nl: { title: string; description: string }; en: { title: string; description: string } } }[];
  activities: { kind: ActivityKind; title: string | null; config: ActivityConfig }[];
  groups?: string[];
}): TemplateFile {
  return {
    format: TEMPLATE_FILE_FORMAT,
    version: TEMPLATE_FILE_VERSION,
    name: input.name,
    language: input.language,
    cards: input.values.map((v) => ({ title: v.title, description: v.description, ...(v.i18n ? { i18n: v.i18n } : {}) })),
    agenda: input.activities.map((a) => ({
      kind: a.kind,
      title: a.title,
      config: {
        timerSeconds: a.config.timerSeconds,
        dotsPerParticipant: a.config.dotsPerParticipant,
        dotsMaxPerValue: a.config.dotsMaxPerValue,
        rankK: a.config.rankK,
        // The kind's own fields (KindModule.templateConfig): a scan's statements, an options activity's options and weight mode.
        ...kindModule(a.kind).templateConfig(a.config),
      },
    })),
    ...(input.groups ? { groups: input.groups } : {}),
  };
}
