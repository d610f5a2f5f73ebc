import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice.js';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice.js';
import { createOutboxSlice, type OutboxSlice } from './outboxSlice.js';
import { createSelfSlice, type SelfSlice } from './selfSlice.js';
import { createWorkshopSlice, type WorkshopSlice } from './workshopSlice.js';

/**
 * One store for every view, built from slices. Socket listeners call its actions through
 * `useStore.getState()`, outside React; components select as little as they need.
 */
export type Store = ConnectionSlice & WorkshopSlice & SelfSlice & OutboxSlice & NoticeSlice & { resetFor: (code: string) => void };

export const useStore = create<Store>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createWorkshopSlice(...a),
  ...createSelfSlice(...a),
  ...createOutboxSlice(...a),
  ...createNoticeSlice(...a),
  resetFor: (code) =>
    a[0]({ code, status: 'connecting', refusal: null, deleted: false, pub: null, room: null, host: null, presence: null, self: null, joinedAs: null, participantToken: null, lostReason: null, outbox: [], notice: null }),
}));
