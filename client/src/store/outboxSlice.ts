import type { StateCreator } from 'zustand';
import type { CommandInput } from '../../../shared/index.js';
import type { ClientErrorCode } from '../net/send.js';
import type { Store } from './index.js';

/**
 * The commands that create something a person typed or chose, and so must not be lost: a
 * phone's proposals, stories, endorsements and answers, and the console's `value:add`. Each
 * carries the id the client made for it when it was written (endorsements: their natural key).
 */
export type OutboxName = 'story:add' | 'story:endorse' | 'value:propose' | 'value:add' | 'answer:submit';

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
    /** How often it was emitted. Every retry sends the same payload, with the same client-made id. */
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
