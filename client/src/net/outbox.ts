import { nanoid } from 'nanoid';
import type { CommandInput } from '../../../shared/index.js';
import { keys, readJson, writeJson } from '../lib/storage.js';
import type { OutboxName, PendingCommand } from '../store/outboxSlice.js';
import { useStore, type Store } from '../store/index.js';
import { RETRYABLE_ERRORS } from './retryable.js';
import { send } from './send.js';

/**
 * Every write that creates something goes through here: a phone's proposals, stories,
 * endorsements and answers, and the console's `value:add`. The id of what it creates is made
 * once, when the write is made, and kept with the queued command (in the store and in
 * localStorage), so a locked screen, a reload or a dropped connection loses nothing and every
 * retry carries the same id: the server stores each id once and acknowledges a retry again.
 * Nothing is matched by text. Commands are sent one at a time, in order, whenever this client is
 * online; answers that mean "try later" (RETRYABLE_ERRORS) keep them queued.
 */
const RETRY_AFTER_MS = 4000;
/** An acknowledged command stays visible until the next snapshot shows it, or at most this long. */
const DELIVERED_GRACE_MS = 3000;

/** Who this tab's outbox writes as: the phone (a participant) or the console (the host). */
export type OutboxRole = 'participant' | 'host';

let role: OutboxRole = 'participant';
let running: Promise<void> | null = null;
let flushAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** The console keeps its own outbox, so a phone and a console open in one browser never share one. */
function storageKey(code: string): string {
  return role === 'host' ? keys.outbox(`host.${code}`) : keys.outbox(code);
}

function isOutbox(v: unknown): v is PendingCommand[] {
  return Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.name === 'string' && typeof c.payload === 'object' && c.payload !== null);
}

function save(list: PendingCommand[]): void {
  const { code, setOutbox } = useStore.getState();
  setOutbox(list);
  if (code) writeJson(storageKey(code), list);
}

function update(id: string, patch: Partial<Pick<PendingCommand, 'status' | 'error' | 'attempts'>>): void {
  save(useStore.getState().outbox.map((c) => (c.id === id ? ({ ...c, ...patch } as PendingCommand) : c)));
}

function remove(id: string): void {
  save(useStore.getState().outbox.filter((c) => c.id !== id));
}

/** Restores what a previous page load left unsent; anything "sending" then is queued again (with its id). */
export function loadOutbox(code: string, as: OutboxRole = 'participant'): void {
  role = as;
  const list = readJson(storageKey(code), [], isOutbox)
    .filter((c) => c.status !== 'delivered')
    .map((c) => (c.status === 'sending' ? { ...c, status: 'queued' as const } : c));
  useStore.getState().setOutbox(list);
}

/** Forgets this tab's outbox in storage (the participant was removed or their token refused). */
export function forgetOutbox(code: string): void {
  writeJson(storageKey(code), []);
}

/** The payload with the id of what it creates, made here once unless the caller made it already. */
function withClientId<K extends OutboxName>(name: K, payload: CommandInput<K>): CommandInput<K> {
  switch (name) {
    case 'story:add': {
      const p = payload as CommandInput<'story:add'>;
      return { ...p, storyId: p.storyId ?? nanoid() } as CommandInput<K>;
    }
    case 'value:propose':
    case 'value:add': {
      const p = payload as CommandInput<'value:propose'>;
      return { ...p, valueId: p.valueId ?? nanoid() } as CommandInput<K>;
    }
    default:
      // answer:submit carries the answerId its caller made (kept across edits of the same answer);
      // story:endorse is keyed by its story.
      return payload;
  }
}

/**
 * Queues a write and starts sending. Returns the queued entry (its payload holds the id made for
 * it). A new answer to an activity replaces one to the same activity still waiting to go out:
 * the last answer counts, so the older one need not be sent at all.
 */
export function enqueue<K extends OutboxName>(name: K, payload: CommandInput<K>): PendingCommand {
  const entry = { id: nanoid(), name, payload: withClientId(name, payload), status: 'queued', error: null, attempts: 0, createdAt: Date.now() } as PendingCommand;
  const superseded = (c: PendingCommand) =>
    entry.name === 'answer:submit' && c.name === 'answer:submit' && c.payload.activityId === entry.payload.activityId && (c.status === 'queued' || c.status === 'failed');
  save([...useStore.getState().outbox.filter((c) => !superseded(c)), entry]);
  void flushOutbox();
  return entry;
}

export function discard(id: string): void {
  remove(id);
}

/** Drops acknowledged commands: called when a fresh snapshot (self view or host view), which shows them, has arrived. */
export function settleDelivered(): void {
  const list = useStore.getState().outbox;
  if (list.some((c) => c.status === 'delivered')) save(list.filter((c) => c.status !== 'delivered'));
}

/** Sends once the server has said who this is: a self view (a participant) or a host view (the console). */
function canSend(s: Store): boolean {
  return s.status === 'online' && (s.self !== null || s.host !== null);
}

/**
 * Sends what is queued, one command at a time. A call while a flush runs joins it (and makes it
 * look once more at the end), so callers can always await "everything sendable was tried".
 */
export function flushOutbox(): Promise<void> {
  if (running) {
    flushAgain = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        flushAgain = false;
        await drain();
      } while (flushAgain);
    } finally {
      // In the same step as the last look: a call from now on starts a new flush rather than
      // joining one that has already decided to stop.
      running = null;
    }
  })();
  return running;
}

async function drain(): Promise<void> {
  for (;;) {
    const s = useStore.getState();
    if (!canSend(s)) return;
    const next = s.outbox.find((c) => c.status === 'queued');
    if (!next) return;
    update(next.id, { status: 'sending', attempts: next.attempts + 1 });
    const result = await sendPending(next);
    // Discarded meanwhile (a newer answer, a removed participant): nothing to record.
    if (!useStore.getState().outbox.some((c) => c.id === next.id)) continue;
    if (result.ok) {
      // The ack comes a broadcast window before the snapshot that contains it: keep showing it till then.
      update(next.id, { status: 'delivered', error: null });
      setTimeout(settleDelivered, DELIVERED_GRACE_MS);
    } else if (RETRYABLE_ERRORS.has(result.error.code)) {
      update(next.id, { status: 'queued', error: result.error.code });
      // A rate limit says when to come back; anything else is tried again after a few seconds.
      scheduleRetry(Math.max(RETRY_AFTER_MS, result.error.retryAfterMs ?? 0));
      return;
    } else {
      update(next.id, { status: 'failed', error: result.error.code });
    }
  }
}

/** One case per name, so each payload stays tied to its command's type. */
function sendPending(c: PendingCommand) {
  switch (c.name) {
    case 'story:add':
      return send(c.name, c.payload);
    case 'story:endorse':
      return send(c.name, c.payload);
    case 'value:propose':
      return send(c.name, c.payload);
    case 'value:add':
      return send(c.name, c.payload);
    case 'answer:submit':
      return send(c.name, c.payload);
  }
}

function scheduleRetry(delayMs: number): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flushOutbox();
  }, delayMs);
}

/**
 * The moments to act, read from the store whoever fills it: coming online and every fresh self
 * view (a participant) or host view (the console) resend what is pending; a fresh snapshot also
 * shows what was acknowledged, so those entries are dropped.
 */
useStore.subscribe((s, prev) => {
  const fresh = (s.self !== prev.self && s.self !== null) || (s.host !== prev.host && s.host !== null);
  if (fresh) settleDelivered();
  if (fresh || (s.status === 'online' && prev.status !== 'online')) void flushOutbox();
});
