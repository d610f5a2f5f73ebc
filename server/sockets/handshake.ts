import { CONNECT_ERRORS, PROTOCOL_VERSION, handshakeSchema, type ConnectErrorCode } from '../../shared/index.js';
import { addressKey, clientAddress, type Limiters, type TrustFn } from '../limits/index.js';
import type { Logger } from '../logger.js';
import type { WorkshopRegistry } from '../workshops.js';
import type { AppSocket, SocketData } from './types.js';

type Verdict = { ok: true; data: Omit<SocketData, 'address'>; byToken: boolean } | { ok: false; error: ConnectErrorCode };

/**
 * Decides who a new connection is, from its handshake `auth`: the host (host token), a
 * participant (participant token) or a visitor (only the join code). `byToken`: it proved
 * more than the join code (a valid token), so a block for failed lookups does not hold it back.
 */
export function authenticate(auth: unknown, registry: WorkshopRegistry): Verdict {
  const parsed = handshakeSchema.safeParse(auth);
  const protocol = typeof auth === 'object' && auth !== null ? (auth as { protocol?: unknown }).protocol : undefined;
  // A client of another version is told so even if the rest of its handshake changed shape too.
  if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) return { ok: false, error: CONNECT_ERRORS.protocol };
  if (!parsed.success) return { ok: false, error: CONNECT_ERRORS.badHandshake };
  const { code, hostToken, participantToken, view } = parsed.data;
  const workshop = registry.byCode(code);
  if (!workshop) return { ok: false, error: CONNECT_ERRORS.notFound };
  const base = { workshopId: workshop.id };
  // A facilitator's browser may also hold a participant token from testing the phone view;
  // the host token wins.
  if (hostToken !== undefined) {
    if (!registry.isHostToken(workshop, hostToken)) return { ok: false, error: CONNECT_ERRORS.badHostToken };
    return { ok: true, byToken: true, data: { ...base, role: 'host', participantId: null, view: 'host' } };
  }
  if (participantToken !== undefined) {
    const participantId = registry.participantForToken(workshop, participantToken);
    if (!participantId) return { ok: false, error: CONNECT_ERRORS.badParticipantToken };
    return { ok: true, byToken: true, data: { ...base, role: 'participant', participantId, view: 'phone' } };
  }
  return { ok: true, byToken: false, data: { ...base, role: 'visitor', participantId: null, view: view ?? 'phone' } };
}

/** A refused handshake: the code as the message, and for RATE_LIMITED `data.retryAfterMs`. */
function refusal(code: ConnectErrorCode, retryAfterMs?: number): Error {
  const err = new Error(code) as Error & { data?: { retryAfterMs: number } };
  if (retryAfterMs !== undefined) err.data = { retryAfterMs };
  return err;
}

export interface HandshakeDeps {
  registry: WorkshopRegistry;
  limiters: Limiters;
  trust: TrustFn;
  logger: Logger;
}

/**
 * socket.io middleware around authenticate(), with the per-address limits: sockets open and
 * new per address, then the verdict. While the address is blocked for failed lookups only a
 * handshake with a valid token gets in; every other answer (found or not) is RATE_LIMITED, so a
 * blocked guesser learns nothing. A WORKSHOP_NOT_FOUND counts as a failed lookup.
 */
export function handshakeMiddleware({ registry, limiters, trust, logger }: HandshakeDeps) {
  const admit = async (socket: AppSocket): Promise<Error | null> => {
    const address = addressKey(clientAddress(socket.request, trust));
    const socketWait = await limiters.admitSocket(address);
    if (socketWait > 0) return refusal(CONNECT_ERRORS.rateLimited, socketWait);
    const verdict = authenticate(socket.handshake.auth, registry);
    if (!(verdict.ok && verdict.byToken)) {
      const blocked = await limiters.lookupBlocked(address);
      if (blocked > 0) return refusal(CONNECT_ERRORS.rateLimited, blocked);
    }
    if (!verdict.ok) {
      if (verdict.error === CONNECT_ERRORS.notFound) {
        const wait = await limiters.lookupFailed(address);
        if (wait > 0) return refusal(CONNECT_ERRORS.rateLimited, wait);
      }
      return refusal(verdict.error);
    }
    if (socket.conn.readyState !== 'open') return refusal(CONNECT_ERRORS.badHandshake);
    socket.data = { ...verdict.data, address };
    limiters.socketOpened(address);
    // The engine connection's close always comes, also when the namespace connect never completes.
    socket.conn.once('close', () => limiters.socketClosed(address));
    return null;
  };
  return (socket: AppSocket, next: (err?: Error) => void): void => {
    admit(socket).then(
      (err) => next(err ?? undefined),
      (err: unknown) => {
        logger.error('Handshake failed', err);
        next(refusal(CONNECT_ERRORS.badHandshake));
      },
    );
  };
}
