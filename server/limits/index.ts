import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limits, Rate } from './config.js';

export { DEFAULT_LIMITS, readLimitsEnv, parseRate, LIMIT_ENV, type Limits, type Rate } from './config.js';
export { addressKey, clientAddress, parseTrustProxy, type TrustFn, type TrustProxy } from './address.js';

/** How long to wait before trying again (ms); 0: allowed now. */
export type Wait = number;

/** Who sends a command: its budget is per participant (all its sockets), per workshop's hosts, or per visitor socket and address. */
export type Sender =
  | { role: 'participant'; workshopId: string; participantId: string }
  | { role: 'host'; workshopId: string }
  | { role: 'visitor'; socketId: string; address: string };

interface Consumer {
  consume(key: string): Promise<RateLimiterRes>;
}

function limiter(rate: Rate, keyPrefix: string): Consumer {
  const main = new RateLimiterMemory({ points: rate.points, duration: rate.seconds, keyPrefix });
  if (!rate.burst) return main;
  return new BurstyRateLimiter(main, new RateLimiterMemory({ points: rate.burst.points, duration: rate.burst.seconds, keyPrefix: `${keyPrefix}.burst` }));
}

const waitOf = (res: RateLimiterRes): Wait => Math.max(1, Math.ceil(res.msBeforeNext));

/** Takes one point; resolves with the wait when the budget is spent. */
async function take(l: Consumer, key: string): Promise<Wait> {
  try {
    await l.consume(key);
    return 0;
  } catch (err) {
    if (err instanceof RateLimiterRes) return waitOf(err);
    throw err;
  }
}

/**
 * Failed lookups with a growing block: `points` failures per window, then the address is
 * blocked for `blockSeconds`, and each further block within the strike memory lasts twice as
 * long as the one before, up to `maxBlockSeconds`.
 */
class BackoffLimiter {
  private readonly failures: RateLimiterMemory;
  private readonly strikes: RateLimiterMemory;

  constructor(private readonly limits: Limits) {
    this.failures = new RateLimiterMemory({ points: limits.lookupFailures.points, duration: limits.lookupFailures.seconds, keyPrefix: 'lookup' });
    this.strikes = new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: limits.lookupStrikeMemorySeconds, keyPrefix: 'lookup.strikes' });
  }

  async blocked(key: string): Promise<Wait> {
    const res = await this.failures.get(key);
    return res && res.consumedPoints > this.failures.points ? waitOf(res) : 0;
  }

  /** Counts one failure; resolves with the block's wait when this failure went over the budget. */
  async failed(key: string): Promise<Wait> {
    try {
      await this.failures.consume(key);
      return 0;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // Only the failure that first went over the budget starts a block; later ones see its wait.
      if (err.consumedPoints !== this.failures.points + 1) return waitOf(err);
      const strike = await this.strikes.penalty(key, 1);
      const seconds = Math.min(this.limits.lookupMaxBlockSeconds, this.limits.lookupBlockSeconds * 2 ** (strike.consumedPoints - 1));
      return waitOf(await this.failures.block(key, seconds));
    }
  }
}

/**
 * Every limit of the server in one place, built from AppConfig.limits. All are kept in memory
 * (rate-limiter-flexible's RateLimiterMemory, expired keys dropped by the library), which is
 * right for one server process; several processes would each count on their own.
 */
export class Limiters {
  private readonly lookups: BackoffLimiter;
  private readonly newSockets: Consumer;
  private readonly joinsByAddress: Consumer;
  private readonly joinsByWorkshop: Consumer;
  private readonly participants: Consumer;
  private readonly hosts: Consumer;
  private readonly visitorSockets: Consumer;
  private readonly visitorAddresses: Consumer;
  private readonly createsByAddress: Consumer;
  private readonly createsTotal: Consumer;
  /** Open sockets per address key. */
  private readonly open = new Map<string, number>();

  constructor(readonly limits: Limits) {
    this.lookups = new BackoffLimiter(limits);
    this.newSockets = limiter(limits.newSocketsPerAddress, 'sockets');
    this.joinsByAddress = limiter(limits.joinsPerAddress, 'joins.address');
    this.joinsByWorkshop = limiter(limits.joinsPerWorkshop, 'joins.workshop');
    this.participants = limiter(limits.participantCommands, 'commands.participant');
    this.hosts = limiter(limits.hostCommands, 'commands.host');
    this.visitorSockets = limiter(limits.visitorCommandsPerSocket, 'commands.visitor');
    this.visitorAddresses = limiter(limits.visitorCommandsPerAddress, 'commands.visitorAddress');
    this.createsByAddress = limiter(limits.createsPerAddress, 'creates.address');
    this.createsTotal = limiter(limits.createsTotal, 'creates.total');
  }

  /** The address is blocked for failed lookups: every lookup without a valid token waits. */
  lookupBlocked(address: string): Promise<Wait> {
    return this.lookups.blocked(address);
  }

  /** A join code that named no workshop; resolves with the block's wait once there were too many. */
  lookupFailed(address: string): Promise<Wait> {
    return this.lookups.failed(address);
  }

  /** A new socket from this address: too many open, or too many new ones too fast? */
  async admitSocket(address: string): Promise<Wait> {
    // The open count frees up only when a socket closes: ask again in a few seconds.
    if ((this.open.get(address) ?? 0) >= this.limits.socketsPerAddress) return 5000;
    return take(this.newSockets, address);
  }

  socketOpened(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
  }

  socketClosed(address: string): void {
    const n = (this.open.get(address) ?? 0) - 1;
    if (n > 0) this.open.set(address, n);
    else this.open.delete(address);
  }

  /** `participant:join` from this address into this workshop. */
  async admitJoin(address: string, workshopId: string): Promise<Wait> {
    return (await take(this.joinsByAddress, address)) || take(this.joinsByWorkshop, workshopId);
  }

  /** Any command (the socket's budget is spent before the payload is even parsed). */
  async admitCommand(sender: Sender): Promise<Wait> {
    switch (sender.role) {
      case 'participant':
        return take(this.participants, `${sender.workshopId}:${sender.participantId}`);
      case 'host':
        return take(this.hosts, sender.workshopId);
      case 'visitor':
        return (await take(this.visitorSockets, sender.socketId)) || take(this.visitorAddresses, sender.address);
    }
  }

  /** `POST /api/workshops` from this address. */
  async admitCreate(address: string): Promise<Wait> {
    return (await take(this.createsByAddress, address)) || take(this.createsTotal, 'all');
  }
}
