import { useEffect, useState } from 'react';
import type { JoinAddress, JoinAddressOptions } from '../../../shared/index.js';

/**
 * The join address the server names for a workshop (docs/protocol.md, "Join address"): PUBLIC_URL,
 * a LAN address of the laptop, or the facilitator's pick. The board and the console read it from
 * the server; they never make it from their own address bar, which may say "localhost".
 */

type Listener = (code: string, address: JoinAddress) => void;
const listeners = new Set<Listener>();

/** The socket's `workshop:joinAddress` event: the facilitator picked another address. */
export function announceJoinAddress(code: string, address: JoinAddress): void {
  for (const l of listeners) l(code, address);
}

function isJoinAddress(body: unknown): body is JoinAddress {
  const b = body as Partial<JoinAddress> | null;
  return typeof b === 'object' && b !== null && typeof b.joinUrl === 'string' && typeof b.reachable === 'boolean';
}

const base = (code: string) => `/api/workshops/${encodeURIComponent(code)}/join-address`;

export async function fetchJoinAddress(code: string): Promise<JoinAddress> {
  const res = await fetch(base(code), { cache: 'no-store' });
  const body: unknown = res.ok ? await res.json() : null;
  if (!isJoinAddress(body)) throw new Error(`join address: ${res.status} ${res.statusText}`);
  return body;
}

async function options(res: Response): Promise<JoinAddressOptions> {
  const body: unknown = res.ok ? await res.json() : null;
  if (!isJoinAddress(body) || !Array.isArray((body as JoinAddressOptions).offered)) throw new Error(`join address: ${res.status} ${res.statusText}`);
  return body as JoinAddressOptions;
}

export async function fetchJoinOptions(code: string, hostToken: string): Promise<JoinAddressOptions> {
  return options(await fetch(`${base(code)}/options`, { headers: { Authorization: `Bearer ${hostToken}` }, cache: 'no-store' }));
}

export async function chooseJoinOrigin(code: string, hostToken: string, origin: string): Promise<JoinAddressOptions> {
  const res = await fetch(`${base(code)}/options`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${hostToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origin }),
  });
  return options(res);
}

/** While phones cannot reach the server, ask again this often: a hotspot started now shows up by itself. */
const UNREACHABLE_RETRY_MS = 5000;

export interface JoinAddressState {
  /** null until the server answered. */
  address: JoinAddress | null;
  /** Counts the changes after the first answer, so the QR image is fetched again. */
  version: number;
}

/** The workshop's join address, kept current by the socket's event and, while unreachable, by asking again. */
export function useJoinAddress(code: string): JoinAddressState {
  const [state, setState] = useState<JoinAddressState>({ address: null, version: 0 });
  useEffect(() => {
    let live = true;
    const apply = (next: JoinAddress) =>
      setState((s) =>
        s.address && s.address.joinUrl === next.joinUrl && s.address.reachable === next.reachable ? s : { address: next, version: s.address ? s.version + 1 : 0 },
      );
    const listener: Listener = (c, next) => {
      if (c === code) apply(next);
    };
    listeners.add(listener);
    fetchJoinAddress(code)
      .then((a) => live && apply(a))
      .catch(() => undefined); // no answer (offline): the board keeps what it shows
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, [code]);

  const unreachable = state.address?.reachable === false;
  useEffect(() => {
    if (!unreachable) return;
    const timer = setInterval(() => {
      fetchJoinAddress(code)
        .then((a) => announceJoinAddress(code, a))
        .catch(() => undefined);
    }, UNREACHABLE_RETRY_MS);
    return () => clearInterval(timer);
  }, [code, unreachable]);
  return state;
}
