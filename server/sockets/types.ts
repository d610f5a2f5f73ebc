import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '../../shared/index.js';

/** What the server knows about one connection, set by the handshake and upgraded by a join. */
export interface SocketData {
  workshopId: string;
  role: Role;
  /** Set for role 'participant'. */
  participantId: string | null;
  /** Which view the socket is sent: the board's (`workshop:public`), a phone's (`workshop:phone`) or the host's. */
  view: 'board' | 'phone' | 'host';
  /** The client's address as the per-address limits count it (behind TRUST_PROXY: the forwarded one). */
  address: string;
}

type NoServerSideEvents = Record<never, never>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, NoServerSideEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoServerSideEvents, SocketData>;

/**
 * A workshop's boards (and facilitators, whose console shows what the room sees); its phones
 * (joined or not); its facilitators; one participant's sockets (phone + reloaded tab).
 */
export const rooms = {
  board: (workshopId: string) => `w:${workshopId}:board`,
  phones: (workshopId: string) => `w:${workshopId}:phones`,
  host: (workshopId: string) => `w:${workshopId}:host`,
  participant: (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`,
};
