export const ERROR_CODES = [
  'BAD_REQUEST', // the payload failed validation
  'UNAUTHORIZED', // no or wrong token
  'FORBIDDEN', // the role may not send this command
  'NOT_FOUND', // the workshop, value, story, participant or activity does not exist
  'NOT_ALLOWED', // a workshop rule refuses it now (proposals closed, activity locked…)
  'CONFLICT', // it already happened (endorsed twice, merged value…)
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  /** English, for developers and logs; the UI shows its own text for the code. */
  message: string;
  /** With RATE_LIMITED: how long to wait before sending it again (ms); nothing was stored. */
  retryAfterMs?: number;
}

export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: ErrorBody } => ({
  ok: false,
  error: { code, message },
});
