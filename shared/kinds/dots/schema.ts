import { z } from 'zod';
import { countRecord } from '../voteSchema.js';

/** A dots answer: valueId → dots placed (0–100; zeros are dropped when stored). */
export const dotsAnswerSchema = z.object({ kind: z.literal('dots'), dots: countRecord });
