import type { CommandInput } from '../../../shared/index.js';
import { keys, readJson, writeJson } from '../lib/storage.js';
import type { OutboxName, PendingCommand } from '../store/outboxSlice.js';
import { useStore, type Store } from '../store/index.js';
import { send, type ClientErrorCode } from './send.js';

/**
 * What a participant typed is kept here (and in localStorage) until the server acknowledged it,
 * so a locked screen, a reload or a dropped connection loses nothing. Commands are sent one at a
 * time, in order, whenever the phone is online; answers that mean "try later" keep them queued.
 */
const RETRY_AFTER_MS = 4000;
/** An acknowledged command stays visible until the next snapshot shows it, or at most this long. */
const DELIVERED_GRACE_MS = 3000;
/** Errors after which the same command can succeed later; anything else is the server's final "no". */
const TRANSIENT: ReadonlySet<ClientErrorCode> = new Set(['OFFLINE', 'TIMEOUT', 'RATE_LIMITED', 'INTERNAL']);

let running: Promise<void> | null = null;
let flushAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function isOutbox(v: unknown): v is PendingCommand[] {
  return Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.name === 'string');
}

function save(list: PendingCommand[]): void {
  const { code, setOutbox } = useStore.getState();
  setOutbox(list);
  if (code) writeJson(keys.outbox(code), list);
}

function update(id: string, patch: Partial<Pick<PendingCommand, 'status' | 'error' | 'attempts'>>): void {
  save(useStore.getState().outbox.map((c) => (c.id === id ? ({ ...c, ...patch } as PendingCommand) : c)));
}

function remove(id: string): void {
  save(useStore.getState().outbox.filter((c) => c.id !== id));
}

/** Restores what a previous page load left unsent; anything "sending" then is queued again. */
export function loadOutbox(code: string): void {
  const list = readJson(keys.outbox(code), [], isOutbox)
    .filter((c) => c.status !== 'delivered')
    .map((c) => (c.status === 'sending' ? { ...c, status: 'queued' as const } : c));
  useStore.getState().setOutbox(list);
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function enqueue<K extends OutboxName>(name: K, payload: CommandInput<K>): void {
  const entry = { id: newId(), name, payload, status: 'queued', error: null, attempts: 0, createdAt: Date.now() } as PendingCommand;
  save([...useStore.getState().outbox, entry]);
  void flushOutbox();
}

export function discard(id: string): void {
  remove(id);
}

/** Drops acknowledged commands; the socket layer calls it when a fresh self view (and so the public one) has arrived. */
export function settleDelivered(): void {
  const list = useStore.getState().outbox;
  if (list.some((c) => c.status === 'delivered')) save(list.filter((c) => c.status !== 'delivered'));
}

/**
 * If an earlier attempt reached the server but its ack was lost (connection dropped, server
 * restarted), the server already has it: the fresh snapshots tell, so we don't send it twice.
 */
function alreadyApplied(c: PendingCommand, s: Store): boolean {
  if (c.attempts === 0 || !s.self || !s.pub) return false;
  switch (c.name) {
    case 'story:endorse':
      return s.self.endorsedStoryIds.includes(c.payload.storyId);
    case 'story:add': {
      const mine = new Set(s.self.storyIds);
      const text = c.payload.text.trim();
      return s.pub.values.some((v) => v.stories.some((st) => mine.has(st.id) && st.text === text));
    }
    case 'value:propose': {
      const mine = new Set(s.self.proposedValueIds);
      const title = c.payload.title.trim();
      return s.pub.values.some((v) => mine.has(v.id) && v.title === title);
    }
  }
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
    do {
      flushAgain = false;
      await drain();
    } while (flushAgain);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function drain(): Promise<void> {
  for (;;) {
    const s = useStore.getState();
    // Only a known participant on a live connection can send these.
    if (s.status !== 'online' || !s.self) return;
    const next = s.outbox.find((c) => c.status === 'queued');
    if (!next) return;
    if (alreadyApplied(next, s)) {
      remove(next.id);
      continue;
    }
    update(next.id, { status: 'sending', attempts: next.attempts + 1 });
    const result = await sendPending(next);
    if (result.ok || (next.name === 'story:endorse' && result.error.code === 'CONFLICT')) {
      // The ack comes a broadcast window before the snapshot that contains it: keep showing it till then.
      update(next.id, { status: 'delivered', error: null });
      setTimeout(settleDelivered, DELIVERED_GRACE_MS);
    } else if (TRANSIENT.has(result.error.code)) {
      update(next.id, { status: 'queued', error: result.error.code });
      scheduleRetry();
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
  }
}

function scheduleRetry(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flushOutbox();
  }, RETRY_AFTER_MS);
}
