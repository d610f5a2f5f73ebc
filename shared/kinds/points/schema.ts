import { z } from 'zod';
import { countRecord } from '../voteSchema.js';

/** A points answer: valueId → points (0–100; zeros are dropped when stored). */
export const pointsAnswerSchema = z.object({ kind: z.literal('points'), points: countRecord });
