import http from 'node:http';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import { apiRouter } from './http/api.js';
import { serveClient } from './http/client.js';
import { errorHandler } from './http/errors.js';
import { compressResponses, precompressedAssets } from './http/static.js';
import { consoleLogger, type Logger } from './logger.js';
import { attachSockets } from './sockets/index.js';
import type { AppServer } from './sockets/types.js';
import type { WorkshopStore } from './store/types.js';
import { ActivityTimers, realTimers, type TimerApi } from './timers.js';
import { WorkshopRegistry } from './workshops.js';

export interface Limits {
  /** Per socket: commands refilled per second, and how many may come at once. */
  commandsPerSecond: number;
  commandBurst: number;
  /** Per IP: workshops created per window. */
  createPerWindow: number;
  createWindowMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  commandsPerSecond: 20,
  commandBurst: 40,
  createPerWindow: 30,
  createWindowMs: 10 * 60_000,
};

/** How often idle workshops are looked for and unloaded. */
const UNLOAD_SWEEP_MS = 60_000;

/** Socket messages are a command of at most a few KB; a bigger one is refused by socket.io. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface AppConfig {
  /** Origin for absolute join URLs (QR codes), e.g. "https://raakvlak.example"; default: the request's origin. */
  publicUrl?: string;
  /** The built client to serve, with the SPA fallback; left out: API only (tests, `npm run dev`). */
  clientDir?: string;
  /** Express "trust proxy": set behind a reverse proxy so rate limits see client addresses. */
  trustProxy?: boolean | number | string;
  limits?: Partial<Limits>;
  /** Broadcast coalescing window; tests may shorten it. */
  coalesceMs?: number;
  /** The timers that lock activities when their time is up; tests pass fake ones with a fake clock. */
  timers?: TimerApi;
  logger?: Logger;
}

export interface AppDeps {
  store: WorkshopStore;
  clock?: () => number;
  config?: AppConfig;
}

export interface RaakvlakApp {
  app: Express;
  httpServer: http.Server;
  io: AppServer;
  registry: WorkshopRegistry;
  timers: ActivityTimers;
  /** Disconnects every socket and stops the HTTP server. The store stays open: its owner closes it. */
  close(): Promise<void>;
}

/**
 * The server factory: wires HTTP and sockets onto one http.Server that the caller listens on
 * (port 0 in tests, with a temporary store). Workshops are loaded from the store when first used.
 */
export function createApp({ store, clock = Date.now, config = {} }: AppDeps): RaakvlakApp {
  const logger = config.logger ?? consoleLogger;
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  // Workshops load when first needed: the server listens at once, whatever the store holds.
  const registry = new WorkshopRegistry(store, clock, logger);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(compressResponses());
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store').json({ ok: true });
  });
  app.use(
    '/api',
    apiRouter({
      registry,
      clock,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      createLimit: { max: limits.createPerWindow, windowMs: limits.createWindowMs },
    }),
  );
  if (config.clientDir) {
    app.use(precompressedAssets(config.clientDir));
    serveClient(app, config.clientDir, logger);
  }
  app.use(errorHandler(logger));

  const httpServer = http.createServer(app);
  const io: AppServer = new Server(httpServer, { maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES, serveClient: false });
  const sockets = attachSockets(io, {
    registry,
    clock,
    logger,
    rate: { perSecond: limits.commandsPerSecond, burst: limits.commandBurst },
    ...(config.coalesceMs !== undefined ? { coalesceMs: config.coalesceMs } : {}),
  });
  const timers = new ActivityTimers({ registry, clock, logger, timers: config.timers ?? realTimers, onLocked: (workshopId) => sockets.changed(workshopId) });
  registry.onCommit((workshop) => timers.reschedule(workshop));
  registry.onLoad((workshop) => timers.reschedule(workshop));
  registry.keepLoadedWhile((workshopId) => sockets.connected(workshopId) || timers.has(workshopId));
  const unloading = setInterval(() => registry.unloadIdle(), UNLOAD_SWEEP_MS);
  unloading.unref();

  return {
    app,
    httpServer,
    io,
    registry,
    timers,
    async close() {
      clearInterval(unloading);
      timers.close();
      sockets.close();
      // What was decided is stored before the sockets go; snapshots make the next start quick.
      registry.close();
      registry.snapshotAll();
      // Let the acks of what was just stored go out before the sockets close.
      await new Promise((resolve) => setImmediate(resolve));
      const closed = io.close();
      // Idle keep-alive HTTP connections would otherwise hold close() open for seconds.
      httpServer.closeIdleConnections();
      await closed;
    },
  };
}
