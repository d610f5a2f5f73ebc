import { LiveViews } from '../../shared/index.js';
import type { Logger } from '../logger.js';
import type { LiveWorkshop, WorkshopRegistry } from '../workshops.js';
import { Broadcaster, RESULTS_REFRESH_MS } from './broadcaster.js';
import type { SocketEffects } from './commands.js';
import { registerCommands } from './dispatch.js';
import type { Limiters, TrustFn } from '../limits/index.js';
import { handshakeMiddleware } from './handshake.js';
import { PresenceTracker } from './presence.js';
import { rooms, type AppServer, type AppSocket } from './types.js';

export interface SocketDeps {
  registry: WorkshopRegistry;
  clock: () => number;
  logger: Logger;
  limiters: Limiters;
  /** Which hops' X-Forwarded-For to believe (express's compiled `trust proxy`). */
  trust: TrustFn;
  coalesceMs?: number;
}

export interface AttachedSockets {
  /** The state changed outside a socket command (a timer): broadcast as after a command. */
  changed(workshopId: string): void;
  /** Whether any socket is connected to this workshop (it then stays in memory). */
  connected(workshopId: string): boolean;
  /** The workshop was deleted: every socket of it is told (`workshop:deleted`) and disconnected. */
  deleted(workshopId: string): void;
  close(): void;
}

/**
 * Wires the workshop protocol onto a socket.io server: the handshake, a snapshot on every
 * (re)connect — the view of the current version, shared by every socket that connects while
 * it is current — the command table, presence, and coalesced broadcasts.
 */
export function attachSockets(io: AppServer, { registry, clock, logger, limiters, trust, coalesceMs }: SocketDeps): AttachedSockets {
  const presence = new PresenceTracker();
  const liveViews = new WeakMap<LiveWorkshop, LiveViews>();
  const viewsOf = (workshop: LiveWorkshop): LiveViews => {
    let views = liveViews.get(workshop);
    if (!views) {
      // Throttling reads the real clock, whatever clock the workshop's events are stamped with.
      views = new LiveViews(() => workshop.state, { clock: Date.now, resultsRefreshMs: RESULTS_REFRESH_MS, caps: registry.caps });
      liveViews.set(workshop, views);
    }
    return views;
  };
  const broadcaster = new Broadcaster(io, registry, presence, viewsOf, coalesceMs);
  registry.onCommit((workshop, events) => viewsOf(workshop).observe(events));
  registry.onLoad((workshop) => {
    // Loaded again (or its state put back after a failed write, which nobody was sent yet):
    // start the views afresh; the next change sends every room its view.
    viewsOf(workshop).reset();
    broadcaster.forget(workshop.id);
    presence.forget(workshop.id);
  });

  // Snapshots for sockets that connect in the same event-loop turn go out as one emit per view:
  // socket.io encodes a message once per emit, so a wave of 2,000 phones reconnecting after a
  // Wi-Fi blip costs a few encodings of the phone view, not 2,000.
  const arriving = new Map<string, { phones: Set<AppSocket>; boards: Set<AppSocket> }>();
  let arrivalsScheduled = false;
  const sendArrivals = (): void => {
    arrivalsScheduled = false;
    for (const [workshopId, { phones, boards }] of arriving) {
      const workshop = registry.get(workshopId);
      if (!workshop) continue;
      const views = viewsOf(workshop);
      const ids = (set: Set<AppSocket>) => [...set].filter((s) => s.connected).map((s) => s.id);
      if (phones.size > 0) {
        io.to(ids(phones)).emit('workshop:phone', views.phone());
        broadcaster.phoneConnected(workshopId, views.phoneKey());
      }
      if (boards.size > 0) io.to(ids(boards)).emit('workshop:public', views.board());
      // Each phone's own view after the room's, so what it sent before is on screen with it.
      for (const socket of phones) if (socket.connected) sendSelf(socket, workshop);
    }
    arriving.clear();
  };
  const snapshotSoon = (socket: AppSocket, workshopId: string): void => {
    let pending = arriving.get(workshopId);
    if (!pending) arriving.set(workshopId, (pending = { phones: new Set(), boards: new Set() }));
    (socket.data.view === 'phone' ? pending.phones : pending.boards).add(socket);
    if (!arrivalsScheduled) {
      arrivalsScheduled = true;
      setImmediate(sendArrivals);
    }
  };

  const sendSelf = (socket: AppSocket, workshop: LiveWorkshop): void => {
    const { participantId } = socket.data;
    const view = participantId ? viewsOf(workshop).self(participantId) : null;
    if (view) socket.emit('participant:self', view);
  };

  const effects: SocketEffects = {
    becomeParticipant(socket, participantId) {
      socket.data.role = 'participant';
      socket.data.participantId = participantId;
      socket.data.view = 'phone';
      void socket.leave(rooms.board(socket.data.workshopId));
      void socket.join(rooms.phones(socket.data.workshopId));
      void socket.join(rooms.participant(socket.data.workshopId, participantId));
      presence.connect(socket.data.workshopId, participantId);
      broadcaster.connectionsChanged(socket.data.workshopId);
      const workshop = registry.get(socket.data.workshopId);
      if (workshop) sendSelf(socket, workshop);
    },
    removeParticipant(workshopId, participantId) {
      const room = rooms.participant(workshopId, participantId);
      io.to(room).emit('participant:removed');
      // A server-side disconnect is sent after the event above on the same connection, so the
      // phone learns why before it is cut off; its disconnect handler updates presence.
      io.in(room).disconnectSockets();
    },
    eraseParticipant(workshopId, participantId) {
      const room = rooms.participant(workshopId, participantId);
      io.to(room).emit('participant:erased');
      io.in(room).disconnectSockets();
    },
  };

  io.use(handshakeMiddleware({ registry, limiters, trust, logger }));
  const joinRefused = (workshopId: string): void => {
    presence.joinRefused(workshopId);
    // Presence goes to the hosts with the next flush (coalesced like every change).
    broadcaster.connectionsChanged(workshopId);
  };

  io.on('connection', (socket) => {
    const { workshopId, role, participantId, view } = socket.data;
    const workshop = registry.get(workshopId);
    if (!workshop) {
      socket.disconnect(true);
      return;
    }
    if (view === 'phone') void socket.join(rooms.phones(workshopId));
    else void socket.join(rooms.board(workshopId));
    if (role === 'host') void socket.join(rooms.host(workshopId));
    if (participantId) {
      void socket.join(rooms.participant(workshopId, participantId));
      presence.connect(workshopId, participantId);
      broadcaster.connectionsChanged(workshopId);
    }

    if (role === 'host') {
      // A console is one socket: its views go at once, the room's first.
      const views = viewsOf(workshop);
      socket.emit('workshop:public', views.board());
      socket.emit('workshop:host', views.host());
      socket.emit('workshop:presence', presence.presence(workshop.state));
      broadcaster.hostConnected(workshopId);
      const due = views.takeDue();
      if (due !== null) broadcaster.refreshAt(workshopId, due);
    } else {
      snapshotSoon(socket, workshopId);
    }

    registerCommands(socket, { registry, broadcaster, effects, clock, logger, limiters, joinRefused });

    socket.on('disconnect', () => {
      // Read socket.data now, not at connect: a visitor may have joined since.
      const id = socket.data.participantId;
      if (!id) return;
      presence.disconnect(workshopId, id);
      broadcaster.connectionsChanged(workshopId);
    });
  });

  const connected = (workshopId: string): boolean =>
    (io.sockets.adapter.rooms.get(rooms.board(workshopId))?.size ?? 0) + (io.sockets.adapter.rooms.get(rooms.phones(workshopId))?.size ?? 0) > 0;

  const deleted = (workshopId: string): void => {
    const all = [rooms.board(workshopId), rooms.phones(workshopId), rooms.host(workshopId)];
    io.to(all).emit('workshop:deleted');
    // Sent after the event above on each connection, so every screen learns why it is cut off.
    io.in(all).disconnectSockets(true);
    broadcaster.forget(workshopId);
  };

  return { changed: (workshopId) => broadcaster.changed(workshopId), connected, deleted, close: () => broadcaster.close() };
}
