import type { StateCreator } from 'zustand';
import type { CommandInput } from '../../../shared/index.js';
import type { ClientErrorCode } from '../net/send.js';
import type { Store } from './index.js';

/** The participant commands that carry something a person typed or chose, and so must not be lost. */
export type OutboxName = 'story:add' | 'story:endorse' | 'value:propose';

export type PendingCommand = {
  [K in OutboxName]: {
    id: string;
    name: K;
    payload: CommandInput<K>;
    /**
     * queued: waiting for a connection; sending: emitted, no answer yet; delivered: acknowledged,
     * kept on screen until the snapshot that shows it arrives; failed: the server refused it.
     */
    status: 'queued' | 'sending' | 'delivered' | 'failed';
    error: ClientErrorCode | null;
    /** How often it was emitted; after one, a retry first checks whether the server already has it. */
    attempts: number;
    createdAt: number;
  };
}[OutboxName];

export interface OutboxSlice {
  outbox: PendingCommand[];
  setOutbox: (outbox: PendingCommand[]) => void;
}

export const createOutboxSlice: StateCreator<Store, [], [], OutboxSlice> = (set) => ({
  outbox: [],
  setOutbox: (outbox) => set({ outbox }),
});
