// Zod-free, so the phone's bundle can name connect errors without pulling in zod.

/** The `message` of a refused connection (`connect_error`), so clients can react to each. */
export const CONNECT_ERRORS = {
  badHandshake: 'BAD_HANDSHAKE',
  protocol: 'PROTOCOL_MISMATCH',
  notFound: 'WORKSHOP_NOT_FOUND',
  badHostToken: 'BAD_HOST_TOKEN',
  badParticipantToken: 'BAD_PARTICIPANT_TOKEN',
  /**
   * Too many connections or unknown join codes from this address: the error's `data.retryAfterMs`
   * says how long to wait before connecting again (docs/protocol.md, "Limits"). Not final.
   */
  rateLimited: 'RATE_LIMITED',
} as const;
export type ConnectErrorCode = (typeof CONNECT_ERRORS)[keyof typeof CONNECT_ERRORS];
