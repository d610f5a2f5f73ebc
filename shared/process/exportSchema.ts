import { z } from 'zod';
import { commonGroundSchema, exportDocumentSchema, representationSchema, tensionSchema } from '../domain/exportSchema.js';
import { FEEDBACK_TARGET_KINDS, type FeedbackTargetKind, type FeedbackView } from '../domain/feedbackModel.js';
import { ANSWER_CHANNELS } from '../domain/onlineModel.js';
import { LANGS, SCAN_FACTORS, type Lang, type ScanFactor } from '../domain/types.js';
import { PROCESS_EXPORT_SCHEMA_VERSION, type ProcessExportDocument, type ProcessGroup, type ProcessMeeting, type ProcessReport, type ValueSeries } from './model.js';

/**
 * The process export (export.ts) as a zod schema: the source of docs/process-export.schema.json
 * (`npm run schema`). Its meetings are workshop exports, by the workshop export's own schema.
 * The report is the process page's object unchanged, so its times are milliseconds since the
 * epoch (the document's own times are ISO 8601). The compile-time checks at the bottom fail
 * when this schema and the types in model.ts drift apart.
 */
const id = z.string().min(1);
const iso = z.iso.datetime().describe('ISO 8601 time, UTC');
const count = z.number().int().min(0);
const ms = z.number().int().describe('milliseconds since the epoch');
const numOrNull = z.number().nullable();
const lang = z.enum(LANGS as [Lang, ...Lang[]]);
const factor = z.enum(SCAN_FACTORS as [ScanFactor, ...ScanFactor[]]);
const localized = z.object({ nl: z.string(), en: z.string() });
const cardText = z.object({ title: z.string(), description: z.string() });

const processGroupSchema = z
  .object({
    id: id.describe('the same id in every meeting of the process (the groups[].id of each workshop export)'),
    name: z.string(),
    i18n: localized.optional().describe('both languages of a default group'),
    invited: count.nullable().describe('people invited or living there; null when not known'),
  })
  .meta({ id: 'ProcessGroup' });

const reportFeedbackSchema = z
  .object({
    publishedAt: ms.nullable().describe('when published at the join link; null while a draft'),
    entries: z
      .array(
        z.object({
          id,
          target: z.object({ kind: z.enum(FEEDBACK_TARGET_KINDS as [FeedbackTargetKind, ...FeedbackTargetKind[]]), id: id.nullable(), activityId: id.nullable() }),
          decision: z.string(),
          reason: z.string(),
          when: z.string(),
          link: z.string().nullable(),
          createdAt: ms,
          updatedAt: ms,
        }),
      )
      .describe('in the order written; the same entries as the meeting export\'s feedback, with times in ms'),
  })
  .meta({ id: 'ReportFeedback' });

const processMeetingSchema = z
  .object({
    workshopId: id,
    code: z.string().describe("the meeting's join code"),
    title: z.string(),
    index: z.number().int().min(1).describe("the meeting's number in the process, 1 for the first"),
    createdAt: ms,
    heldAt: ms.nullable().describe('when the first step opened; null when none did'),
    liveEndedAt: ms.nullable().describe('when the live session ended (the online window opened); null while it did not'),
    online: z.object({ activityIds: z.array(id), openedAt: ms, until: ms }).nullable().describe('the steps open online after the evening; null when none'),
    representation: representationSchema.describe('invited against who took part, per group, in the room and online'),
    voteActivityId: id.nullable().describe('the last dots, rank or points step with answers (as the summary); null when none'),
    voteKind: z.enum(['dots', 'rank', 'points']).nullable(),
    kendallW: numOrNull.describe("Kendall's W of that vote over the whole room (the summary's kendallW); null with too few answers"),
    voteAnswers: z.object(Object.fromEntries(ANSWER_CHANNELS.map((c) => [c, count])) as Record<'room' | 'online', typeof count>).describe("that vote's counted answers per channel"),
    commonGround: z.array(commonGroundSchema).describe("that vote's flagged common ground (up to 3, the summary's)"),
    tensions: z.array(tensionSchema).describe("that vote's flagged tensions (up to 3, the summary's)"),
    scan: z.array(z.object({ factor, mean: numOrNull.describe('1..5'), answers: count })).describe('the last scan with answers, per factor; empty when none'),
    options: z
      .object({
        winner: localized.nullable().describe("the room's winner (tied options joined by \" / \")"),
        liveWith: localized.nullable().describe('the option every group can live with (ties joined by " / ")'),
      })
      .nullable()
      .describe('the last options step with answers; null when none'),
    feedback: reportFeedbackSchema.nullable().describe('"you said, we did": in the export (the organiser\'s report) every entry, publishedAt null while a draft'),
    feedbackOptions: z.record(z.string(), localized).describe('the title of each option a feedback entry is about, keyed `<activityId>:<optionId>`'),
  })
  .meta({ id: 'ProcessMeeting' });

const valueSeriesSchema = z
  .object({
    valueId: id,
    title: z.string().describe('as the latest meeting holding the value has it'),
    i18n: z.object({ nl: cardText, en: cardText }).optional().describe('both languages of a template card'),
    points: z
      .array(
        z.object({
          meeting: z.number().int().min(1),
          position: z.number().int().min(1).nullable(),
          normalizedScore: numOrNull.describe('0..1: mean score per participant ÷ the most one participant can give one value'),
          share: numOrNull.describe("score ÷ the sum of the vote's scores"),
        }),
      )
      .describe('one per meeting, in meeting order; nulls where the value (or the card it was merged into) was not on that meeting\'s vote'),
  })
  .meta({ id: 'ValueSeries' });

export const processReportSchema = z
  .object({
    process: z.object({ id, code: z.string(), title: z.string(), area: z.string(), language: lang, createdAt: ms }),
    groups: z.array(processGroupSchema),
    meetings: z.array(processMeetingSchema).describe('oldest first'),
    values: z.array(valueSeriesSchema).describe("values on any meeting's vote, by best position over the meetings"),
    agreement: z.array(z.object({ meeting: z.number().int().min(1), kendallW: numOrNull })).describe('per meeting: W'),
    scan: z
      .array(z.object({ meeting: z.number().int().min(1), factors: z.array(z.object({ factor, mean: numOrNull })).describe('the four factors, in order; mean null without a scan') }))
      .describe('per meeting: the scan factor means'),
    organiser: z.boolean().describe("true: the organiser's version (every feedback draft); always true in an export"),
  })
  .meta({ id: 'ProcessReport' });

export const processExportDocumentSchema = z
  .object({
    schemaVersion: z.literal(PROCESS_EXPORT_SCHEMA_VERSION),
    exportedAt: iso,
    process: z.object({ id, code: z.string().describe('the process page is /p/CODE'), title: z.string(), area: z.string(), language: lang, createdAt: iso, updatedAt: iso }),
    groups: z.array(processGroupSchema),
    report: processReportSchema.describe('the numbers the process page shows (times in ms since the epoch)'),
    meetings: z.array(exportDocumentSchema.meta({ id: 'WorkshopExport', description: 'one meeting: the workshop export (docs/export.schema.json)' })).describe('oldest first'),
  })
  .meta({
    title: 'Raakvlak process export',
    description: `A process and all its meetings (schemaVersion ${PROCESS_EXPORT_SCHEMA_VERSION}). See docs/export.md, "Process export".`,
  });

/** docs/process-export.schema.json, as `npm run schema` writes it. */
export function processExportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(processExportDocumentSchema, { target: 'draft-2020-12', reused: 'inline' }) as Record<string, unknown>;
}

// ---- compile-time: the schema and the hand-written types describe the same JSON ----
type Deep<T> = T extends (infer U)[] ? Deep<U>[] : T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
type Same<A, B> = (<T>() => T extends Deep<A> ? 1 : 2) extends <T>() => T extends Deep<B> ? 1 : 2 ? true : false;
const checks: [
  Same<z.output<typeof processExportDocumentSchema>, ProcessExportDocument>,
  Same<z.output<typeof processReportSchema>, ProcessReport>,
  Same<z.output<typeof processMeetingSchema>, ProcessMeeting>,
  Same<z.output<typeof valueSeriesSchema>, ValueSeries>,
  Same<z.output<typeof processGroupSchema>, ProcessGroup>,
  Same<z.output<typeof reportFeedbackSchema>, FeedbackView>,
] = [true, true, true, true, true, true];
void checks;
