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
    // Quality 5 is a few milliseconds for the largest chunk and smaller than gzip level 9.
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}
