import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { configFromEnv, databaseFile, readEnv } from './env.js';
import { consoleLogger as logger } from './logger.js';
import { listen, logJoinAddresses, onShutdown } from './serve.js';
import { SqliteStore } from './store/sqliteStore.js';

/** Production entry (`npm start`): the built client and the API on one port. */
// `npm start` runs the bundle in dist/server/ (plain node starts in a fraction of the second tsx
// needs to compile TypeScript); tsx runs this file from server/. Either way the repo is above.
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');
const env = readEnv();
const store = new SqliteStore(databaseFile(env.dataDir));
const server = createApp({
  store,
  clock: Date.now,
  config: { ...configFromEnv(env, logger), clientDir: path.join(repo, 'dist', 'client') },
});
const port = await listen(server.httpServer, env.port, env.host);
const shown = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host;
logger.info(`Raakvlak listening on http://${shown}:${port} (data in ${env.dataDir}; workshops load when first used)`);
logJoinAddresses(server.origins, logger);
onShutdown(async () => {
  await server.close();
  store.close();
}, logger);
