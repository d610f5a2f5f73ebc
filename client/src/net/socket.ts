import { io, type Socket } from 'socket.io-client';
import {
  CONNECT_ERRORS,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ConnectErrorCode,
  type Handshake,
  type ServerToClientEvents,
} from '../../../shared/index.js';
import { keys, writeString } from '../lib/storage.js';
import { forgetWorkshop } from '../lib/myWorkshops.js';
import { useStore } from '../store/index.js';
import { announceJoinAddress } from './joinAddress.js';
import { forgetOutbox, loadOutbox } from './outbox.js';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface WorkshopAuth {
  code: string;
  hostToken?: string | null;
  participantToken?: string | null;
  /** Without tokens: the board asks for the board's view (live counts); a phone for the phone's. */
  view?: 'board' | 'phone';
}

/** Reconnect at once when a phone wakes up rather than waiting out socket.io's back-off. */
const WAKE_EVENTS = ['visibilitychange', 'online', 'focus'] as const;
/** After the server closes the connection itself, try again after this long. */
const SERVER_CLOSE_RETRY_MS = 1500;
/** A RATE_LIMITED handshake without a wait in it (an older server): try again after this long. */
const RATE_LIMITED_RETRY_MS = 5000;

let current: AppSocket | null = null;
let auth: Handshake | null = null;

export function activeSocket(): AppSocket | null {
  return current;
}

const KNOWN_REFUSALS = new Set<string>(Object.values(CONNECT_ERRORS));
function isRefusal(message: string): message is ConnectErrorCode {
  return KNOWN_REFUSALS.has(message);
}

/** The participant token used from the next (re)connect on; null connects as a visitor. */
export function setParticipantToken(token: string | null): void {
  const code = useStore.getState().code;
  if (code) writeString(keys.participantToken(code), token);
  useStore.getState().setParticipantToken(token);
  if (auth) {
    const { participantToken: _drop, ...rest } = auth;
    auth = token ? { ...rest, participantToken: token } : rest;
  }
}

/** Drops the participant identity (token refused, participant removed or erased) and carries on as a visitor. */
function loseParticipant(reason: 'rejected' | 'removed' | 'erased'): void {
  setParticipantToken(null);
  const code = useStore.getState().code;
  if (code) forgetOutbox(code);
  useStore.getState().loseParticipant(reason);
}

/**
 * Opens the one socket this tab uses for a workshop and routes every server event into the
 * store. Returns the function that closes it again (a React effect's cleanup).
 */
export function connectWorkshop(opts: WorkshopAuth): () => void {
  const store = useStore.getState();
  store.resetFor(opts.code);
  auth = {
    protocol: PROTOCOL_VERSION,
    code: opts.code,
    ...(opts.hostToken ? { hostToken: opts.hostToken } : {}),
    ...(opts.participantToken ? { participantToken: opts.participantToken } : {}),
    view: opts.view ?? 'phone',
  };
  if (opts.participantToken) store.setParticipantToken(opts.participantToken);
  loadOutbox(opts.code, opts.hostToken ? 'host' : 'participant');

  // auth as a callback: a token learnt after joining is used on every later reconnect.
  const socket: AppSocket = io({ auth: (cb) => cb(auth ?? {}) });
  current = socket;
  const actions = () => useStore.getState();

  socket.on('connect', () => actions().setStatus('online'));
  socket.on('disconnect', (reason) => {
    actions().setStatus('offline');
    // socket.io only reconnects by itself after transport failures, not when the server hung up.
    if (reason === 'io server disconnect') setTimeout(() => current === socket && socket.connect(), SERVER_CLOSE_RETRY_MS);
  });
  socket.on('connect_error', (err) => {
    if (err.message === CONNECT_ERRORS.rateLimited) {
      // Too many connections from this address just now (a whole room at once): not final.
      // socket.io does not retry a refused handshake by itself, so come back when told to.
      actions().setStatus('offline');
      const data = (err as Error & { data?: { retryAfterMs?: unknown } }).data;
      const wait = typeof data?.retryAfterMs === 'number' && data.retryAfterMs > 0 ? data.retryAfterMs : RATE_LIMITED_RETRY_MS;
      setTimeout(() => current === socket && !socket.connected && socket.connect(), wait + Math.random() * Math.min(wait, 1000));
      return;
    }
    if (!isRefusal(err.message)) {
      actions().setStatus('offline'); // a transport failure: socket.io keeps retrying
      return;
    }
    if (err.message === CONNECT_ERRORS.badParticipantToken) {
      loseParticipant('rejected');
      socket.connect();
      return;
    }
    actions().refuse(err.message);
  });
  socket.on('workshop:public', (view) => actions().receivePublic(view));
  socket.on('workshop:phone', (view) => actions().receivePhone(view));
  socket.on('workshop:host', (view) => actions().receiveHost(view));
  socket.on('workshop:presence', (presence) => actions().receivePresence(presence));
  socket.on('workshop:joinAddress', (address) => announceJoinAddress(opts.code, address));
  // A fresh self view (or, on the console, host view) follows every (re)connect and every change:
  // the outbox, watching the store, then drops what it shows and resends what is still pending.
  socket.on('participant:self', (view) => actions().receiveSelf(view));
  socket.on('participant:removed', () => {
    loseParticipant('removed');
    socket.disconnect().connect();
  });
  socket.on('participant:erased', () => {
    loseParticipant('erased');
    socket.disconnect().connect();
  });
  // Gone for good: forget everything this browser kept of it and stop reconnecting.
  socket.on('workshop:deleted', () => {
    setParticipantToken(null);
    forgetOutbox(opts.code);
    forgetWorkshop(opts.code);
    actions().markDeleted();
    socket.disconnect();
  });

  const wake = () => {
    if (document.visibilityState === 'visible' && !socket.connected && actions().status !== 'refused') socket.connect();
  };
  // The phone knows it lost its network long before socket.io's ping times out (up to ~45 s):
  // drop the transport now, so the banner shows and socket.io starts reconnecting.
  const lost = () => socket.io.engine?.close();
  for (const ev of WAKE_EVENTS) (ev === 'visibilitychange' ? document : window).addEventListener(ev, wake);
  window.addEventListener('offline', lost);

  return () => {
    for (const ev of WAKE_EVENTS) (ev === 'visibilitychange' ? document : window).removeEventListener(ev, wake);
    window.removeEventListener('offline', lost);
    socket.removeAllListeners();
    socket.disconnect();
    if (current === socket) {
      current = null;
      auth = null;
    }
  };
}
