import type { StateCreator } from 'zustand';
import type { Store } from './index.js';

/** One short message at a time for the facilitator: a refused command, "link copied". */
export interface Notice {
  tone: 'error' | 'info';
  message: string;
}

export interface NoticeSlice {
  notice: Notice | null;
  notify: (notice: Notice) => void;
  dismissNotice: () => void;
}

export const createNoticeSlice: StateCreator<Store, [], [], NoticeSlice> = (set) => ({
  notice: null,
  notify: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
