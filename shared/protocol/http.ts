import type { Group, Lang, Settings } from '../domain/types.js';
import type { ErrorCode } from './errors.js';

/**
 * The HTTP half of the protocol (docs/protocol.md): response bodies of the /api endpoints,
 * so the server and every client read the same shapes.
 */

/** 201 from `POST /api/workshops`. The host token is shown this once; only its hash is stored. */
export interface CreateWorkshopResponse {
  code: string;
  hostToken: string;
  workshopId: string;
  /** Paths on this server: the console (token in the fragment, never sent to a server), the board, the join page. */
  urls: { host: string; board: string; join: string };
  /** Absolute join URL, the one in the QR code. */
  joinUrl: string;
}

/** 200 from `GET /api/workshops/:code`: what a phone needs before it joins. */
export interface WorkshopSummary {
  code: string;
  title: string;
  language: Lang;
  groups: Group[];
  settings: Settings;
  /** Absolute join URL (PUBLIC_URL or the request's origin), the one in the QR code. */
  joinUrl: string;
}

/** Every 4xx/5xx body. `issues` only for a body that failed validation. */
export interface HttpErrorResponse {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}
