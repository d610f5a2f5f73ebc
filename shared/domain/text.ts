import { z } from 'zod';

export { LIMITS } from './limits.js';

// C0/C1 control characters, except tab and newline in multi-line fields.
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * A user-typed text field: trimmed, length-limited, no control characters.
 * `min` 0 allows an empty string (an optional description, say).
 */
export function textField(max: number, opts: { min?: number; multiline?: boolean } = {}) {
  const control = opts.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
  return z
    .string()
    .transform((s) => (opts.multiline ? s.replace(/\r\n?/g, '\n') : s).trim())
    .pipe(
      z
        .string()
        .min(opts.min ?? 1, { message: opts.min === 0 ? 'Required' : 'Must not be empty' })
        .max(max, { message: `At most ${max} characters` })
        .refine((s) => !control.test(s), { message: 'Contains control characters' }),
    );
}

/** Ids are nanoid-shaped: url-safe characters, bounded length. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Invalid id' });

/**
 * An id a phone makes for what it creates (a nanoid), so that a send retried after a lost
 * acknowledgement creates nothing twice. Long enough that guessing another's is hopeless.
 */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'Invalid client id' });
