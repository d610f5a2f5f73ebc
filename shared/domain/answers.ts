import { z } from 'zod';
import { dotsAnswerSchema } from '../kinds/dots/schema.js';
import { optionsAnswerSchema } from '../kinds/options/schema.js';
import { pointsAnswerSchema } from '../kinds/points/schema.js';
import { rankAnswerSchema } from '../kinds/rank/schema.js';
import { scanAnswerSchema } from '../kinds/scan/schema.js';

/**
 * The answers participants give: the discriminated union (on `kind`) of the kind modules'
 * answer schemas (shared/kinds/<kind>/schema.ts; explore takes none). Each module's
 * `answerSchema` is the same object (shared/kinds/registry.test.ts). The checks against an
 * activity's limits are the modules' validateAnswer, reached through answerRules.ts,
 * re-exported here.
 */
export const answerSchema = z.discriminatedUnion('kind', [dotsAnswerSchema, rankAnswerSchema, pointsAnswerSchema, scanAnswerSchema, optionsAnswerSchema]);
export type Answer = z.output<typeof answerSchema>;
export type AnswerInput = z.input<typeof answerSchema>;
export type ScanAnswerValue = Extract<Answer, { kind: 'scan' }>;

export { POINTS_TOTAL, dotsLeft, pointsLeft, rankLength, validateAnswer } from './answerRules.js';
