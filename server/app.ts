import http from 'node:http';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import { apiRouter } from './http/api.js';
import { processRouter } from './http/processes.js';
import { serveClient } from './http/client.js';
import { errorHandler } from './http/errors.js';
import { Origins, type InterfaceTable } from './http/origins.js';
import { SOCKET_HTTP_HEADERS, securityHeaders } from './http/security.js';
import { compressResponses, precompressedAssets } from './http/static.js';
import { DEFAULT_LIMITS, Limiters, parseTrustProxy, type Limits, type TrustFn } from './limits/index.js';
import { consoleLogger, type Logger } from './logger.js';
import { attachSockets } from './sockets/index.js';
import { rooms, type AppServer } from './sockets/types.js';
import type { ProcessStore, WorkshopStore } from './store/types.js';
import { ProcessRegistry } from './processes.js';
import { ActivityTimers, realTimers, type TimerApi } from './timers.js';
import { WorkshopRegistry } from './workshops.js';
import { capsWith, type Caps } from '../shared/domain/limits.js';

export { DEFAULT_LIMITS, type Limits } from './limits/index.js';

/** How often idle workshops are looked for and unloaded. */
const UNLOAD_SWEEP_MS = 60_000;
/** How often workshops past RETENTION_DAYS are looked for and deleted (and once at start). */
export const RETENTION_SWEEP_MS = 24 * 3600_000;
/** RETENTION_DAYS when unset: a workshop nobody changed for a year is deleted. */
export const DEFAULT_RETENTION_DAYS = 365;

/** Socket messages are a command of at most a few KB; a bigger one is refused by socket.io. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface AppConfig {
  /** Origin for absolute join URLs (QR codes), e.g. "https://raakvlak.example"; default: a detected LAN address. */
  publicUrl?: string;
  /** ALLOWED_HOSTS: host names whose requests may use their own origin for join links (and open sockets). */
  allowedHosts?: string[];
  /** ALLOWED_ORIGINS: further origins browsers may open sockets from. */
  allowedOrigins?: string[];
  /** The network interface table the LAN addresses are found in; default os.networkInterfaces (tests pass a fake one). */
  networkInterfaces?: () => InterfaceTable;
  /** `npm run dev` only: Vite's dev client needs inline scripts and styles; the built client never does. */
  devCsp?: boolean;
  /** The built client to serve, with the SPA fallback; left out: API only (tests, `npm run dev`). */
  clientDir?: string;
  /**
   * TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed (addresses, subnets,
   * `loopback`…, comma-separated or a list), so per-address limits see the client behind them.
   * `true` and hop counts are refused (createApp throws): any client could then pick its address.
   */
  trustProxy?: string | readonly string[] | false;
  /** Rate limits and connection timeouts (server/limits/config.ts); what is left out keeps its default. */
  limits?: Partial<Limits>;
  /** Overrides of the domain caps (stories, proposals, values, participants, values per vote; shared/domain/limits.ts CAPS). */
  caps?: Partial<Caps>;
  /**
   * RETENTION_DAYS: workshops whose newest change is older than this many days are deleted, by
   * a sweep at start and daily, and then processes without meetings unchanged as long (default
   * DEFAULT_RETENTION_DAYS; 0 keeps every workshop and process).
   */
  retentionDays?: number;
  /** Broadcast coalescing window; tests may shorten it. */
  coalesceMs?: number;
  /** The timers that lock activities when their time is up; tests pass fake ones with a fake clock. */
  timers?: TimerApi;
  logger?: Logger;
}

export interface AppDeps {
  store: WorkshopStore;
  /** Where processes are kept; left out: `store` itself, which must then be one too (SqliteStore is both). */
  processStore?: ProcessStore;
  clock?: () => number;
  config?: AppConfig;
}

export interface RaakvlakApp {
  app: Express;
  httpServer: http.Server;
  io: AppServer;
  registry: WorkshopRegistry;
  processes: ProcessRegistry;
  timers: ActivityTimers;
  /** Runs the retention sweep now (it also runs at start and daily); returns the workshop and process codes deleted. */
  sweepRetention(): string[];
  /** The join origins this server offers (the startup log prints them). */
  origins: Origins;
  /** Disconnects every socket and stops the HTTP server. The store stays open: its owner closes it. */
  close(): Promise<void>;
}

/**
 * The server factory: wires HTTP and sockets onto one http.Server that the caller listens on
 * (port 0 in tests, with a temporary store). Workshops are loaded from the store when first used.
 */
export function createApp({ store, processStore, clock = Date.now, config = {} }: AppDeps): RaakvlakApp {
  const logger = config.logger ?? consoleLogger;
  const limits: Limits = { ...DEFAULT_LIMITS, ...config.limits };
  const limiters = new Limiters(limits);
  // Workshops load when first needed: the server listens at once, whatever the store holds.
  const registry = new WorkshopRegistry(store, clock, logger, capsWith(config.caps));
  const processes = new ProcessRegistry(processStore ?? asProcessStore(store), registry, clock, logger, (workshopId) => sockets.changed(workshopId));

  const app = express();
  const origins = new Origins({
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    allowedHosts: config.allowedHosts ?? [],
    allowedOrigins: config.allowedOrigins ?? [],
    ...(config.networkInterfaces ? { interfaces: config.networkInterfaces } : {}),
    address: () => httpServer.address(),
  });
  app.disable('x-powered-by');
  const trustProxy = parseTrustProxy(config.trustProxy);
  app.set('trust proxy', trustProxy === false ? false : [...trustProxy]);
  // The same compiled rule for sockets as for req.ip.
  const trust = app.get('trust proxy fn') as TrustFn;
  // First, so every answer carries them: API, static files, the SPA page, 404s and errors.
  app.use(securityHeaders({ ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), dev: config.devCsp ?? false }));
  app.use(compressResponses());
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store').json({ ok: true });
  });
  app.use('/api', processRouter({ processes, clock, origins, limiters }));
  app.use(
    '/api',
    apiRouter({
      registry,
      clock,
      origins,
      onJoinAddressChanged: (workshopId, address) => io.to(rooms.board(workshopId)).emit('workshop:joinAddress', address),
      limiters,
    }),
  );
  if (config.clientDir) {
    app.use(precompressedAssets(config.clientDir));
    serveClient(app, config.clientDir, logger);
  }
  app.use(errorHandler(logger));

  // A connection that never finishes its request head is closed after headersTimeout (found
  // within connectionsCheckingInterval); idle keep-alive connections after keepAliveTimeout.
  const httpServer = http.createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.connectionsCheckingIntervalMs },
    app,
  );
  httpServer.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const io: AppServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    // A connection that has not completed its handshake by then is closed; a phone that vanished
    // without closing (half-open TCP) is dropped after pingInterval + pingTimeout.
    connectTimeout: limits.socketConnectTimeoutMs,
    pingInterval: limits.pingIntervalMs,
    pingTimeout: limits.pingTimeoutMs,
    // A browser page elsewhere may not connect (docs/protocol.md, "Origins"); clients without
    // an Origin header (native apps, Node, the tests and the bench) are not browsers and may.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || origins.socketOriginAllowed(origin, req.headers.host));
    },
  });
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, SOCKET_HTTP_HEADERS));
  const sockets = attachSockets(io, {
    registry,
    clock,
    logger,
    limiters,
    trust,
    ...(config.coalesceMs !== undefined ? { coalesceMs: config.coalesceMs } : {}),
  });
  const timers = new ActivityTimers({ registry, clock, logger, timers: config.timers ?? realTimers, onLocked: (workshopId) => sockets.changed(workshopId) });
  registry.onCommit((workshop) => timers.reschedule(workshop));
  registry.onLoad((workshop) => timers.reschedule(workshop));
  registry.keepLoadedWhile((workshopId) => sockets.connected(workshopId) || timers.has(workshopId));
  const unloading = setInterval(() => registry.unloadIdle(), UNLOAD_SWEEP_MS);
  unloading.unref();
  // A deleted workshop: its screens are told and cut off, its timer stops.
  registry.onDelete((workshopId) => {
    origins.forget(workshopId);
    timers.cancel(workshopId);
    sockets.deleted(workshopId);
  });
  const retentionDays = config.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const sweepRetention = (): string[] => {
    try {
      // Workshops first: a process whose last meeting goes now may go in the same sweep.
      const workshops = registry.deleteIdle(retentionDays);
      return [...workshops, ...processes.deleteIdle(retentionDays)];
    } catch (err) {
      logger.error('Retention sweep failed; it runs again tomorrow', err);
      return [];
    }
  };
  sweepRetention();
  const retention = setInterval(sweepRetention, RETENTION_SWEEP_MS);
  retention.unref();

  return {
    app,
    httpServer,
    io,
    registry,
    processes,
    timers,
    sweepRetention,
    origins,
    async close() {
      clearInterval(unloading);
      clearInterval(retention);
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

function asProcessStore(store: WorkshopStore): ProcessStore {
  const candidate = store as Partial<ProcessStore>;
  if (typeof candidate.createProcess !== 'function') throw new Error('createApp: the store keeps no processes; pass processStore');
  return store as WorkshopStore & ProcessStore;
}
