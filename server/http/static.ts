import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Compresses every compressible response the Express app sends (the built client's JS, CSS and
 * HTML, and the /api JSON): brotli when the client accepts it, else gzip. Responses under 1 KB
 * stay as they are. socket.io is not behind this middleware: it answers its own path on the
 * http.Server before Express sees the request, and compresses websocket frames itself.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: 1024,
    level: 6,
    // Quality 5 costs a few milliseconds for the largest chunk and is smaller than gzip level 9.
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Content types of the build's assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

interface Compressed {
  type: string;
  br: Buffer;
  gzip: Buffer;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The build's content-hashed assets (/assets/…), compressed once at the highest settings (brotli
 * quality 11, gzip level 9) and then sent from memory to every phone: a room of 2,000 phones
 * costs one compression per file, not one per download, and each phone gets the smaller file.
 * A file is compressed off the main thread on its first request, which is served by the
 * per-response compression meanwhile. The names carry a content hash, so a file never changes
 * under its name while the server runs; the cache holds at most the build's assets.
 */
export function precompressedAssets(clientDir: string): RequestHandler {
  const assetsDir = path.resolve(clientDir, 'assets');
  const cache = new Map<string, Compressed | 'pending'>();

  const compress = async (file: string, type: string): Promise<void> => {
    try {
      const raw = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gzip(raw, { level: 9 }),
      ]);
      cache.set(file, { type, br, gzip: gz });
    } catch {
      // Not a file (a wrong name, a directory): the static handler answers it. Nothing is kept,
      // so requests for made-up names cannot grow the cache.
      cache.delete(file);
    }
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!req.path.startsWith('/assets/')) return next();
    const type = COMPRESSIBLE[path.extname(req.path)];
    if (!type) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path.slice('/assets/'.length));
    } catch {
      return next();
    }
    const file = path.resolve(assetsDir, rel);
    if (path.dirname(file) !== assetsDir) return next();

    const entry = cache.get(file);
    if (entry === undefined) {
      cache.set(file, 'pending');
      void compress(file, type);
      return next();
    }
    if (entry === 'pending') return next();

    // Brotli whenever it is accepted at all (browsers list "gzip, deflate, br" at equal weight).
    const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (!encoding) return next();
    const body = encoding === 'br' ? entry.br : entry.gzip;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Content-Type', entry.type);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.setHeader('Cache-Control', IMMUTABLE);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  };
}
