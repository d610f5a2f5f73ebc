import { z } from 'zod';
import { LIMITS, textField } from './text.js';
import { kindRules } from '../kinds/rules.js';
import { DEFAULT_GROUPS, TEMPLATES, templateAgenda } from './templates.js';
import { templateFileSchema, type TemplateFile } from './templateFile.js';
import type { Activity, ActivityConfig, ActivityKind, Group, Lang, TemplateId, Value, WorkshopState } from './types.js';
import { LANGS, TEMPLATE_IDS } from './types.js';

/** Body of POST /api/workshops. */
export const createWorkshopSchema = z.object({
  title: textField(LIMITS.workshopTitle),
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).default('heat-transition'),
  language: z.enum(LANGS as [Lang, ...Lang[]]).default('nl'),
  /** Group names as the facilitator edited them; default when left out. */
  groups: z
    .array(textField(LIMITS.groupName))
    .min(1, { message: 'At least one group' })
    .max(LIMITS.groupsMax, { message: `At most ${LIMITS.groupsMax} groups` })
    .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, { message: 'Group names must differ' })
    .optional(),
  allowNames: z.boolean().default(false),
  allowProposals: z.boolean().default(true),
  /** A facilitator's own template (an imported or saved file); when given, its cards and agenda replace `template`'s. */
  custom: templateFileSchema.optional(),
});
export type CreateWorkshopInput = z.input<typeof createWorkshopSchema>;
export type CreateWorkshopBody = z.output<typeof createWorkshopSchema>;

export const DEFAULT_MIN_GROUP_SIZE = 3;

/** A new activity's config: the common defaults, then the kind's own (KindModule.defaultConfig: a scan's statements…). */
export function defaultActivityConfig(kind: ActivityKind): ActivityConfig {
  return {
    valueIds: null,
    timerSeconds: null,
    dotsPerParticipant: 5,
    dotsMaxPerValue: 3,
    rankK: 5,
    statements: [],
    options: [],
    weights: { mode: 'room', voteActivityId: null },
    ...kindRules(kind).defaultConfig(),
  };
}

export function newActivity(id: string, kind: ActivityKind): Activity {
  return { id, kind, title: null, config: defaultActivityConfig(kind), status: 'pending', revealed: false, openedAt: null, endsAt: null };
}

/** A group typed with a default group's name (in either language) keeps both languages. */
function toGroup(id: string, name: string): Group {
  const known = DEFAULT_GROUPS.find((g) => g.nl.toLocaleLowerCase() === name.toLocaleLowerCase() || g.en.toLocaleLowerCase() === name.toLocaleLowerCase());
  return known ? { id, name, i18n: known } : { id, name };
}

/**
 * The initial state of a new workshop, from a template. Ids, code, clock and the host token's
 * hash come from the caller, so this stays pure.
 */
export function createWorkshop(
  body: CreateWorkshopBody,
  ctx: { id: string; code: string; hostTokenHash: string; now: number; newId: () => string },
): WorkshopState {
  const template = body.custom ? fromFile(body.custom) : fromBuiltIn(body.template);
  const groupNames = body.groups ?? body.custom?.groups ?? DEFAULT_GROUPS.map((g) => g[body.language]);
  const values: Record<string, Value> = {};
  const valueOrder: string[] = [];
  for (const c of template.cards) {
    const id = ctx.newId();
    values[id] = {
      id,
      ...(c.i18n ? { ...c.i18n[body.language], i18n: c.i18n } : { title: c.title, description: c.description }),
      origin: 'template',
      proposedBy: null,
      groupId: null,
      hidden: false,
      mergedInto: null,
      mergedFrom: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    valueOrder.push(id);
  }
  return {
    id: ctx.id,
    code: ctx.code,
    title: body.title,
    language: body.language,
    template: body.custom ? 'custom' : body.template,
    hostTokenHash: ctx.hostTokenHash,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    seq: 0,
    settings: { allowProposals: body.allowProposals, allowNames: body.allowNames, minGroupSize: DEFAULT_MIN_GROUP_SIZE, joiningOpen: true },
    groups: groupNames.map((name) => toGroup(ctx.newId(), name)),
    participants: {},
    values,
    valueOrder,
    stories: {},
    activities: template.agenda.map((item) => {
      const a = newActivity(ctx.newId(), item.kind);
      return { ...a, title: item.title, config: { ...a.config, ...item.config } };
    }),
    currentActivityId: null,
    answers: {},
    openAnswerEndorsements: {},
    summaryPublishedAt: null,
  };
}

/** Cards and agenda in one shape, from a built-in template or a template file. */
interface StartingPoint {
  cards: { title: string; description: string; i18n?: { nl: { title: string; description: string }; en: { title: string; description: string } } }[];
  agenda: { kind: ActivityKind; title: string | null; config: Partial<ActivityConfig> }[];
}

function fromFile(file: TemplateFile): StartingPoint {
  return { cards: file.cards, agenda: file.agenda };
}

function fromBuiltIn(id: TemplateId): StartingPoint {
  const t = TEMPLATES[id];
  return {
    cards: t.cards.map((c) => ({ ...c.en, i18n: c })),
    agenda: templateAgenda(t),
  };
}
