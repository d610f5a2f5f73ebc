import path from 'node:path';
import { parseTrustProxy, readLimitsEnv, type Limits, type TrustProxy } from './limits/index.js';
import { isHostShaped, normaliseOrigin, parseList } from './http/origins.js';
import { readCapsEnv } from './caps.js';
import type { Caps } from '../shared/domain/limits.js';
import type { AppConfig } from './app.js';
import type { Logger } from './logger.js';

/** Configuration from the environment, shared by main.ts and dev.ts (README, "Configuration"). */
export interface Env {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed; `true` and hop counts stop the start. */
  trustProxy: TrustProxy;
  /** LIMIT_*, HTTP_*_TIMEOUT_MS, SOCKET_*_MS: the limits set in the environment (server/limits/config.ts). */
  limits: Partial<Limits>;
  /** ALLOWED_HOSTS: host names (with or without a port) whose requests may use their own origin for join links. */
  allowedHosts: string[];
  /** ALLOWED_ORIGINS: origins besides the server's own from which browsers may open sockets. */
  allowedOrigins: string[];
  /** RETENTION_DAYS: workshops unchanged for longer are deleted (unset: the app's default, 365; 0: keep forever). */
  retentionDays: number | undefined;
  /** CAP_*: the domain caps set in the environment (server/caps.ts). */
  caps: Partial<Caps>;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const port = Number(env.PORT ?? 3000);
  // PORT=0 picks a free port (the kill -9 test uses it); the bound port is logged.
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`PUBLIC_URL must be an http(s) origin, got "${publicUrl}"`);
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    publicUrl,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    limits: readLimitsEnv(env),
    allowedHosts: parseHosts(env.ALLOWED_HOSTS),
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS),
    retentionDays: parseRetentionDays(env.RETENTION_DAYS),
    caps: readCapsEnv(env),
  };
}

function parseRetentionDays(raw: string | undefined): number | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`RETENTION_DAYS must be a whole number of days (0 keeps workshops forever), got "${raw}"`);
  return Number(v);
}

function parseHosts(raw: string | undefined): string[] {
  const hosts = parseList(raw);
  const bad = hosts.find((h) => !isHostShaped(h));
  if (bad !== undefined) throw new Error(`ALLOWED_HOSTS must be host names, optionally with a port (comma-separated), got "${bad}"`);
  return hosts;
}

function parseOrigins(raw: string | undefined): string[] {
  return parseList(raw).map((o) => {
    const origin = normaliseOrigin(o);
    if (!origin) throw new Error(`ALLOWED_ORIGINS must be http(s) origins (comma-separated), got "${o}"`);
    return origin;
  });
}

export const databaseFile = (dataDir: string): string => path.join(dataDir, 'raakvlak.db');

/**
 * The app's configuration from the environment, the same for `npm start` and `npm run dev`;
 * each entry adds what is its own (the built client's folder, or the dev CSP for Vite).
 */
export function configFromEnv(env: Env, logger: Logger): AppConfig {
  return {
    trustProxy: env.trustProxy,
    limits: env.limits,
    caps: env.caps,
    logger,
    allowedHosts: env.allowedHosts,
    allowedOrigins: env.allowedOrigins,
    ...(env.retentionDays !== undefined ? { retentionDays: env.retentionDays } : {}),
    ...(env.publicUrl ? { publicUrl: env.publicUrl } : {}),
  };
}
