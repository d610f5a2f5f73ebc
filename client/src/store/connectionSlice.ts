import type { StateCreator } from 'zustand';
import type { ConnectErrorCode } from '../../../shared/index.js';
import type { Store } from './index.js';

/**
 * `connecting` until the first handshake answer; `online`/`offline` after; `refused` when the
 * server turned the handshake down for good (unknown workshop, wrong host token, old protocol).
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline' | 'refused';

export interface ConnectionSlice {
  /** The join code of the workshop this tab is connected to. */
  code: string | null;
  status: ConnectionStatus;
  refusal: ConnectErrorCode | null;
  /** The server said `workshop:deleted`: the workshop is gone for good, every page shows so. */
  deleted: boolean;
  setStatus: (status: ConnectionStatus) => void;
  refuse: (reason: ConnectErrorCode) => void;
  markDeleted: () => void;
}

export const createConnectionSlice: StateCreator<Store, [], [], ConnectionSlice> = (set) => ({
  code: null,
  status: 'idle',
  refusal: null,
  deleted: false,
  setStatus: (status) => set(status === 'online' ? { status, refusal: null } : { status }),
  refuse: (refusal) => set({ status: 'refused', refusal }),
  markDeleted: () => set({ status: 'refused', deleted: true }),
});
