import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer as createVite } from 'vite';
import { createApp } from './app.js';
import { configFromEnv, databaseFile, readEnv } from './env.js';
import { consoleLogger as logger } from './logger.js';
import { listen, logJoinAddresses, onShutdown } from './serve.js';
import { SqliteStore } from './store/sqliteStore.js';

/**
 * `npm run dev`: the same server, with Vite in middleware mode instead of the built client,
 * so the app, the API, socket.io and hot reload (Vite's websocket on the same http server)
 * share one port.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = readEnv();
const store = new SqliteStore(databaseFile(env.dataDir));
const server = createApp({
  store,
  clock: Date.now,
  config: {
    ...configFromEnv(env, logger),
    // Vite's dev client injects inline styles and React Refresh's inline preamble; the built client needs neither.
    devCsp: true,
  },
});
const vite = await createVite({
  configFile: path.join(repo, 'vite.config.ts'),
  root: path.join(repo, 'client'),
  appType: 'spa',
  server: { middlewareMode: true, ws: { server: server.httpServer } },
});
// After the API routes: /api, /healthz and /socket.io never reach Vite.
server.app.use(vite.middlewares);
const port = await listen(server.httpServer, env.port, env.host);
const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
logger.info(`Raakvlak (dev) listening on http://${shown}:${port} (data in ${env.dataDir})`);
logJoinAddresses(server.origins, logger);
onShutdown(async () => {
  await vite.close();
  await server.close();
  store.close();
}, logger);
