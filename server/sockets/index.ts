import { hostView, publicView, selfView } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { WorkshopRegistry } from '../workshops.js';
import { Broadcaster } from './broadcaster.js';
import type { SocketEffects } from './commands.js';
import { registerCommands } from './dispatch.js';
import { handshakeMiddleware, type CommandRate } from './handshake.js';
import { PresenceTracker } from './presence.js';
import { rooms, type AppServer, type AppSocket } from './types.js';

export interface SocketDeps {
  registry: WorkshopRegistry;
  clock: () => number;
  logger: Logger;
  rate: CommandRate;
  coalesceMs?: number;
}

export interface AttachedSockets {
  /** The state changed outside a socket command (a timer): broadcast as after a command. */
  changed(workshopId: string): void;
  close(): void;
}

/**
 * Wires the workshop protocol onto a socket.io server: the handshake, a full snapshot on
 * every (re)connect (STYLE.md #4), the command table, presence, and coalesced broadcasts.
 * Returns what the app needs to broadcast a change of its own and to shut it down.
 */
export function attachSockets(io: AppServer, { registry, clock, logger, rate, coalesceMs }: SocketDeps): AttachedSockets {
  const presence = new PresenceTracker();
  const broadcaster = new Broadcaster(io, registry, presence, coalesceMs);

  const sendSelf = (socket: AppSocket): void => {
    const { workshopId, participantId } = socket.data;
    const state = registry.get(workshopId)?.state;
    const view = state && participantId ? selfView(state, participantId) : null;
    if (view) socket.emit('participant:self', view);
  };

  const effects: SocketEffects = {
    becomeParticipant(socket, participantId) {
      socket.data.role = 'participant';
      socket.data.participantId = participantId;
      void socket.join(rooms.participant(socket.data.workshopId, participantId));
      presence.connect(socket.data.workshopId, participantId);
      broadcaster.connectionsChanged(socket.data.workshopId);
      sendSelf(socket);
    },
    removeParticipant(workshopId, participantId) {
      const room = rooms.participant(workshopId, participantId);
      io.to(room).emit('participant:removed');
      // A server-side disconnect is sent after the event above on the same connection, so the
      // phone learns why before it is cut off; its disconnect handler updates presence.
      io.in(room).disconnectSockets();
    },
  };

  io.use(handshakeMiddleware(registry, rate, clock, logger));

  io.on('connection', (socket) => {
    const { workshopId, role, participantId } = socket.data;
    const state = registry.get(workshopId)?.state;
    if (!state) {
      socket.disconnect(true);
      return;
    }
    void socket.join(rooms.all(workshopId));
    if (role === 'host') void socket.join(rooms.host(workshopId));
    if (participantId) {
      void socket.join(rooms.participant(workshopId, participantId));
      presence.connect(workshopId, participantId);
      broadcaster.connectionsChanged(workshopId);
    }

    socket.emit('workshop:public', publicView(state));
    if (role === 'host') {
      socket.emit('workshop:host', hostView(state));
      socket.emit('workshop:presence', presence.presence(state));
    }
    if (participantId) sendSelf(socket);

    registerCommands(socket, { registry, broadcaster, effects, clock, logger });

    socket.on('disconnect', () => {
      // Read socket.data now, not at connect: a visitor may have joined since.
      const id = socket.data.participantId;
      if (!id) return;
      presence.disconnect(workshopId, id);
      broadcaster.connectionsChanged(workshopId);
    });
  });

  return { changed: (workshopId) => broadcaster.changed(workshopId), close: () => broadcaster.close() };
}
