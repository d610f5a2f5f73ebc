import type { LiveViews } from '../../shared/index.js';
import type { LiveWorkshop, WorkshopRegistry } from '../workshops.js';
import type { PresenceTracker } from './presence.js';
import { rooms, type AppServer } from './types.js';

/**
 * A burst of commands (a room of phones submitting at once) becomes one update per workshop
 * per window, not one per command: one emit to a room of 2,000 sockets blocks the server
 * ~40–55 ms (~22 µs per recipient, measured on a 2-core machine), so 2,000 phones × 10
 * updates a second is the ceiling, and phones are only sent what changes for them.
 */
export const BROADCAST_COALESCE_MS = 100;

/**
 * While a vote takes answers, its live results (the console's, and the room's once revealed)
 * are recomputed at most this often; answer counts still go out with every flush. Results of
 * 2,000 answers take tens of ms to compute.
 */
export const RESULTS_REFRESH_MS = 1000;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  participants: Set<string>;
  /** Every participant's self view may have changed. */
  everyone: boolean;
  /** Sockets connected or left: presence may have changed. */
  connections: boolean;
}

interface Sent {
  seq: number;
  phoneKey: string;
  presence: string;
  /** Views went out with throttled results: send them again when those are recomputed. */
  stale: boolean;
  /** The participants version presence was last computed at. */
  presenceAt: number;
}

/**
 * Sends views after changes, coalesced per workshop with a trailing timer: the first change
 * schedules one flush, later changes in the window join it. Views come from the workshop's
 * LiveViews, built once per version and shared by every room and every connecting socket:
 * boards and hosts get the room's view after any change, phones get theirs only when
 * something a phone shows changed, and each participant their own view when theirs did.
 */
export class Broadcaster {
  private readonly pending = new Map<string, Pending>();
  private readonly sent = new Map<string, Sent>();
  /** Per workshop: the timer that sends views again once throttled results are due. */
  private readonly refresh = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly io: AppServer,
    private readonly registry: WorkshopRegistry,
    private readonly presence: PresenceTracker,
    private readonly viewsOf: (workshop: LiveWorkshop) => LiveViews,
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
    this.schedule(workshopId).connections = true;
  }

  /**
   * A phone was sent the phone view with this key on connect. The first such key after a
   * (re)load is what every phone has; keys sent later are newer, and the next flush compares
   * with the oldest, so no phone misses a change.
   */
  phoneConnected(workshopId: string, phoneKey: string): void {
    if (!this.sent.has(workshopId)) this.sent.set(workshopId, { seq: -1, phoneKey, presence: '', stale: false, presenceAt: -1 });
  }

  /** A console connected and was sent presence itself: the next presence goes out whatever was sent before. */
  hostConnected(workshopId: string): void {
    const sent = this.sent.get(workshopId);
    if (sent) sent.presence = '';
  }

  /** Forgets what was sent (the workshop was loaded again): the next flush sends every view. */
  forget(workshopId: string): void {
    this.sent.delete(workshopId);
  }

  /** Drops pending flushes (the server is closing). */
  close(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    for (const t of this.refresh.values()) clearTimeout(t);
    this.refresh.clear();
  }

  private schedule(workshopId: string): Pending {
    let pending = this.pending.get(workshopId);
    if (!pending) {
      pending = { timer: setTimeout(() => this.flush(workshopId), this.delayMs), participants: new Set(), everyone: false, connections: false };
      this.pending.set(workshopId, pending);
    }
    return pending;
  }

  private occupied(room: string): boolean {
    return (this.io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  }

  private flush(workshopId: string): void {
    const pending = this.pending.get(workshopId);
    this.pending.delete(workshopId);
    const workshop = this.registry.get(workshopId);
    if (!pending || !workshop) return;
    const state = workshop.state;
    const views = this.viewsOf(workshop);
    const last = this.sent.get(workshopId) ?? { seq: -1, phoneKey: '', presence: '', stale: false, presenceAt: -1 };
    const next: Sent = { ...last, stale: false };
    let due: number | null = null;

    const changed = last.seq !== state.seq;
    if (changed || last.stale) {
      next.seq = state.seq;
      // Views are only built for rooms someone is in; only the host's can hold results held back.
      if (changed && this.occupied(rooms.board(workshopId))) this.io.to(rooms.board(workshopId)).emit('workshop:public', views.board());
      if (this.occupied(rooms.host(workshopId))) this.io.to(rooms.host(workshopId)).emit('workshop:host', views.host());
      const phoneKey = views.phoneKey();
      if (phoneKey !== last.phoneKey) {
        next.phoneKey = phoneKey;
        if (this.occupied(rooms.phones(workshopId))) this.io.to(rooms.phones(workshopId)).emit('workshop:phone', views.phone());
      }
      const selves = pending.everyone ? Object.keys(state.participants) : pending.participants;
      for (const participantId of selves) {
        const room = rooms.participant(workshopId, participantId);
        const view = this.occupied(room) ? views.self(participantId) : null;
        if (view) this.io.to(room).emit('participant:self', view);
      }
      due = views.takeDue();
    }

    // Presence only moves with connections and with who is in which group: not with answers.
    const presenceAt = views.participantsVersion();
    if (this.occupied(rooms.host(workshopId)) && (pending.connections || presenceAt !== last.presenceAt)) {
      next.presenceAt = presenceAt;
      const presence = this.presence.presence(state);
      const key = JSON.stringify(presence);
      if (last.presence !== key) {
        next.presence = key;
        this.io.to(rooms.host(workshopId)).emit('workshop:presence', presence);
      }
    }
    this.sent.set(workshopId, next);
    if (due !== null) this.refreshAt(workshopId, due);
  }

  /**
   * Views went out (a flush, or a console's snapshot on connect) with results held back: send
   * them again once those are due (that flush's own timer joins any change meanwhile).
   */
  refreshAt(workshopId: string, due: number): void {
    const sent = this.sent.get(workshopId);
    if (sent) sent.stale = true;
    else this.sent.set(workshopId, { seq: -1, phoneKey: '', presence: '', stale: true, presenceAt: -1 });
    clearTimeout(this.refresh.get(workshopId));
    const timer = setTimeout(() => {
      this.refresh.delete(workshopId);
      this.schedule(workshopId);
    }, Math.max(0, due - Date.now()));
    timer.unref?.();
    this.refresh.set(workshopId, timer);
  }
}
