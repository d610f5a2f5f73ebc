import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/**
 * Which proxies may tell us a client's address (X-Forwarded-For): none (false), or a list of
 * addresses, subnets and express's names `loopback`, `linklocal`, `uniquelocal`. `true` and a
 * bare hop count are refused: with them any client can write its own X-Forwarded-For and pick
 * the address every per-address limit sees.
 */
export type TrustProxy = false | readonly string[];

/** express's compiled trust function (`app.get('trust proxy fn')`): is the hop at this address, this far from us, a trusted proxy? */
export type TrustFn = (address: string, hop: number) => boolean;

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validEntry(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [ip, prefix, ...rest] = entry.split('/');
  const family = net.isIP(ip ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY (or AppConfig.trustProxy): empty or "false" trusts nobody; otherwise a
 * comma-separated list of proxies. Throws a clear error for anything else.
 */
export function parseTrustProxy(raw: unknown): TrustProxy {
  if (raw === undefined || raw === null || raw === false) return false;
  if (raw === true || typeof raw === 'number') throw trustError(String(raw));
  const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw.map(String) : null;
  if (!list) throw trustError(String(raw));
  const entries = list.map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0 || (entries.length === 1 && entries[0] === 'false')) return false;
  for (const e of entries) if (!validEntry(e)) throw trustError(e);
  return entries;
}

function trustError(got: string): Error {
  const why =
    got === 'true' || /^\d+$/.test(got)
      ? 'trusting every proxy (true) or a number of hops lets any client write its own X-Forwarded-For and choose the address the rate limits see'
      : 'each entry must be an IP address, a subnet (10.0.0.0/8) or one of loopback, linklocal, uniquelocal';
  return new Error(`TRUST_PROXY must list the addresses of your reverse proxies, e.g. "loopback" or "10.0.0.5,192.168.1.0/24"; got "${got}": ${why}`);
}

/**
 * The client's address of a request (HTTP or a socket.io handshake), by the same rule as
 * express's req.ip (proxy-addr): walk X-Forwarded-For from the nearest hop back while each hop
 * is a trusted proxy; the first untrusted address is the client.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustFn): string {
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const hops = [req.socket.remoteAddress ?? '', ...forwarded];
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i] as string, i)) return hops[i] as string;
  return hops[hops.length - 1] as string;
}

/**
 * The key per-address limits count under: an IPv4 address as is (also when written IPv4-mapped,
 * ::ffff:1.2.3.4), an IPv6 address by its /64, which one household or phone gets whole.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (net.isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address || 'unknown';
}

function ipv6Groups(address: string): string[] {
  const plain = address.split('%')[0] as string;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
