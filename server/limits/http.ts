import type { Request, RequestHandler, Response } from 'express';
import { sendError } from '../http/errors.js';
import { addressKey } from './address.js';
import type { Limiters, Wait } from './index.js';

/** The per-address key of a request: req.ip follows the app's `trust proxy` (only configured proxies). */
const keyOf = (req: Request): string => addressKey(req.ip ?? req.socket.remoteAddress ?? '');

function tooMany(res: Response, wait: Wait, message: string): void {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
  sendError(res, 429, 'RATE_LIMITED', message);
}

/** Workshop creation: per address and by everyone together. */
export function limitCreation(limiters: Limiters): RequestHandler {
  return (req, res, next) => {
    limiters.admitCreate(keyOf(req)).then((wait) => {
      if (wait > 0) return tooMany(res, wait, 'Too many workshops created; try again later');
      next();
    }, next);
  };
}

/**
 * Routes under `/workshops/:code`: while the address is blocked for failed lookups every such
 * request is answered 429 (found or not, so a blocked guesser learns nothing); a 404 counts as
 * a failed lookup. Shares its count with the socket handshake.
 */
export function guardLookups(limiters: Limiters): RequestHandler {
  return (req, res, next) => {
    const key = keyOf(req);
    limiters.lookupBlocked(key).then((wait) => {
      if (wait > 0) return tooMany(res, wait, 'Too many unknown join codes from this address; try again later');
      res.once('finish', () => {
        if (res.statusCode === 404) void limiters.lookupFailed(key);
      });
      next();
    }, next);
  };
}
