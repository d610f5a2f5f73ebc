/**
 * Every rate limit and connection timeout of the server, with the defaults and their reasons
 * (docs/security.md, "How the default limits were chosen"). A room of 2,000 phones may reach the
 * server from ONE public address (venue Wi-Fi behind NAT), so no per-address default may be
 * below what such a room does; a script is told apart by speed, not by its address.
 */

/** `points` actions per `seconds` (a fixed window that starts with the first action). */
export interface Rate {
  points: number;
  seconds: number;
  /**
   * Once the window is used up, this extra pool (rate-limiter-flexible's BurstyRateLimiter) is
   * drawn from: short bursts above `points` pass, a sustained flood does not.
   */
  burst?: { points: number; seconds: number };
}

export interface Limits {
  /**
   * Failed join-code lookups per address: a handshake answered WORKSHOP_NOT_FOUND and a 404 on
   * `/api/workshops/:code…`. Over the budget the address is blocked for `blockSeconds`, doubled
   * for every further block within `strikeMemorySeconds`, up to `maxBlockSeconds`. While
   * blocked, only handshakes with a valid token get in.
   */
  lookupFailures: Rate;
  lookupBlockSeconds: number;
  lookupMaxBlockSeconds: number;
  lookupStrikeMemorySeconds: number;
  /** Open sockets per address, and new sockets per address. */
  socketsPerAddress: number;
  newSocketsPerAddress: Rate;
  /** `participant:join` per address and per workshop. */
  joinsPerAddress: Rate;
  joinsPerWorkshop: Rate;
  /** Commands per participant (all of its sockets together), per workshop's hosts, per visitor socket and per visitor address. */
  participantCommands: Rate;
  hostCommands: Rate;
  visitorCommandsPerSocket: Rate;
  visitorCommandsPerAddress: Rate;
  /** `POST /api/workshops` per address, and by everyone together. */
  createsPerAddress: Rate;
  createsTotal: Rate;
  /** HTTP: the whole request head must arrive within this (a connection that sends nothing is closed after it). */
  headersTimeoutMs: number;
  /** HTTP: the whole request, body included. */
  requestTimeoutMs: number;
  /** HTTP: an idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often the HTTP server looks for connections past the two timeouts above. */
  connectionsCheckingIntervalMs: number;
  /** socket.io: a connection that has not completed its handshake (joined the namespace) by then is closed. */
  socketConnectTimeoutMs: number;
  /** socket.io heartbeat: a phone that vanished (half-open TCP) is dropped after pingInterval + pingTimeout. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  // 2 per second on average, 20 at once: a room's typos never come close; a guesser gets 20
  // guesses, then 10 s, 20 s, 40 s … up to 10 minutes of nothing.
  lookupFailures: { points: 20, seconds: 10 },
  lookupBlockSeconds: 10,
  lookupMaxBlockSeconds: 600,
  lookupStrikeMemorySeconds: 3600,
  // 2,000 phones, each with a second socket while it reloads, plus boards and consoles.
  socketsPerAddress: 5000,
  // A Wi-Fi blip reconnects the whole room within ~1–5 s (socket.io's back-off): 2,000 sockets.
  newSocketsPerAddress: { points: 3000, seconds: 10 },
  // People arrive at most ~50 a second even when 2,000 scan one QR code at once; 200 per 3 s is
  // 67 a second. 300 joins in 2 s from one address are ~150 a second: a third are refused.
  joinsPerAddress: { points: 200, seconds: 3 },
  // Twice what one address may: a room arriving from many addresses (mobile data) passes too.
  joinsPerWorkshop: { points: 1000, seconds: 10 },
  // A person taps a few times a second; 20 a second plus 40 extra per 10 s for a quick burst.
  participantCommands: { points: 20, seconds: 1, burst: { points: 40, seconds: 10 } },
  hostCommands: { points: 30, seconds: 1, burst: { points: 100, seconds: 10 } },
  // A visitor only joins; a phone retrying its join stays far below 5 a second.
  visitorCommandsPerSocket: { points: 5, seconds: 1, burst: { points: 10, seconds: 10 } },
  // Above joinsPerAddress, so a room's joins meet the join limit (and are counted) first.
  visitorCommandsPerAddress: { points: 400, seconds: 3 },
  createsPerAddress: { points: 30, seconds: 600 },
  createsTotal: { points: 1000, seconds: 3600 },
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
  socketConnectTimeoutMs: 10_000,
  pingIntervalMs: 25_000,
  pingTimeoutMs: 20_000,
};

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const RATE_PART = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;

/** "20/10s", "30/10m", "20/1s+40/10s" (a burst pool after the +); a bare number of seconds is allowed ("200/3"). */
export function parseRate(raw: string, name: string): Rate {
  const [main, burst, ...rest] = raw.split('+').map((s) => s.trim());
  const part = (s: string | undefined) => {
    const m = RATE_PART.exec(s ?? '');
    if (!m) return null;
    const seconds = Number(m[2]) * (UNIT_SECONDS[m[3] ?? 's'] as number);
    const points = Number(m[1]);
    return points > 0 && seconds > 0 ? { points, seconds } : null;
  };
  const rate = part(main);
  const extra = burst === undefined ? undefined : part(burst);
  if (!rate || extra === null || rest.length > 0) {
    throw new Error(`${name} must be "<count>/<time>" like "200/3s" or "20/1s+40/10s" (units ms, s, m, h), got "${raw}"`);
  }
  return extra ? { ...rate, burst: extra } : rate;
}

/** The env variable of each limit (README, "Configuration"). */
export const LIMIT_ENV: { [K in keyof Limits]: string } = {
  lookupFailures: 'LIMIT_LOOKUP_FAILURES',
  lookupBlockSeconds: 'LIMIT_LOOKUP_BLOCK_SECONDS',
  lookupMaxBlockSeconds: 'LIMIT_LOOKUP_MAX_BLOCK_SECONDS',
  lookupStrikeMemorySeconds: 'LIMIT_LOOKUP_STRIKE_MEMORY_SECONDS',
  socketsPerAddress: 'LIMIT_SOCKETS_PER_ADDRESS',
  newSocketsPerAddress: 'LIMIT_NEW_SOCKETS_PER_ADDRESS',
  joinsPerAddress: 'LIMIT_JOINS_PER_ADDRESS',
  joinsPerWorkshop: 'LIMIT_JOINS_PER_WORKSHOP',
  participantCommands: 'LIMIT_PARTICIPANT_COMMANDS',
  hostCommands: 'LIMIT_HOST_COMMANDS',
  visitorCommandsPerSocket: 'LIMIT_VISITOR_COMMANDS',
  visitorCommandsPerAddress: 'LIMIT_VISITOR_COMMANDS_PER_ADDRESS',
  createsPerAddress: 'LIMIT_CREATES_PER_ADDRESS',
  createsTotal: 'LIMIT_CREATES_TOTAL',
  headersTimeoutMs: 'HTTP_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'HTTP_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  connectionsCheckingIntervalMs: 'HTTP_CONNECTIONS_CHECKING_INTERVAL_MS',
  socketConnectTimeoutMs: 'SOCKET_CONNECT_TIMEOUT_MS',
  pingIntervalMs: 'SOCKET_PING_INTERVAL_MS',
  pingTimeoutMs: 'SOCKET_PING_TIMEOUT_MS',
};

/** The limits set in the environment (only those set); a malformed value stops the start with a clear error. */
export function readLimitsEnv(env: NodeJS.ProcessEnv): Partial<Limits> {
  const out: Partial<Record<keyof Limits, Rate | number>> = {};
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const name = LIMIT_ENV[key];
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (typeof DEFAULT_LIMITS[key] === 'number') {
      const n = Number(raw);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
      out[key] = n;
    } else {
      out[key] = parseRate(raw, name);
    }
  }
  return out as Partial<Limits>;
}
