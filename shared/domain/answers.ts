import { z } from 'zod';
import { LIMITS, idSchema, textField } from './text.js';

/**
 * The answers participants give (their schema); the checks against an activity's limits are in
 * answerRules.ts, re-exported here.
 */
const countRecord = z.record(idSchema, z.number().int().min(0).max(100)).refine((r) => Object.keys(r).length <= 200, { message: 'Too many values' });

export const answerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dots'), dots: countRecord }),
  z.object({ kind: z.literal('rank'), order: z.array(idSchema).max(200) }),
  z.object({ kind: z.literal('points'), points: countRecord }),
  z.object({
    kind: z.literal('scan'),
    scores: z.record(idSchema, z.number().int().min(1).max(5)).refine((r) => Object.keys(r).length <= 50, { message: 'Too many statements' }),
    wentWell: textField(LIMITS.openAnswer, { min: 0, multiline: true }).default(''),
    couldBeBetter: textField(LIMITS.openAnswer, { min: 0, multiline: true }).default(''),
  }),
]);
export type Answer = z.output<typeof answerSchema>;
export type AnswerInput = z.input<typeof answerSchema>;
export type ScanAnswerValue = Extract<Answer, { kind: 'scan' }>;

export { POINTS_TOTAL, dotsLeft, pointsLeft, rankLength, validateAnswer } from './answerRules.js';
