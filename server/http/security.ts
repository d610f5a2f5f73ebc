import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { isHostShaped } from './origins.js';

/**
 * Security headers on every HTTP response (docs/protocol.md, "HTTP headers"). The client is
 * built without inline scripts or styles (React sets `style` through the CSSOM, which a CSP does
 * not govern), and zod runs jitless in the browser, so the policy needs no 'unsafe-inline' and
 * no 'unsafe-eval'. Only the QR code is an image from elsewhere than a file: an SVG from /api,
 * same origin; `data:` stays for the images the build may inline.
 */

/** Features the app never uses, switched off for the page and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/**
 * The page's own websocket origin, for browsers that do not yet count ws:/wss: as 'self' (older
 * Safari): derived from the Host the browser itself sent, only when it looks like a host at all,
 * so no header value can add a source or a directive.
 */
function ownSockets(req: IncomingMessage): string {
  const host = req.headers.host;
  return host && isHostShaped(host) ? `'self' ws://${host.toLowerCase()} wss://${host.toLowerCase()}` : "'self'";
}

export interface SecurityOptions {
  /** HSTS is sent only when the public origin is https (a laptop on plain http must not ask for it). */
  publicUrl?: string;
  /** `npm run dev`: Vite's dev client injects `<style>` elements and React Refresh's inline preamble. */
  dev?: boolean;
}

export function securityHeaders({ publicUrl, dev = false }: SecurityOptions = {}): RequestHandler {
  const https = publicUrl?.startsWith('https://') ?? false;
  const inline = dev ? ["'unsafe-inline'"] : [];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inline],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", ...inline],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: [(req: IncomingMessage, _res: ServerResponse) => ownSockets(req)],
        manifestSrc: ["'self'"],
        workerSrc: ["'none'"],
        frameSrc: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Plain http on a LAN is the laptop mode: no upgrade to https, no HSTS there.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    headers(req, res, next);
  };
}

/**
 * The headers that matter on socket.io's own HTTP answers (long-polling bodies and its errors),
 * which never pass through Express.
 */
export const SOCKET_HTTP_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};
