import type { AckResult, CommandInput, CommandName, CommandResults, ErrorCode } from '../../../shared/index.js';
import { activeSocket } from './socket.js';

/** Long enough for a slow phone on mobile data; short enough that "sending…" does not hang. */
export const SEND_TIMEOUT_MS = 10_000;

/** The server's error codes plus the two a client can run into before an answer arrives. */
export type ClientErrorCode = ErrorCode | 'OFFLINE' | 'TIMEOUT';
export type SendResult<T> = { ok: true; data: T } | { ok: false; error: { code: ClientErrorCode; message: string; retryAfterMs?: number } };

/**
 * A RATE_LIMITED answer says how long to wait (`retryAfterMs`; nothing was stored): send() waits
 * that long and sends again, for up to this long in all, so a phone in a big room that arrives
 * with everyone else just joins a moment later. After that the caller gets RATE_LIMITED.
 */
export const RATE_LIMIT_PATIENCE_MS = 30_000;
/** Up to this much extra wait, at random, so phones refused together do not come back together. */
const RETRY_JITTER_MS = 1000;

type TimedEmit = <K extends CommandName>(
  name: K,
  payload: CommandInput<K>,
  ack: (err: Error | null, result: AckResult<CommandResults[K]>) => void,
) => void;

/**
 * Sends one command and resolves with its ack. Never rejects: no connection and no answer in
 * time become error results, so callers handle every outcome in one place.
 */
export async function send<K extends CommandName>(name: K, payload: CommandInput<K>, timeoutMs = SEND_TIMEOUT_MS): Promise<SendResult<CommandResults[K]>> {
  const giveUpAt = Date.now() + RATE_LIMIT_PATIENCE_MS;
  for (;;) {
    const result = await sendOnce(name, payload, timeoutMs);
    const wait = !result.ok && result.error.code === 'RATE_LIMITED' ? result.error.retryAfterMs : undefined;
    if (wait === undefined) return result;
    const delay = wait + Math.random() * Math.min(wait, RETRY_JITTER_MS);
    if (Date.now() + delay > giveUpAt) return result;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function sendOnce<K extends CommandName>(name: K, payload: CommandInput<K>, timeoutMs: number): Promise<SendResult<CommandResults[K]>> {
  const socket = activeSocket();
  // socket.io would buffer an emit while disconnected and send it on reconnect; the outbox
  // does its own retrying, so refuse here rather than risk sending the same thing twice.
  if (!socket?.connected) return Promise.resolve({ ok: false, error: { code: 'OFFLINE', message: 'Not connected' } });
  return new Promise((resolve) => {
    // The typed emit cannot resolve its argument list for a generic event name; the signature
    // above is exactly ClientToServerEvents[K] with socket.io's timeout decoration.
    const timed = socket.timeout(timeoutMs) as unknown as { emit: TimedEmit };
    timed.emit(name, payload, (err, result) => {
      if (err) resolve({ ok: false, error: { code: 'TIMEOUT', message: err.message } });
      else resolve(result);
    });
  });
}
