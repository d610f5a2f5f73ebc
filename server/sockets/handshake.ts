import { CONNECT_ERRORS, PROTOCOL_VERSION, handshakeSchema, type ConnectErrorCode } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { WorkshopRegistry } from '../workshops.js';
import { TokenBucket } from './tokenBucket.js';
import type { AppSocket, SocketData } from './types.js';

export interface CommandRate {
  perSecond: number;
  burst: number;
}

type Verdict = { ok: true; data: SocketData } | { ok: false; error: ConnectErrorCode };

/**
 * Decides who a new connection is, from its handshake `auth`: the host (host token), a
 * participant (participant token) or a visitor (only the join code). A refused connection
 * gets `connect_error` with one of CONNECT_ERRORS as its message, and nothing else.
 */
export function authenticate(auth: unknown, registry: WorkshopRegistry, rate: CommandRate, now: number): Verdict {
  const parsed = handshakeSchema.safeParse(auth);
  const protocol = typeof auth === 'object' && auth !== null ? (auth as { protocol?: unknown }).protocol : undefined;
  // A client of another version is told so even if the rest of its handshake changed shape too.
  if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) return { ok: false, error: CONNECT_ERRORS.protocol };
  if (!parsed.success) return { ok: false, error: CONNECT_ERRORS.badHandshake };
  const { code, hostToken, participantToken, view } = parsed.data;
  const workshop = registry.byCode(code);
  if (!workshop) return { ok: false, error: CONNECT_ERRORS.notFound };
  const base = { workshopId: workshop.id, bucket: new TokenBucket(rate.perSecond, rate.burst, now) };
  // A facilitator's browser may also hold a participant token from testing the phone view;
  // the host token wins.
  if (hostToken !== undefined) {
    if (!registry.isHostToken(workshop, hostToken)) return { ok: false, error: CONNECT_ERRORS.badHostToken };
    return { ok: true, data: { ...base, role: 'host', participantId: null, view: 'host' } };
  }
  if (participantToken !== undefined) {
    const participantId = registry.participantForToken(workshop, participantToken);
    if (!participantId) return { ok: false, error: CONNECT_ERRORS.badParticipantToken };
    return { ok: true, data: { ...base, role: 'participant', participantId, view: 'phone' } };
  }
  return { ok: true, data: { ...base, role: 'visitor', participantId: null, view: view ?? 'phone' } };
}

/** socket.io middleware around authenticate(). */
export function handshakeMiddleware(registry: WorkshopRegistry, rate: CommandRate, clock: () => number, logger: Logger) {
  return (socket: AppSocket, next: (err?: Error) => void): void => {
    try {
      const verdict = authenticate(socket.handshake.auth, registry, rate, clock());
      if (!verdict.ok) return next(new Error(verdict.error));
      socket.data = verdict.data;
      next();
    } catch (err) {
      logger.error('Handshake failed', err);
      next(new Error(CONNECT_ERRORS.badHandshake));
    }
  };
}
