import type { AddressInfo } from 'node:net';
import os from 'node:os';

/**
 * Where phones reach this server: the origin in join links and QR codes, and the origins a
 * browser may open a socket from. The Host header of a request is never trusted for either: it
 * is only used when it names an origin the server offers itself (PUBLIC_URL, a detected LAN
 * address, a loopback name, or an operator's ALLOWED_HOSTS entry).
 */

export type InterfaceTable = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

export interface LanAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
  /** The interface's name as the OS reports it ("wlan0", "en0", "Wi-Fi"). */
  interface: string;
}

/** Interfaces of container runtimes and virtual machines: no phone in the room is on them. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|podman|lxcbr|lxdbr|vEthernet \((WSL|Default Switch))/i;

function ipv4Parts(address: string): number[] | null {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

/**
 * How likely a phone in the room reaches this address, lower first: 0 192.168/16 (home and
 * office Wi-Fi, the hotspots of Android, Windows and macOS), 1 10/8 (larger networks, the Linux
 * hotspot), 2 172.16/12, 3 any other IPv4, 4 IPv6. null: never offered (loopback, link-local,
 * unspecified).
 */
export function addressRank(address: string, family: 'IPv4' | 'IPv6'): number | null {
  if (family === 'IPv4') {
    const p = ipv4Parts(address);
    if (!p) return null;
    const [a, b] = p as [number, number, number, number];
    if (a === 127 || a === 0 || (a === 169 && b === 254)) return null;
    if (a === 192 && b === 168) return 0;
    if (a === 10) return 1;
    if (a === 172 && b >= 16 && b <= 31) return 2;
    return 3;
  }
  const lower = address.toLowerCase();
  if (lower === '::1' || lower === '::' || /^fe[89ab]/.test(lower) || lower.startsWith('::ffff:')) return null;
  return 4;
}

/**
 * The addresses a phone on the same network could reach this machine at, best first (see
 * addressRank; the OS's order within a rank), without loopback, link-local and the interfaces
 * of containers and virtual machines. IPv6 only when the server listens on IPv6 too.
 */
export function lanAddresses(table: InterfaceTable, opts: { ipv6: boolean } = { ipv6: false }): LanAddress[] {
  const found: { entry: LanAddress; rank: number; order: number }[] = [];
  const seen = new Set<string>();
  for (const [name, infos] of Object.entries(table)) {
    if (!infos || VIRTUAL_INTERFACE.test(name)) continue;
    for (const info of infos) {
      const family = info.family === 'IPv6' ? 'IPv6' : 'IPv4';
      if (info.internal || (family === 'IPv6' && !opts.ipv6)) continue;
      const rank = addressRank(info.address, family);
      if (rank === null || seen.has(info.address)) continue;
      seen.add(info.address);
      found.push({ entry: { address: info.address, family, interface: name }, rank, order: found.length });
    }
  }
  return found.sort((x, y) => x.rank - y.rank || x.order - y.order).map((f) => f.entry);
}

export function originOf(address: string, family: 'IPv4' | 'IPv6', port: number): string {
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

/** "Host" header values this module accepts at all: a name or IPv4 address, or an [IPv6], and a port. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function isHostShaped(host: string): boolean {
  return host.length <= 260 && HOST_SHAPE.test(host);
}

/** Host without its port, lower case: "Laptop.local:3000" → "laptop.local", "[::1]:80" → "[::1]". */
function hostnameOf(host: string): string {
  const lower = host.toLowerCase();
  return lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.replace(/:\d+$/, '');
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** An http(s) origin as `URL.origin` writes it, or null. */
export function normaliseOrigin(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** A comma-separated env list, trimmed, empty entries dropped. */
export function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export type OriginKind = 'public' | 'lan' | 'allowed' | 'loopback';

export interface OfferedOrigin {
  origin: string;
  kind: OriginKind;
  /** The interface a LAN address belongs to ("wlan0"), for the console's picker. */
  interface?: string;
}

/** The join address a board shows: `reachable` false when only this machine itself can open it. */
export interface JoinOrigin {
  origin: string;
  reachable: boolean;
}

export interface OriginOptions {
  publicUrl?: string;
  /** Host names (optionally with a port) the operator vouches for: a request naming one is used as-is. */
  allowedHosts?: string[];
  /** Extra origins browsers may open sockets from (another front end, a kiosk page). */
  allowedOrigins?: string[];
  /** The network interface table; default os.networkInterfaces (tests pass a fake one). */
  interfaces?: () => InterfaceTable;
  /** Where the HTTP server listens, once it does. */
  address: () => AddressInfo | string | null;
  clock?: () => number;
}

/** The interface table is read again after this long, so a hotspot started later is found. */
const REREAD_MS = 5000;

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export class Origins {
  /** PUBLIC_URL as configured, without trailing slashes: join links are this plus /j/CODE. */
  private readonly publicUrl: string | null;
  /** Its origin, which browser pages served through it send as Origin. */
  private readonly publicOrigin: string | null;
  private readonly allowedHosts: string[];
  private readonly allowedOrigins: Set<string>;
  private readonly interfaces: () => InterfaceTable;
  private readonly address: OriginOptions['address'];
  private readonly clock: () => number;
  private cached: { at: number; port: number; offered: OfferedOrigin[]; names: Set<string> } | null = null;
  /** The facilitator's pick per workshop id; always one of offered() when it was made. */
  private readonly chosen = new Map<string, string>();

  constructor(opts: OriginOptions) {
    this.publicOrigin = opts.publicUrl ? normaliseOrigin(opts.publicUrl) : null;
    this.publicUrl = this.publicOrigin && opts.publicUrl ? opts.publicUrl.trim().replace(/\/+$/, '') : null;
    this.allowedHosts = (opts.allowedHosts ?? []).map((h) => h.toLowerCase()).filter(isHostShaped);
    this.allowedOrigins = new Set((opts.allowedOrigins ?? []).map(normaliseOrigin).filter((o): o is string => o !== null));
    this.interfaces = opts.interfaces ?? os.networkInterfaces;
    this.address = opts.address;
    this.clock = opts.clock ?? Date.now;
  }

  private port(): number {
    const a = this.address();
    return a && typeof a === 'object' ? a.port : 0;
  }

  private state(): { offered: OfferedOrigin[]; names: Set<string>; port: number } {
    const now = this.clock();
    const port = this.port();
    if (this.cached && this.cached.port === port && now - this.cached.at < REREAD_MS) return this.cached;
    const offered: OfferedOrigin[] = [];
    if (this.publicUrl) {
      offered.push({ origin: this.publicUrl, kind: 'public' });
    } else {
      const bound = this.address();
      const boundAt = bound && typeof bound === 'object' ? bound.address : '';
      if (WILDCARDS.has(boundAt)) {
        // 0.0.0.0 listens on IPv4 only; "::" on both.
        for (const lan of lanAddresses(this.interfaces(), { ipv6: boundAt === '::' })) {
          offered.push({ origin: originOf(lan.address, lan.family, port), kind: 'lan', interface: lan.interface });
        }
      } else if (bound && typeof bound === 'object') {
        const family = bound.family === 'IPv6' ? 'IPv6' : 'IPv4';
        if (addressRank(bound.address, family) !== null) offered.push({ origin: originOf(bound.address, family, port), kind: 'lan' });
      }
      for (const host of this.allowedHosts) offered.push({ origin: `http://${/:\d+$/.test(host) && !host.endsWith(']') ? host : `${host}:${port}`}`, kind: 'allowed' });
    }
    // Host names a browser's own origin may carry: what is offered, loopback, the allowed lists.
    const names = new Set<string>();
    for (const o of offered) names.add(new URL(o.origin).hostname);
    for (const o of this.allowedOrigins) names.add(new URL(o).hostname);
    for (const h of this.allowedHosts) names.add(hostnameOf(h));
    this.cached = { at: now, port, offered, names };
    return this.cached;
  }

  /** What the console's picker offers, best first. Empty: nothing but this machine can reach the server. */
  offered(): OfferedOrigin[] {
    return this.state().offered;
  }

  /** The origin a machine without a network can still open itself at (never shown to phones as reachable). */
  private loopback(): string {
    const bound = this.address();
    const port = this.port();
    if (bound && typeof bound === 'object' && !WILDCARDS.has(bound.address)) return originOf(bound.address, bound.family === 'IPv6' ? 'IPv6' : 'IPv4', port);
    return `http://localhost:${port}`;
  }

  /**
   * The join origin for a workshop, for a request that carried `host` and came in over
   * `protocol`: PUBLIC_URL when set; else the facilitator's pick while it is still offered; else
   * the request's own origin when its Host is in ALLOWED_HOSTS or is one of the offered LAN
   * origins; else the best LAN origin; else this machine's loopback origin, not reachable.
   */
  joinOrigin(workshopId: string, host: string | undefined, protocol: string): JoinOrigin {
    const { offered } = this.state();
    if (this.publicUrl) return { origin: this.publicUrl, reachable: true };
    const pick = this.chosen.get(workshopId);
    if (pick && offered.some((o) => o.origin === pick)) return { origin: pick, reachable: true };
    if (host && isHostShaped(host)) {
      const lower = host.toLowerCase();
      if (this.hostAllowed(lower)) return { origin: `${protocol === 'https' ? 'https' : 'http'}://${lower}`, reachable: true };
      const own = `http://${lower}`;
      if (offered.some((o) => o.kind === 'lan' && o.origin === own)) return { origin: own, reachable: true };
    }
    const best = offered.find((o) => o.kind === 'lan') ?? offered[0];
    return best ? { origin: best.origin, reachable: true } : { origin: this.loopback(), reachable: false };
  }

  /** Whether a Host header value is one the operator listed (an entry without a port allows any port). */
  private hostAllowed(host: string): boolean {
    const name = hostnameOf(host);
    return this.allowedHosts.some((entry) => entry === host || (entry === hostnameOf(entry) && entry === name));
  }

  /** The facilitator picks one of offered(); anything else is refused (false) and changes nothing. */
  choose(workshopId: string, origin: string): boolean {
    const wanted = origin.trim().replace(/\/+$/, '');
    const offered = this.offered().find((o) => o.origin === wanted || o.origin === normaliseOrigin(wanted));
    if (!offered) return false;
    this.chosen.set(workshopId, offered.origin);
    return true;
  }

  /** The workshop is gone: its pick goes too. */
  forget(workshopId: string): void {
    this.chosen.delete(workshopId);
  }

  /**
   * Whether a browser page at `origin` may open a socket to the request that carried `host`:
   * PUBLIC_URL, an ALLOWED_ORIGINS entry, or the page's own origin (Origin names the Host the
   * request went to) when that host name is one this server answers to — an offered origin,
   * loopback, or an allowed host — so a page on another site, or one that rebinds its own name
   * to this machine's address, is refused.
   */
  socketOriginAllowed(origin: string, host: string | undefined): boolean {
    const normal = normaliseOrigin(origin);
    if (!normal) return false;
    if (normal === this.publicOrigin || this.allowedOrigins.has(normal)) return true;
    if (!host || !isHostShaped(host)) return false;
    const url = new URL(normal);
    if (url.host !== new URL(`http://${host.toLowerCase()}`).host && url.host !== host.toLowerCase()) return false;
    const name = url.hostname;
    return isLoopbackName(name) || this.state().names.has(name) || this.hostAllowed(host.toLowerCase());
  }
}
