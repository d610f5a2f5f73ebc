import type { StateCreator } from 'zustand';
import type { SelfView } from '../../../shared/index.js';
import type { Store } from './index.js';

/** Why this phone is no longer a participant, so the join form can explain it. */
export type LostReason = 'rejected' | 'removed' | 'erased';

export interface SelfSlice {
  self: SelfView | null;
  /** Who we joined as, known from the join ack until the first `participant:self` arrives. */
  joinedAs: SelfView['participant'] | null;
  participantToken: string | null;
  lostReason: LostReason | null;
  receiveSelf: (view: SelfView) => void;
  /** After a successful join: remember who we are before the first `participant:self` arrives. */
  becomeParticipant: (token: string, participant: SelfView['participant']) => void;
  setParticipantToken: (token: string | null) => void;
  loseParticipant: (reason: LostReason) => void;
}

export const createSelfSlice: StateCreator<Store, [], [], SelfSlice> = (set, get) => ({
  self: null,
  joinedAs: null,
  participantToken: null,
  lostReason: null,
  receiveSelf: (view) => {
    const cur = get().self;
    if (cur && view.seq < cur.seq) return;
    set({ self: view, lostReason: null });
  },
  becomeParticipant: (participantToken, joinedAs) => set({ participantToken, joinedAs, lostReason: null }),
  setParticipantToken: (participantToken) => set({ participantToken }),
  loseParticipant: (lostReason) => set({ self: null, joinedAs: null, participantToken: null, lostReason, outbox: [] }),
});

/** This phone's participant, from the latest self view or, just after joining, the join ack. */
export const selectMe = (s: Store): SelfView['participant'] | null => s.self?.participant ?? s.joinedAs;
