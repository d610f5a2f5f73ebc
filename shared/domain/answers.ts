import { z } from 'zod';
import { dotsAnswerSchema } from '../kinds/dots/schema.js';
import { optionsAnswerSchema } from '../kinds/options/schema.js';
import { pointsAnswerSchema } from '../kinds/points/schema.js';
import { rankAnswerSchema } from '../kinds/rank/schema.js';
import { scanAnswerSchema } from '../kinds/scan/schema.js';

import type { ActivityKind } from './types.js';

/**
 * The answers participants give: the discriminated union (on `kind`) of the answer schemas of
 * the kinds that take answers (shared/kinds/<kind>/schema.ts). They are a table of their own,
 * not members of the kind modules, so that the modules stay zod-free and the phone can use their
 * rules without loading zod; the table's type makes a kind without a schema a compile error, and
 * shared/kinds/registry.test.ts checks that it holds exactly the kinds whose module takes answers.
 * The checks against an activity's limits are the modules' validateAnswer, reached through
 * answerRules.ts, re-exported here.
 */
export const ANSWER_SCHEMAS = {
  dots: dotsAnswerSchema,
  rank: rankAnswerSchema,
  points: pointsAnswerSchema,
  scan: scanAnswerSchema,
  options: optionsAnswerSchema,
} as const satisfies { readonly [K in Exclude<ActivityKind, 'explore'>]: z.ZodTypeAny };

export const answerSchema = z.discriminatedUnion('kind', [ANSWER_SCHEMAS.dots, ANSWER_SCHEMAS.rank, ANSWER_SCHEMAS.points, ANSWER_SCHEMAS.scan, ANSWER_SCHEMAS.options]);
export type Answer = z.output<typeof answerSchema>;
export type AnswerInput = z.input<typeof answerSchema>;
export type ScanAnswerValue = Extract<Answer, { kind: 'scan' }>;

export { POINTS_TOTAL, dotsLeft, pointsLeft, rankLength, validateAnswer } from './answerRules.js';
