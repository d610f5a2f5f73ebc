import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '../../shared/index.js';
import type { TokenBucket } from './tokenBucket.js';

/** What the server knows about one connection, set by the handshake and upgraded by a join. */
export interface SocketData {
  workshopId: string;
  role: Role;
  /** Set for role 'participant'. */
  participantId: string | null;
  bucket: TokenBucket;
}

type NoServerSideEvents = Record<never, never>;
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, NoServerSideEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoServerSideEvents, SocketData>;

/** Everyone in a workshop; its facilitators; one participant's sockets (phone + reloaded tab). */
export const rooms = {
  all: (workshopId: string) => `w:${workshopId}`,
  host: (workshopId: string) => `w:${workshopId}:host`,
  participant: (workshopId: string, participantId: string) => `w:${workshopId}:p:${participantId}`,
};
