import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

/** Vite puts content-hashed files here: they never change under the same name. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * Serves the built client and falls back to index.html for the SPA's routes (/f/…, /b/…, /j/…).
 * /api and /socket.io are never answered with the page: a wrong API path gets a JSON 404.
 */
export function serveClient(app: Express, clientDir: string, logger: Logger): void {
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn(`No built client at ${clientDir} (run "npm run build"); serving the API only`);
    return;
  }
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', file.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.get('/{*path}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path === '/api' || req.path.startsWith('/socket.io')) return next();
    res.setHeader('Cache-Control', 'no-cache').sendFile(index);
  });
}
