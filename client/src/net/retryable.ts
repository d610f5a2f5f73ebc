import type { ClientErrorCode } from './send.js';

/**
 * Errors after which the same command can succeed later; anything else is the server's final
 * "no". Every send-and-retry path (the outbox for phone and console) reads this one list. Retrying
 * is safe because every retried write carries the id its client made for it, stored once.
 */
export const RETRYABLE_ERRORS: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>(['OFFLINE', 'TIMEOUT', 'RATE_LIMITED', 'INTERNAL']);
