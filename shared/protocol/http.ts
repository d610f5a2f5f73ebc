import type { Group, Lang, Settings } from '../domain/types.js';
import type { ErrorCode } from './errors.js';
import type { FeedbackView } from '../domain/feedbackModel.js';
import type { ProcessRef } from '../process/model.js';

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
  /** "You said, we did", once published (published entries only); null before. A phone opening the link after the meeting shows it. */
  feedback: FeedbackView | null;
  /** The process this workshop is a meeting of (its public page is `/p/<process.code>`); null when it stands alone. */
  process: ProcessRef | null;
}

/**
 * 200 from `GET /api/workshops/:code/join-address`, and the `workshop:joinAddress` event: the
 * address the board shows and the QR code holds. `reachable` is false when the server found no
 * network a phone could reach it on (only loopback): the board then says so instead of a QR code.
 */
export interface JoinAddress {
  joinUrl: string;
  reachable: boolean;
}

/** One origin the server offers for join links; `interface` names a LAN address's network interface. */
export interface OfferedJoinOrigin {
  origin: string;
  kind: 'public' | 'lan' | 'allowed' | 'loopback';
  interface?: string;
}

/**
 * 200 from `GET` and `PUT /api/workshops/:code/join-address/options` (host token): the current
 * join address, its origin, and every origin the facilitator may pick from.
 */
export interface JoinAddressOptions extends JoinAddress {
  origin: string;
  offered: OfferedJoinOrigin[];
}

/** Every 4xx/5xx body. `issues` only for a body that failed validation. */
export interface HttpErrorResponse {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}
