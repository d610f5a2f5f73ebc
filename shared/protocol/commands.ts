import { z } from 'zod';
import { answerSchema } from '../domain/answers.js';
import { isBuiltInName } from '../domain/own.js';
import { LIMITS, clientIdSchema, idSchema, textField } from '../domain/text.js';
import { VOTE_LIMITS } from '../domain/permissions.js';
import { optionListSchema, optionWeightsSchema } from '../kinds/options/schema.js';
import { REMOVE_MANY_MAX_IDS } from '../domain/limits.js';
import { ACTIVITY_KINDS, SCAN_FACTORS, type ActivityKind, type ScanFactor } from '../domain/types.js';
import { FEEDBACK_LIMITS, FEEDBACK_TARGET_KINDS, type FeedbackTargetKind } from '../domain/feedbackModel.js';
import { ONLINE_LIMITS } from '../domain/onlineModel.js';
import { PROCESS_LIMITS } from '../process/model.js';

/**
 * Every command a client can send over the socket: its payload schema and who may send it.
 * Adding a command is adding a row here, a case in decide(), and a line in docs/protocol.md.
 *
 * Roles: `host` holds the host token; `participant` has joined (participant token);
 * `visitor` is anyone connected with the join code and no token (the board, a phone before joining).
 */
export type Role = 'host' | 'participant' | 'visitor';

/**
 * An id a client makes for what its command creates. A name every plain object inherits
 * (`constructor`, `__proto__`, `toString`…, see BUILT_IN_NAMES) is refused (`BAD_REQUEST`),
 * so no stored id can ever be mistaken for, or overwrite, a built-in property.
 */
const newId = <T extends z.ZodString>(schema: T) => schema.refine((id) => !isBuiltInName(id), { message: 'This id is a reserved name' });
const phoneMadeId = newId(clientIdSchema);
const madeId = newId(idSchema);

/** An http(s) URL, as typed: anything else (javascript:, data:, a bare word) is refused. */
const linkSchema = z
  .string()
  .trim()
  .max(FEEDBACK_LIMITS.link, { message: `At most ${FEEDBACK_LIMITS.link} characters` })
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, { message: 'A link must be an http:// or https:// address' });

const valueText = {
  title: textField(LIMITS.valueTitle),
  description: textField(LIMITS.valueDescription, { min: 0, multiline: true }).default(''),
};

export const activityActionSchema = z.enum(['open', 'lock', 'unlock', 'close', 'reveal', 'hide']);
export type ActivityAction = z.infer<typeof activityActionSchema>;

const statementSchema = z.object({
  id: madeId,
  factor: z.enum(SCAN_FACTORS as [ScanFactor, ...ScanFactor[]]),
  text: z.object({ nl: textField(LIMITS.statementText), en: textField(LIMITS.statementText) }),
});

export const commandSchemas = {
  'participant:join': z.object({
    name: textField(LIMITS.participantName, { min: 0 }).optional(),
    groupId: idSchema,
  }),
  'participant:update': z.object({
    name: textField(LIMITS.participantName, { min: 0 }).optional(),
    groupId: idSchema.optional(),
  }),
  'participant:remove': z.object({ participantId: idSchema }),
  /**
   * Removes many at once: everyone still in who joined at `joinedAfter` (ms since the epoch) or
   * later, or the listed `participantIds` (at most REMOVE_MANY_MAX_IDS). Exactly one of the two.
   */
  'participant:removeMany': z
    .object({
      joinedAfter: z.number().int().min(0).optional(),
      participantIds: z.array(idSchema).min(1).max(REMOVE_MANY_MAX_IDS).optional(),
    })
    .refine((p) => (p.joinedAfter === undefined) !== (p.participantIds === undefined), { message: 'Give either joinedAfter or participantIds' }),
  /** The facilitator erases one participant's data (joined, removed or left): name, stories, answers, endorsements. */
  'participant:erase': z.object({ participantId: idSchema }),
  /** A participant erases their own data; the phone is then told (`participant:erased`) and disconnected. */
  'participant:eraseSelf': z.object({}),
  /** `valueId`: optional, made by the phone so a retried send is stored once. */
  'value:propose': z.object({ ...valueText, valueId: phoneMadeId.optional() }),
  /** `valueId`: optional, made by the console so a retried send is stored once. */
  'value:add': z.object({ ...valueText, valueId: phoneMadeId.optional() }),
  'value:edit': z.object({ valueId: idSchema, ...valueText }),
  'value:hide': z.object({ valueId: idSchema, hidden: z.boolean() }),
  'value:merge': z.object({ sourceId: idSchema, targetId: idSchema }),
  /** `storyId`: optional, made by the phone so a retried send is stored once. */
  'story:add': z.object({ valueId: idSchema, text: textField(LIMITS.storyText, { multiline: true }), storyId: phoneMadeId.optional() }),
  'story:endorse': z.object({ storyId: idSchema }),
  'story:hide': z.object({ storyId: idSchema, hidden: z.boolean() }),
  'settings:update': z.object({
    allowProposals: z.boolean().optional(),
    allowNames: z.boolean().optional(),
    minGroupSize: z.number().int().min(1).max(50).optional(),
    /** false: new phones can't join (`participant:join` is NOT_ALLOWED); joined phones stay. */
    joiningOpen: z.boolean().optional(),
  }),
  'activity:control': z.object({ activityId: idSchema, action: activityActionSchema }),
  'activity:configure': z.object({
    activityId: idSchema,
    /** The question; an empty string or null restores the default question. */
    title: textField(LIMITS.activityTitle, { min: 0 }).nullable().optional(),
    valueIds: z.array(idSchema).min(1).max(VOTE_LIMITS.valueIds.max).nullable().optional(),
    timerSeconds: z.number().int().min(VOTE_LIMITS.timerSeconds.min).max(VOTE_LIMITS.timerSeconds.max).nullable().optional(),
    dotsPerParticipant: z.number().int().min(VOTE_LIMITS.dotsPerParticipant.min).max(VOTE_LIMITS.dotsPerParticipant.max).optional(),
    dotsMaxPerValue: z.number().int().min(VOTE_LIMITS.dotsMaxPerValue.min).max(VOTE_LIMITS.dotsMaxPerValue.max).optional(),
    rankK: z.number().int().min(VOTE_LIMITS.rankK.min).max(VOTE_LIMITS.rankK.max).nullable().optional(),
    statements: z.array(statementSchema).min(VOTE_LIMITS.statements.min).max(VOTE_LIMITS.statements.max).optional(),
    /** Options only: 2–8 options, each `{ id, text: { nl: { title, description }, en: {…} } }` (a title in the workshop's language). */
    options: optionListSchema.optional(),
    /** Options only: where the values' weights come from, `{ mode: "equal" | "room" | "group", voteActivityId }`. */
    weights: optionWeightsSchema.optional(),
  }),
  'agenda:add': z.object({
    kind: z.enum(ACTIVITY_KINDS as [ActivityKind, ...ActivityKind[]]),
    /** Insert after this activity; null or left out: at the end. */
    afterActivityId: idSchema.nullable().optional(),
  }),
  'agenda:move': z.object({ activityId: idSchema, toIndex: z.number().int().min(0).max(200) }),
  'agenda:remove': z.object({ activityId: idSchema }),
  /** A copy right after the original, with no answers: the next round. */
  'agenda:duplicate': z.object({ activityId: idSchema }),
  /** Make this the current activity (next / previous); a pending one opens, the open one it leaves locks. */
  'agenda:goto': z.object({ activityId: idSchema }),
  /** Adds time to the activity's timer; reopens it if it had locked. */
  'activity:extend': z.object({ activityId: idSchema, seconds: z.number().int().min(VOTE_LIMITS.extendSeconds.min).max(VOTE_LIMITS.extendSeconds.max) }),
  /** Sends the summary ("what we found together") to every phone; `published: false` takes it back. */
  'summary:publish': z.object({ published: z.boolean() }),
  /**
   * `openAnswerId`: the `id` of an entry in a scan's or an options activity's `openAnswers`,
   * `<activityId>:<participantId>:<answerId>:<field>`, field `wentWell`, `couldBeBetter` or `why.<optionId>`.
   */
  'open-answer:endorse': z.object({ openAnswerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_-]{1,64}){2}:(wentWell|couldBeBetter|why\.[A-Za-z0-9_-]{1,64})$/) }),
  /**
   * "You said, we did": adds the entry `entryId` (made by the organiser's browser) or replaces it
   * whole. The same text again stores nothing. `target.id` must name a value (value, tension),
   * an option of `target.activityId` (option), or be null (general).
   */
  'feedback:set': z.object({
    entryId: madeId,
    target: z.object({
      kind: z.enum(FEEDBACK_TARGET_KINDS as [FeedbackTargetKind, ...FeedbackTargetKind[]]),
      id: idSchema.nullable(),
      activityId: idSchema.nullable().default(null),
    }),
    decision: textField(FEEDBACK_LIMITS.decision, { multiline: true }),
    reason: textField(FEEDBACK_LIMITS.reason, { min: 0, multiline: true }).default(''),
    when: textField(FEEDBACK_LIMITS.when, { min: 0 }).default(''),
    link: linkSchema.nullable().default(null),
  }),
  'feedback:remove': z.object({ entryId: idSchema }),
  /** Shows the entries at the join link (`true`) or takes them back (`false`). */
  'feedback:publish': z.object({ published: z.boolean() }),
  /**
   * Keeps these steps (dots, rank, points, scan, options) open online until `until` (epoch ms,
   * ONLINE_LIMITS from now), through the same join link; ends the live session (answers from
   * now on are marked `online`) and opens joining. Sent again, it replaces the window.
   */
  'online:open': z.object({
    activityIds: z.array(idSchema).min(1).max(ONLINE_LIMITS.activities),
    until: z.number().int().positive(),
  }),
  /** Closes the online window now (answers are refused from then on). */
  'online:close': z.object({}),
  /** Invited numbers per group (the process sends them to each meeting); a group left out keeps its number. */
  'groups:invited': z.object({
    invited: z.array(z.object({ groupId: idSchema, invited: z.number().int().min(0).max(PROCESS_LIMITS.invitedMax).nullable() })).min(1).max(LIMITS.groupsMax),
  }),
  'answer:submit': z.object({
    activityId: idSchema,
    /** Made by the phone; a retried send with the same id is acknowledged but counted once. */
    answerId: madeId,
    answer: answerSchema,
  }),
} as const;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

/** What a client may send (before defaults and trimming). */
export type CommandInput<K extends CommandName> = z.input<(typeof commandSchemas)[K]>;
/** What the domain receives, after validation. */
export type CommandPayload<K extends CommandName> = z.output<(typeof commandSchemas)[K]>;

export const commandRoles: Record<CommandName, Role> = {
  'participant:join': 'visitor',
  'participant:update': 'participant',
  'participant:remove': 'host',
  'participant:removeMany': 'host',
  'participant:erase': 'host',
  'participant:eraseSelf': 'participant',
  'value:propose': 'participant',
  'value:add': 'host',
  'value:edit': 'host',
  'value:hide': 'host',
  'value:merge': 'host',
  'story:add': 'participant',
  'story:endorse': 'participant',
  'story:hide': 'host',
  'settings:update': 'host',
  'activity:control': 'host',
  'activity:configure': 'host',
  'answer:submit': 'participant',
  'agenda:add': 'host',
  'agenda:move': 'host',
  'agenda:remove': 'host',
  'agenda:duplicate': 'host',
  'agenda:goto': 'host',
  'activity:extend': 'host',
  'summary:publish': 'host',
  'open-answer:endorse': 'participant',
  'feedback:set': 'host',
  'feedback:remove': 'host',
  'feedback:publish': 'host',
  'online:open': 'host',
  'online:close': 'host',
  'groups:invited': 'host',
};

/** What a successful command acknowledges with. */
export interface CommandResults {
  'participant:join': { participantId: string; token: string };
  'participant:update': Record<string, never>;
  'participant:remove': Record<string, never>;
  /** How many participants this command removed (0 for a repeat). */
  'participant:removeMany': { removed: number };
  'participant:erase': Record<string, never>;
  'participant:eraseSelf': Record<string, never>;
  'value:propose': { valueId: string };
  'value:add': { valueId: string };
  'value:edit': Record<string, never>;
  'value:hide': Record<string, never>;
  'value:merge': Record<string, never>;
  'story:add': { storyId: string };
  'story:endorse': Record<string, never>;
  'story:hide': Record<string, never>;
  'settings:update': Record<string, never>;
  'activity:control': Record<string, never>;
  'activity:configure': Record<string, never>;
  /** duplicate: this answerId was already stored (a retried send); nothing changed. */
  'answer:submit': { answerId: string; duplicate: boolean };
  'agenda:add': { activityId: string };
  'agenda:move': Record<string, never>;
  'agenda:remove': Record<string, never>;
  'agenda:duplicate': { activityId: string };
  'agenda:goto': Record<string, never>;
  'activity:extend': Record<string, never>;
  'summary:publish': Record<string, never>;
  'open-answer:endorse': Record<string, never>;
  'feedback:set': { entryId: string };
  'feedback:remove': Record<string, never>;
  'feedback:publish': Record<string, never>;
  'online:open': Record<string, never>;
  'online:close': Record<string, never>;
  'groups:invited': Record<string, never>;
}

/** A validated command, as the domain sees it. */
export type Command = { [K in CommandName]: { type: K; payload: CommandPayload<K> } }[CommandName];
