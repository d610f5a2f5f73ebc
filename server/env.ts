import path from 'node:path';

/** Configuration from the environment, shared by main.ts and dev.ts (README, "Configuration"). */
export interface Env {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  trustProxy: boolean | number | string;
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
  };
}

/** "true"/"false", a hop count, or an express trust-proxy list ("loopback", "10.0.0.0/8"). */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = raw?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export const databaseFile = (dataDir: string): string => path.join(dataDir, 'raakvlak.db');
