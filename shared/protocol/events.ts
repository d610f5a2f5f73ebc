import { z } from 'zod';
import { isJoinCode, normaliseJoinCode } from '../domain/joinCode.js';
import type { HostView, PhoneView, PublicView, SelfView } from '../domain/views.js';
import type { CommandInput, CommandName, CommandResults } from './commands.js';
import type { AckResult } from './errors.js';
import type { JoinAddress } from './http.js';

/**
 * The socket.io event maps, imported by the server (`new Server<ClientToServerEvents, ServerToClientEvents>`)
 * and every client (`Socket<ServerToClientEvents, ClientToServerEvents>`), so a mismatch fails to compile.
 */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandInput<K>, ack: (result: AckResult<CommandResults[K]>) => void) => void;
};

export interface Presence {
  /** Participants with at least one open connection. */
  connected: number;
  byGroup: Record<string, number>;
  /**
   * Joins (`participant:join`) refused by a rate limit since the workshop was loaded: a burst of
   * joins from one address or into this workshop (docs/protocol.md, "Limits"). Refused phones
   * try again and may well be in the room by now; a rising count means someone is flooding.
   */
  joinsRefused: number;
}

export interface ServerToClientEvents {
  /**
   * Everything the room may see, with live participation and answer counts: what the board
   * shows. Sent to boards and hosts on connect and after every change (coalesced).
   */
  'workshop:public': (view: PublicView) => void;
  /** A phone's view of the room; sent to phones on connect and whenever it changes (coalesced). */
  'workshop:phone': (view: PhoneView) => void;
  /** The facilitator's full view; host sockets only. */
  'workshop:host': (view: HostView) => void;
  /** The participant's own data; that participant's sockets only. */
  'participant:self': (view: SelfView) => void;
  /** Connected participants; host sockets only. */
  'workshop:presence': (presence: Presence) => void;
  /** This phone's participant was removed by the facilitator; forget the token. */
  'participant:removed': () => void;
  /**
   * The facilitator picked another join address: boards and hosts only (the `board` room). The
   * board shows it and reloads the QR code (docs/protocol.md, "Join address").
   */
  'workshop:joinAddress': (address: JoinAddress) => void;
  /**
   * This phone's participant was erased (by itself or the facilitator): everything they gave is
   * gone and the token no longer works; forget it. The server disconnects the socket right after.
   */
  'participant:erased': () => void;
  /**
   * The workshop was deleted (by its facilitator, or by the retention sweep): sent to every
   * socket of it, which is then disconnected. The code never opens again: forget the workshop.
   */
  'workshop:deleted': () => void;
}

/** socket.io handshake `auth`. No token: a visitor (the board, or a phone that has not joined). */
export const handshakeSchema = z.object({
  protocol: z.number().int(),
  code: z
    .string()
    .max(20)
    .transform(normaliseJoinCode)
    .refine(isJoinCode, { message: 'Invalid join code' }),
  hostToken: z.string().min(1).max(200).optional(),
  participantToken: z.string().min(1).max(200).optional(),
  /**
   * For a connection without tokens: which view it wants. `board` (a projector) gets
   * `workshop:public` with live counts; `phone` (default) gets `workshop:phone`. A participant
   * is always a phone and a host always gets the host's views, whatever this says.
   */
  view: z.enum(['board', 'phone']).optional(),
});
export type Handshake = z.input<typeof handshakeSchema>;

export { CONNECT_ERRORS, type ConnectErrorCode } from './connectErrors.js';
