import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Origins } from './http/origins.js';
import type { Logger } from './logger.js';

/** Listens and resolves with the bound port (PORT=0 picks a free one). */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Forced exit if a graceful shutdown hangs (a stuck connection, say). */
const SHUTDOWN_TIMEOUT_MS = 5000;

/**
 * Graceful shutdown on SIGINT/SIGTERM: stop accepting, close sockets, close the database.
 * Nothing acknowledged is at risk either way (every command is stored before its ack);
 * this just lets the WAL checkpoint and phones see a clean close. A second signal exits at once.
 */
export function onShutdown(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('Shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** The startup lines that tell the facilitator which address phones use (README, "Run a workshop on your laptop"). */
export function logJoinAddresses(origins: Origins, logger: Logger): void {
  const offered = origins.offered();
  if (offered.length === 0) {
    logger.warn('Phones cannot reach this computer: no network found (only loopback). Connect to a Wi-Fi or start a hotspot; the board shows the address once there is one.');
    return;
  }
  const [first, ...others] = offered;
  logger.info(`Phones join at ${first?.origin}/join${first?.interface ? ` (${first.interface})` : ''}`);
  for (const o of others) logger.info(`  also offered in the console: ${o.origin}${o.interface ? ` (${o.interface})` : ''}`);
}
