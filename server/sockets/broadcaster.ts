import { allResults, hostView, publicView, selfView } from '../../shared/index.js';
import type { WorkshopRegistry } from '../workshops.js';
import type { PresenceTracker } from './presence.js';
import { rooms, type AppServer } from './types.js';

/**
 * A burst of commands (a room of phones submitting at once) becomes one update per workshop
 * per window, not one per command: each view costs ~22 µs per recipient to send (TOOLCHAIN.md).
 */
export const BROADCAST_COALESCE_MS = 100;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  participants: Set<string>;
  /** Every participant's self view may have changed. */
  everyone: boolean;
}

/**
 * Sends views after changes, coalesced per workshop with a trailing timer: the first change
 * schedules one flush, later changes in the window join it. Views are derived at flush time
 * from the live state, so a flush always sends the latest state.
 */
export class Broadcaster {
  private readonly pending = new Map<string, Pending>();
  private readonly lastSeq = new Map<string, number>();
  private readonly lastPresence = new Map<string, string>();

  constructor(
    private readonly io: AppServer,
    private readonly registry: WorkshopRegistry,
    private readonly presence: PresenceTracker,
    private readonly delayMs = BROADCAST_COALESCE_MS,
  ) {}

  /** The state changed; these participants' own views (or everyone's: 'all') may have changed too. */
  changed(workshopId: string, participantIds: readonly string[] | 'all' = []): void {
    const pending = this.schedule(workshopId);
    if (participantIds === 'all') pending.everyone = true;
    else for (const id of participantIds) pending.participants.add(id);
  }

  /** Connections changed: the hosts' presence may have. */
  connectionsChanged(workshopId: string): void {
    this.schedule(workshopId);
  }

  /** Drops pending flushes (the server is closing). */
  close(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private schedule(workshopId: string): Pending {
    let pending = this.pending.get(workshopId);
    if (!pending) {
      pending = { timer: setTimeout(() => this.flush(workshopId), this.delayMs), participants: new Set(), everyone: false };
      this.pending.set(workshopId, pending);
    }
    return pending;
  }

  private flush(workshopId: string): void {
    const pending = this.pending.get(workshopId);
    this.pending.delete(workshopId);
    const state = this.registry.get(workshopId)?.state;
    if (!pending || !state) return;
    const occupied = (room: string) => (this.io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
    const hostRoom = rooms.host(workshopId);

    if (this.lastSeq.get(workshopId) !== state.seq) {
      this.lastSeq.set(workshopId, state.seq);
      // Views are only derived for rooms someone is in: results and duplicates cost real time.
      // Results are the costly part of a view: with a host listening, compute them once for both rooms.
      const all = occupied(hostRoom) ? allResults(state) : undefined;
      if (occupied(rooms.all(workshopId))) this.io.to(rooms.all(workshopId)).emit('workshop:public', publicView(state, all));
      if (all) this.io.to(hostRoom).emit('workshop:host', hostView(state, all));
      const selves = pending.everyone ? Object.keys(state.participants) : pending.participants;
      for (const participantId of selves) {
        const room = rooms.participant(workshopId, participantId);
        const view = occupied(room) ? selfView(state, participantId) : null;
        if (view) this.io.to(room).emit('participant:self', view);
      }
    }

    const presence = this.presence.presence(state);
    const key = JSON.stringify(presence);
    if (this.lastPresence.get(workshopId) !== key && occupied(hostRoom)) {
      this.lastPresence.set(workshopId, key);
      this.io.to(hostRoom).emit('workshop:presence', presence);
    }
  }
}
