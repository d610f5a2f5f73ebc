import type { StateCreator } from 'zustand';
import type { HostView, PhoneView, Presence, PublicView, RoomView } from '../../../shared/index.js';
import { shareUnchanged } from '../lib/shareUnchanged.js';
import type { Store } from './index.js';

export interface WorkshopSlice {
  /** The board's view (boards and the console); replaced by every snapshot that is not older than the one we have. */
  pub: PublicView | null;
  /** What this screen of the room shows: the board's view, or a phone's (`workshop:phone`). */
  room: RoomView | null;
  /** The facilitator's view (host sockets only). */
  host: HostView | null;
  presence: Presence | null;
  receivePublic: (view: PublicView) => void;
  receivePhone: (view: PhoneView) => void;
  receiveHost: (view: HostView) => void;
  receivePresence: (presence: Presence) => void;
}

/** Snapshots can overtake each other around a reconnect; an older one must never win. */
function isStale(current: { seq: number } | null, next: { seq: number }): boolean {
  return current !== null && next.seq < current.seq;
}

export const createWorkshopSlice: StateCreator<Store, [], [], WorkshopSlice> = (set, get) => ({
  pub: null,
  room: null,
  host: null,
  presence: null,
  receivePublic: (view) => {
    const cur = get().pub;
    if (isStale(cur, view)) return;
    const pub = { ...view, values: shareUnchanged(cur?.values, view.values), groups: shareUnchanged(cur?.groups, view.groups), activities: shareUnchanged(cur?.activities, view.activities) };
    set({ pub, room: pub });
  },
  receivePhone: (view) => {
    const cur = get().room;
    if (isStale(cur, view)) return;
    set({ room: { ...view, values: shareUnchanged(cur?.values, view.values), groups: shareUnchanged(cur?.groups, view.groups), activities: shareUnchanged(cur?.activities, view.activities) } });
  },
  receiveHost: (view) => {
    const cur = get().host;
    if (isStale(cur, view)) return;
    set({
      host: {
        ...view,
        allValues: shareUnchanged(cur?.allValues, view.allValues),
        allStories: shareUnchanged(cur?.allStories, view.allStories),
        groups: shareUnchanged(cur?.groups, view.groups),
      },
    });
  },
  receivePresence: (presence) => set({ presence }),
});
