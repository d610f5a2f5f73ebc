import { z } from 'zod';
import { idSchema } from '../domain/text.js';

/** valueId → a count (dots or points): at most 200 values, 0–100 each. A leaf module: the answer schemas import it. */
export const countRecord = z.record(idSchema, z.number().int().min(0).max(100)).refine((r) => Object.keys(r).length <= 200, { message: 'Too many values' });
