import { z } from 'zod';
import { LIMITS, idSchema, textField } from '../../domain/text.js';

/** A scan answer: statementId → 1–5, and the two open answers (empty when left out). */
export const scanAnswerSchema = z.object({
  kind: z.literal('scan'),
  scores: z.record(idSchema, z.number().int().min(1).max(5)).refine((r) => Object.keys(r).length <= 50, { message: 'Too many statements' }),
  wentWell: textField(LIMITS.openAnswer, { min: 0, multiline: true }).default(''),
  couldBeBetter: textField(LIMITS.openAnswer, { min: 0, multiline: true }).default(''),
});
