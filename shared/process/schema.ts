import { z } from 'zod';
import { LIMITS, idSchema, textField } from '../domain/text.js';
import { LANGS, TEMPLATE_IDS, type Lang, type TemplateId } from '../domain/types.js';
import { PROCESS_LIMITS } from './model.js';

/** A client-made request id: a retried request with the same id changes nothing twice. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'Invalid request id' });
const invited = z.number().int().min(0).max(PROCESS_LIMITS.invitedMax).nullable();

const groupNamesDiffer = (groups: readonly { name: string }[]) => new Set(groups.map((g) => g.name.toLocaleLowerCase())).size === groups.length;

/** Body of `POST /api/processes`. */
export const createProcessSchema = z.object({
  title: textField(PROCESS_LIMITS.title),
  area: textField(PROCESS_LIMITS.area, { min: 0 }).default(''),
  language: z.enum(LANGS as [Lang, ...Lang[]]).default('nl'),
  groups: z
    .array(z.object({ name: textField(LIMITS.groupName), invited: invited.default(null) }))
    .min(1, { message: 'At least one group' })
    .max(LIMITS.groupsMax, { message: `At most ${LIMITS.groupsMax} groups` })
    .refine(groupNamesDiffer, { message: 'Group names must differ' }),
});
export type CreateProcessInput = z.input<typeof createProcessSchema>;
export type CreateProcessBody = z.output<typeof createProcessSchema>;

/**
 * Body of `PATCH /api/processes/:code` (organiser). `groups` is the whole new list: an entry
 * with an `id` keeps (and may rename or re-number) that group, one without adds a group; a
 * group left out is refused while a meeting has it (`NOT_ALLOWED`). Invited numbers reach every
 * meeting of the process at once.
 */
export const updateProcessSchema = z.object({
  requestId,
  title: textField(PROCESS_LIMITS.title).optional(),
  area: textField(PROCESS_LIMITS.area, { min: 0 }).optional(),
  groups: z
    .array(z.object({ id: idSchema.optional(), name: textField(LIMITS.groupName), invited }))
    .min(1)
    .max(LIMITS.groupsMax)
    .refine(groupNamesDiffer, { message: 'Group names must differ' })
    .optional(),
});
export type UpdateProcessInput = z.input<typeof updateProcessSchema>;
export type UpdateProcessBody = z.output<typeof updateProcessSchema>;

/**
 * Body of `POST /api/processes/:code/meetings` (organiser). The first meeting starts from
 * `template`'s cards and agenda with the process's groups; a later one from the previous
 * meeting's groups and values (merges and provenance kept), with its agenda from `agenda`
 * ('previous': the previous meeting's steps, reset) and, when `rankingOrder`, the values in
 * the order of the previous meeting's last vote with answers.
 */
export const createMeetingSchema = z.object({
  requestId,
  title: textField(LIMITS.workshopTitle),
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).default('heat-transition'),
  agenda: z.union([z.literal('previous'), z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]])]).default('previous'),
  rankingOrder: z.boolean().default(false),
  allowNames: z.boolean().default(false),
  allowProposals: z.boolean().default(true),
});
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type CreateMeetingBody = z.output<typeof createMeetingSchema>;
