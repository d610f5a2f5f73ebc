import type { RequestHandler } from 'express';
import { sendError } from './errors.js';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  clock: () => number;
}

/** Windows are only swept when the table grows past this, so memory stays bounded cheaply. */
const SWEEP_AT_KEYS = 10_000;

/**
 * A fixed window per client IP. Enough to stop a script from filling the database with
 * workshops; a dependency (express-rate-limit) would add nothing we use. Behind a reverse
 * proxy, set TRUST_PROXY so req.ip is the client's address and not the proxy's.
 */
export function rateLimitByIp({ max, windowMs, clock }: RateLimitOptions): RequestHandler {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (req, res, next) => {
    const now = clock();
    if (windows.size > SWEEP_AT_KEYS) {
      for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
    }
    const key = req.ip ?? 'unknown';
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    if (w.count > max) {
      res.setHeader('Retry-After', String(Math.ceil((w.resetAt - now) / 1000)));
      sendError(res, 429, 'RATE_LIMITED', 'Too many workshops created from this address; try again later');
      return;
    }
    next();
  };
}
