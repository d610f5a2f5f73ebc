import { z } from 'zod';
import type { ActivityResults, OpenAnswer } from './results.js';
import type { Summary } from './summary.js';
import { answerSchema } from './answers.js';
import { EXPORT_SCHEMA_VERSION, type ExportAnswer, type ExportDocument, type ExportFeedbackEntry } from './export.js';
import { FEEDBACK_TARGET_KINDS, type FeedbackTargetKind } from './feedbackModel.js';
import { ANSWER_CHANNELS, REPRESENTATION_LIMITS, type AnswerChannel, type Representation } from './onlineModel.js';
import { ACTIVITY_KINDS, LANGS, SCAN_FACTORS, TEMPLATE_IDS, type ActivityKind, type Lang, type ScanFactor, type TemplateId } from './types.js';
import type { RoundComparison, ScanResults, VoteResults } from '../consensus/types.js';
import { OPTION_SCORE_MAX, OPTION_SCORE_MIN, WEIGHT_MODES, type OptionsResults, type OptionsSummary, type WeightMode } from '../kinds/options/model.js';

/**
 * The export document (export.ts) as a zod schema: the source of docs/export.schema.json
 * (`npm run schema`) and of the field list in docs/export.md. The compile-time checks at the
 * bottom fail when this schema and the ExportDocument type drift apart; the integration tests
 * validate real exports against the generated JSON Schema, which forbids unknown fields.
 */
const id = z.string().min(1);
const iso = z.iso.datetime().meta({ id: 'Time', description: 'ISO 8601 time, UTC' });
const count = z.number().int().min(0);
const num = z.number();
const numOrNull = z.number().nullable();
const factor = z.enum(SCAN_FACTORS as [ScanFactor, ...ScanFactor[]]);
const voteKind = z.enum(['dots', 'rank', 'points']);
const valueOrigin = z.enum(['template', 'facilitator', 'participant']);

// ---- results (shared/consensus/types.ts), exactly the numbers the board shows ----

const spreadSchema = z
  .object({ mean: num, sd: num, min: num, q1: num, median: num, q3: num, max: num })
  .meta({ id: 'Spread', description: 'Over the per-participant scores of one value: population sd, type-7 quartiles' });

const valueResultSchema = z
  .object({
    valueId: id,
    position: z.number().int().min(1).describe('1-based, standard competition ranking (1, 2, 2, 4)'),
    score: num.describe('dots: total dots; rank: Borda total; points: mean points'),
    normalizedScore: num.describe('mean score per participant ÷ scaleMax, 0..1 (what rounds compare)'),
    share: num.describe('score / sum of all scores (0 when that sum is 0)'),
    spread: spreadSchema,
    agreement: numOrNull.describe('Tastle–Wierman consensus of the per-participant scores, 0..1; null with fewer than 2 answers'),
    supporters: count.describe('dots: gave ≥ 1 dot; rank: ranked it at a position ≤ ⌈n/2⌉ of the n values; points: gave ≥ 100 / n'),
    supportShare: num.describe('supporters / answers'),
  })
  .meta({ id: 'ValueResult' });

const kendallWSchema = z
  .object({
    w: num.describe("Kendall's W, 0 (no agreement) .. 1 (everyone ranked alike), tie-corrected"),
    m: count.describe('raters (non-empty rankings)'),
    n: count.describe('items (values)'),
    chiSquare: num.describe('m (n − 1) W'),
    df: count.describe('n − 1'),
    p: num.describe('P(W at least this large | random orders): exact for small untied rooms, else the chi-square(df) upper tail'),
    pMethod: z.enum(['exact', 'chi-square']),
    tieCorrected: z.boolean(),
  })
  .meta({ id: 'KendallW' });

const excludedGroupSchema = z.object({ groupId: id, answers: count }).meta({ id: 'ExcludedGroup', description: 'A group left out: fewer answers than minGroupSize' });

const lensCellSchema = z.object({
  groupId: id,
  score: num.describe("the group's mean score per member, normalised to 0..1"),
  support: num.describe('smoothed support (supporters + 1) / (answers + 2)'),
  supporters: count,
  answers: count,
}).meta({ id: 'LensCell' });

export const commonGroundSchema = z.object({
  valueId: id,
  score: num.describe("geometric mean of the included groups' smoothed support"),
  lowestGroupId: id,
  lowestSupport: num,
  flagged: z.boolean().describe('called common ground: ≥ 2 included groups and lowestSupport ≥ 0.5'),
}).meta({ id: 'CommonGroundItem' });

export const tensionSchema = z.object({
  valueId: id,
  spread: num.describe("max − min of the included groups' normalised scores, 0..1"),
  highGroupId: id,
  lowGroupId: id,
  flagged: z.boolean().describe('called a tension: spread ≥ 0.2 (within 1e-9)'),
}).meta({ id: 'TensionItem' });

const lensSchema = z.object({
  includedGroupIds: z.array(id),
  excludedGroups: z.array(excludedGroupSchema),
  cells: z.record(z.string(), z.array(lensCellSchema)).describe('valueId → one cell per included group'),
  commonGround: z.array(commonGroundSchema).describe('every value, most common ground first'),
  tension: z.array(tensionSchema).describe('every value, largest spread first; empty with fewer than 2 included groups'),
  withinGroupW: z.record(z.string(), kendallWSchema.nullable()).describe("rank only: groupId → Kendall's W within the group"),
  betweenGroups: z.array(z.object({ a: id, b: id, rho: numOrNull.describe("Spearman's rho between the two groups' scores") })),
}).meta({ id: 'GroupsLens' });

const voteResultsSchema = z.object({
  kind: voteKind,
  answers: count,
  answersByGroup: z.record(z.string(), count),
  scaleMax: num.describe('the most one participant can give one value'),
  values: z.array(valueResultSchema).describe('by position'),
  kendallW: kendallWSchema.nullable().describe('rank, dots and points (the order the scores imply); null with fewer than 2 rankings or values'),
  agreementLevel: z.enum(['none', 'weak', 'moderate', 'strong', 'very-strong']).nullable(),
  lens: lensSchema,
}).meta({ id: 'VoteResults' });

const roundComparisonSchema = z.object({
  values: z.array(
    z.object({
      valueId: id,
      positionBefore: z.number().int().nullable(),
      positionAfter: z.number().int(),
      positionChange: z.number().int().nullable().describe('positive = moved up'),
      scoreBefore: numOrNull.describe('normalizedScore in the previous round'),
      scoreAfter: num.describe('normalizedScore in this round'),
      scoreChange: numOrNull.describe('scoreAfter − scoreBefore'),
    }),
  ),
  wBefore: numOrNull,
  wAfter: numOrNull,
  wChange: numOrNull,
}).meta({ id: 'RoundComparison' });

const scanResultsSchema = z.object({
  answers: count,
  factors: z.array(
    z.object({
      factor,
      mean: numOrNull,
      sd: numOrNull,
      answers: count,
      agreement: numOrNull,
      byGroup: z.array(z.object({ groupId: id, mean: numOrNull, answers: count })),
    }),
  ),
  statements: z.array(z.object({ statementId: id, mean: numOrNull, sd: numOrNull, answers: count })),
  includedGroupIds: z.array(id),
  excludedGroups: z.array(excludedGroupSchema),
}).meta({ id: 'ScanResults' });

// ---- options ("Weigh the options", shared/kinds/options/math.ts) ----

const optionScoreNum = z.number().min(OPTION_SCORE_MIN).max(OPTION_SCORE_MAX);
const fitSchema = optionScoreNum.nullable();
const weightMode = z.enum(WEIGHT_MODES as [WeightMode, ...WeightMode[]]);
const weightsRecord = z.record(z.string(), z.number().min(0).max(1)).describe('valueId → weight, summing to 1');

const optionValueStatsSchema = z
  .object({
    valueId: id,
    n: count.describe('scores given ("don\'t know" not counted)'),
    dontKnow: count.describe('"don\'t know" answers'),
    mean: fitSchema.describe('mean score on −2..+2; null with no score'),
    sd: z.number().min(0).nullable().describe('population standard deviation; null with no score'),
    agreement: numOrNull.describe('Tastle–Wierman consensus on [−2, +2], 0..1; null with fewer than 2 scores'),
  })
  .meta({ id: 'OptionValueStats' });

const optionGroupResultSchema = z
  .object({
    groupId: id,
    answers: count.describe("the group's members who answered this activity"),
    fit: fitSchema.describe("the group's weighted fit from its own means and the weights it uses"),
    ownWeights: z.boolean().describe("the weights it uses are its own (mode group and it has weights of its own); else the room's"),
    canLiveWith: count.describe("members whose own weighted fit for the option is ≥ 0"),
    withFit: count.describe('members with an own fit'),
    share: num.describe('smoothed share (canLiveWith + 1) / (withFit + 2)'),
    values: z.array(optionValueStatsSchema),
  })
  .meta({ id: 'OptionGroupResult' });

const optionResultSchema = z
  .object({
    optionId: id,
    position: z.number().int().min(1).describe("1-based competition ranking by the room's fit; options without a fit last"),
    fit: fitSchema.describe("the room's weighted fit, −2..+2"),
    values: z.array(optionValueStatsSchema).describe('per value that takes part, in the activity\'s value order'),
    groups: z.array(optionGroupResultSchema).describe('included groups only, in group order'),
    liveWith: z
      .object({ score: num.describe("geometric mean of the included groups' shares"), lowestGroupId: id, lowestShare: num })
      .nullable()
      .describe('"every group can live with it"; null with no included group or no member with a fit'),
    split: z
      .object({ valueId: id, spread: num.describe("max − min of the included groups' means"), highGroupId: id, lowGroupId: id })
      .nullable()
      .describe('"what splits us": the value on which the groups differ most; null with fewer than 2 groups with means'),
  })
  .meta({ id: 'OptionResult' });

const optionsResultsSchema = z
  .object({
    answers: count,
    answersByGroup: z.record(z.string(), count),
    valueIds: z.array(id).describe('the values that took part, in the activity\'s order'),
    weights: z.object({
      mode: weightMode.describe('as applied: "equal" also when the picked vote is gone or none was found at open'),
      voteActivityId: id.nullable().describe('the vote the weights come from; null with equal weights'),
      room: weightsRecord.describe("the room's weights: the vote's shares over the whole room (equal with mode equal or no shares)"),
      byGroup: z.record(z.string(), weightsRecord.nullable()).describe('included groupId → its own weights from the vote, or null when it has none'),
    }),
    options: z.array(optionResultSchema).describe('by position; ties in the activity\'s option order'),
    winnerIds: z.array(id).describe("the option(s) with the room's highest fit"),
    liveWithIds: z.array(id).describe('the option(s) with the highest liveWith score'),
    whoseValues: z
      .array(
        z.object({
          groupId: id,
          winnerIds: z.array(id),
          differs: z.boolean().describe("this group's winner is not empty and not the room's: its weights would flip the outcome"),
          fits: z.array(z.object({ optionId: id, fit: fitSchema })).describe("every option's fit under this group's weights, in option order"),
        }),
      )
      .describe("\"whose values decide\": per included group with weights of its own, the winner(s) under those weights applied to the room's means"),
    flips: z.boolean().describe("some group's winner differs from the room's"),
    includedGroupIds: z.array(id),
    excludedGroups: z.array(excludedGroupSchema),
  })
  .meta({ id: 'OptionsResults' });

const openAnswerSchema = z.object({
  id: z.string().describe('"<activityId>:<participantId>:<answerId>:<field>" (field wentWell, couldBeBetter or why.<optionId>): what open-answer:endorse takes'),
  field: z.enum(['wentWell', 'couldBeBetter', 'why']),
  optionId: id.optional().describe('options: the option a "why" sentence is about'),
  text: z.string(),
  endorsements: count,
  at: num.describe('milliseconds since the epoch (results are the board’s object, unchanged)'),
}).meta({ id: 'OpenAnswer' });

const channelResultsSchema = z
  .object({
    answers: count.describe("this channel's counted answers"),
    answersByGroup: z.record(z.string(), count).describe('groupId → its counted answers in this channel'),
    vote: voteResultsSchema.nullable().describe("a vote's results over this channel's answers only; null for scan and options"),
    scan: scanResultsSchema.nullable().describe("a scan's results over this channel's answers only; else null"),
    options: optionsResultsSchema.nullable().describe("options' results over this channel's answers only (weighted as the whole activity); else null"),
  })
  .meta({ id: 'ChannelResults' });

export const activityResultsSchema = z.object({
  activityId: id,
  kind: z.enum(['dots', 'rank', 'points', 'scan', 'options']),
  vote: voteResultsSchema.nullable(),
  previousRound: z.object({ activityId: id, comparison: roundComparisonSchema }).nullable(),
  scan: scanResultsSchema.nullable(),
  // Optional only in the type (results stored before the kind existed); every export has it.
  options: optionsResultsSchema.nullable().optional().describe('options (else null); always present in an export'),
  openAnswers: z.array(openAnswerSchema),
  answers: z
    .object({
      counted: count.describe('answers that count: the latest of each participant still in the room'),
      fromLateJoiners: count.describe('of those, answers from participants who joined after the activity first opened (joinedAt > openedAt); 0 if it never opened'),
    })
    .describe('which answers the numbers rest on'),
  // Optional only in the type (results written before it existed); every export has it.
  channels: z
    .object({ room: channelResultsSchema, online: channelResultsSchema })
    .nullable()
    .optional()
    .describe('room and online apart: the same numbers over the answers given in the live session and over those given online after it; null while no counted answer is online'),
}).meta({ id: 'ActivityResults' });

const optionsSummarySchema = z
  .object({
    activityId: id,
    winnerIds: z.array(id),
    liveWithIds: z.array(id),
    lowestGroupId: id.nullable().describe('the lowest group for the first of liveWithIds'),
    lowestShare: numOrNull,
    flips: z.boolean(),
  })
  .meta({ id: 'OptionsSummary' });

export const summarySchema = z.object({
  voteActivityId: id.nullable(),
  topValues: z.array(z.object({ valueId: id, position: z.number().int(), score: num, share: num })),
  commonGround: z.array(commonGroundSchema).describe('up to 3 flagged'),
  tensions: z.array(tensionSchema).describe('up to 3 flagged'),
  kendallW: numOrNull,
  scanActivityId: id.nullable(),
  scan: z.array(z.object({ factor, mean: numOrNull })),
  strongestFactor: factor.nullable(),
  weakestFactor: factor.nullable(),
  factorsEqual: z.boolean().describe('all factor means equal: strongest and weakest are null'),
  options: optionsSummarySchema.nullable().optional().describe('the last options activity with answers; null when none; always present in an export'),
  participants: count,
}).meta({ id: 'Summary' });

// ---- the document ----

const settingsSchema = z.object({
  allowProposals: z.boolean(),
  allowNames: z.boolean(),
  minGroupSize: z.number().int().min(1),
  joiningOpen: z.boolean().describe('false while the facilitator has closed joining to new phones'),
});

const activityConfigSchema = z.object({
  valueIds: z.array(id).nullable().describe('the values that take part (fixed when a vote opens); null = every visible value'),
  timerSeconds: z.number().int().nullable(),
  dotsPerParticipant: z.number().int(),
  dotsMaxPerValue: z.number().int(),
  rankK: z.number().int().nullable().describe('top K; null = rank all'),
  statements: z.array(z.object({ id, factor, text: z.object({ nl: z.string(), en: z.string() }) })).describe('scan only'),
  options: z
    .array(
      z.object({
        id,
        text: z.object({ nl: z.object({ title: z.string(), description: z.string() }), en: z.object({ title: z.string(), description: z.string() }) }),
      }),
    )
    .describe('options only: the options weighed (a title may be empty in the language that is not the workshop\'s); [] for other kinds'),
  weights: z
    .object({ mode: weightMode, voteActivityId: id.nullable() })
    .describe('options only: where the values\' weights come from (the vote is filled in when it opens); other kinds keep { mode: "room", voteActivityId: null }'),
}).meta({ id: 'ActivityConfig' });

export const exportAnswerSchema = z.object({
  participantId: id,
  groupId: z.string(),
  answerId: id.describe('made by the phone; the id of the submission that counts'),
  answer: answerSchema.meta({ id: 'Answer' }),
  submittedAt: iso,
  revisions: z.number().int().min(1).describe('1 = never changed'),
  counted: z.boolean().describe('false for a removed participant: kept, but not in the results'),
  channel: z.enum(ANSWER_CHANNELS as [AnswerChannel, ...AnswerChannel[]]).describe('"room": given in the live session; "online": after it ended (the online window opened)'),
}).meta({ id: 'ExportAnswer' });

const feedbackEntrySchema = z
  .object({
    id,
    target: z
      .object({
        kind: z.enum(FEEDBACK_TARGET_KINDS as [FeedbackTargetKind, ...FeedbackTargetKind[]]),
        id: id.nullable().describe('value, tension: a value id (the card a merged one went into); option: an option id; general: null'),
        activityId: id.nullable().describe('option: the options activity; otherwise null'),
      })
      .describe('what the entry answers: a value the room put high, a value the groups were split on, an option weighed, or the meeting as a whole'),
    decision: z.string().describe('what was decided or done ("we did")'),
    reason: z.string().describe('why; may be empty'),
    when: z.string().describe('when it was or will be decided or done, as the organiser wrote it; may be empty'),
    link: z.string().nullable().describe('an http(s) link to the decision; null when none'),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'FeedbackEntry' });

const groupRepresentationSchema = z
  .object({
    groupId: id,
    invited: count.nullable().describe('people invited or living there, as the process says; null when not known'),
    tookPart: count.describe('participants who joined and were not removed'),
    room: count.describe('of those: joined before the live session ended'),
    online: count.describe('of those: joined at or after it'),
    turnout: num.nullable().describe('tookPart / invited (may exceed 1); null when invited is null or 0'),
    share: num.describe('tookPart / all who took part; 0 when nobody did'),
    invitedShare: num.nullable().describe('invited / all invited of the groups with a known number; null when not known'),
    ratio: num.nullable().describe('share / invitedShare; null when invitedShare is null or 0'),
    under: z.boolean().describe(
      `under-represented: at least 2 groups have a known invited number, at least ${REPRESENTATION_LIMITS.minParticipants} took part, and share < ${REPRESENTATION_LIMITS.underRatio} × invitedShare`,
    ),
  })
  .meta({ id: 'GroupRepresentation' });

export const representationSchema = z
  .object({
    groups: z.array(groupRepresentationSchema).describe('in group order'),
    invited: count.nullable().describe('sum of the known invited numbers; null when no group has one'),
    tookPart: count,
    underGroupIds: z.array(id).describe('the groups with under = true, in group order'),
  })
  .meta({ id: 'Representation' });

const activitySchema = z.object({
  id,
  kind: z.enum(ACTIVITY_KINDS as [ActivityKind, ...ActivityKind[]]),
  title: z.string().nullable().describe("the facilitator's question; null = the kind's default question"),
  config: activityConfigSchema,
  status: z.enum(['pending', 'open', 'locked', 'closed']),
  revealed: z.boolean(),
  round: z.number().int().min(1).describe('1 for the first activity of its kind, 2 for the next …'),
  openedAt: iso.nullable(),
  answers: z.array(exportAnswerSchema).describe('every participant’s last answer, in the order given'),
  results: activityResultsSchema.nullable().describe('the numbers the board shows; null for explore'),
}).meta({ id: 'Activity' });

export const exportDocumentSchema = z
  .object({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    exportedAt: iso,
    workshop: z.object({
      id,
      code: z.string(),
      title: z.string(),
      language: z.enum(LANGS as [Lang, ...Lang[]]),
      template: z.enum(['custom', ...TEMPLATE_IDS] as [TemplateId | 'custom', ...(TemplateId | 'custom')[]]),
      createdAt: iso,
      updatedAt: iso,
      settings: settingsSchema,
    }),
    groups: z.array(
      z.object({
        id,
        name: z.string(),
        nameNl: z.string().nullable(),
        nameEn: z.string().nullable(),
        invited: count.nullable().describe("people invited or living there, as the workshop's process says; null when not known"),
      }),
    ),
    participants: z.array(z.object({ id, groupId: id, name: z.string().nullable().describe('only if they gave one; null once removed'), joinedAt: iso, removed: z.boolean() })),
    values: z.array(
      z.object({
        id,
        title: z.string(),
        description: z.string(),
        origin: valueOrigin,
        proposedBy: id.nullable(),
        groupId: id.nullable(),
        hidden: z.boolean(),
        mergedInto: id.nullable(),
        mergedFrom: z.array(id),
        provenance: z.array(z.object({ valueId: id, title: z.string(), origin: valueOrigin, groupId: id.nullable() })),
        createdAt: iso,
        updatedAt: iso,
      }),
    ),
    stories: z.array(
      z.object({
        id,
        valueId: id,
        originalValueId: id,
        participantId: id,
        text: z.string(),
        hidden: z.boolean(),
        shown: z.boolean().describe('shown to the room: not hidden, and its author was not removed'),
        createdAt: iso,
        endorsements: z.array(z.object({ participantId: id })),
      }),
    ),
    activities: z.array(activitySchema),
    openAnswerEndorsements: z.record(z.string(), z.array(id)).describe('"<activityId>:<participantId>:<answerId>:<field>" → participant ids who endorsed it'),
    summary: summarySchema,
    summaryPublishedAt: iso.nullable(),
    process: z
      .object({ id, code: z.string(), title: z.string(), meeting: z.number().int().min(1).describe('1 for the first meeting') })
      .nullable()
      .describe('the process ("traject") this workshop is a meeting of; null when it stands alone'),
    feedback: z
      .object({ publishedAt: iso.nullable().describe('when published at the join link; null while a draft'), entries: z.array(feedbackEntrySchema).describe('in the order written') })
      .describe('"you said, we did": what was done with what the room said'),
    liveEndedAt: iso.nullable().describe('when the live session ended (the online window first opened); null while it did not. Answers from then on are "online"'),
    online: z
      .object({ activityIds: z.array(id), openedAt: iso, until: iso.describe('the deadline: answers at or after it are refused') })
      .nullable()
      .describe('the steps open online after the evening; null when none'),
    participation: representationSchema.describe('invited against who took part, per group, in the room and online'),
  })
  .meta({
    title: 'Raakvlak workshop export',
    description: `The complete record of one workshop (schemaVersion ${EXPORT_SCHEMA_VERSION}). See docs/export.md.`,
  });

/** docs/export.schema.json, as `npm run schema` writes it. */
export function exportJsonSchema(): Record<string, unknown> {
  // Named parts (meta ids) become $defs; other shapes used twice are inlined.
  return z.toJSONSchema(exportDocumentSchema, { target: 'draft-2020-12', reused: 'inline' }) as Record<string, unknown>;
}

/** The file's exact text: two-space indentation and a final newline. */
export function exportJsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// ---- compile-time: the schema and the hand-written types describe the same JSON ----
// Deep flattens intersections (Omit<Activity, …> & {…}) so the identity check compares shapes.
type Deep<T> = T extends (infer U)[] ? Deep<U>[] : T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
type Same<A, B> = (<T>() => T extends Deep<A> ? 1 : 2) extends <T>() => T extends Deep<B> ? 1 : 2 ? true : false;
const checks: [
  Same<z.output<typeof exportDocumentSchema>, ExportDocument>,
  Same<z.output<typeof exportAnswerSchema>, ExportAnswer>,
  Same<z.output<typeof activityResultsSchema>, ActivityResults>,
  Same<z.output<typeof voteResultsSchema>, VoteResults>,
  Same<z.output<typeof roundComparisonSchema>, RoundComparison>,
  Same<z.output<typeof scanResultsSchema>, ScanResults>,
  Same<z.output<typeof openAnswerSchema>, OpenAnswer>,
  Same<z.output<typeof summarySchema>, Summary>,
  Same<z.output<typeof optionsResultsSchema>, OptionsResults>,
  Same<z.output<typeof optionsSummarySchema>, OptionsSummary>,
  Same<z.output<typeof feedbackEntrySchema>, ExportFeedbackEntry>,
  Same<z.output<typeof representationSchema>, Representation>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
void checks;
