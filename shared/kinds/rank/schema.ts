import { z } from 'zod';
import { idSchema } from '../../domain/text.js';

/** A rank answer: value ids, first place first. */
export const rankAnswerSchema = z.object({ kind: z.literal('rank'), order: z.array(idSchema).max(200) });
