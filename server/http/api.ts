import express, { type Request, type Response, type Router } from 'express';
import QRCode from 'qrcode';
import {
  CSV_SEPARATORS,
  createWorkshopSchema,
  exportCsvRows,
  exportWorkshop,
  toCsv,
  type CsvSeparator,
  isJoinCode,
  normaliseJoinCode,
  type CreateWorkshopResponse,
  type JoinAddress,
  type JoinAddressOptions,
  type WorkshopSummary,
} from '../../shared/index.js';
import { feedbackView } from '../../shared/domain/feedback.js';
import type { LiveWorkshop, WorkshopRegistry } from '../workshops.js';
import { describeIssues, issuesOf, sendError, apiNotFound } from './errors.js';
import type { Origins } from './origins.js';
import type { Limiters } from '../limits/index.js';
import { guardLookups, limitCreation } from '../limits/http.js';

export interface ApiOptions {
  registry: WorkshopRegistry;
  clock: () => number;
  /** Where join links and QR codes point (PUBLIC_URL, a LAN address, the facilitator's pick); never the Host header alone. */
  origins: Origins;
  /** The facilitator picked another join address for this workshop: boards are told. */
  onJoinAddressChanged?: (workshopId: string, address: JoinAddress) => void;
  /** Workshop creation and failed join-code lookups are rate limited (server/limits). */
  limiters: Limiters;
}

/** Workshop bodies are a title and a dozen group names: 32 KB is generous and bounds parsing. */
export const JSON_BODY_LIMIT = '32kb';
/** The QR code follows the join address, which the facilitator may change: never kept by a shared cache. */
const QR_CACHE = 'private, no-store';

export const paths = {
  host: (code: string, hostToken: string) => `/f/${code}#${hostToken}`,
  board: (code: string) => `/b/${code}`,
  join: (code: string) => `/j/${code}`,
};

/** The /api routes (docs/protocol.md, "HTTP"). */
export function apiRouter({ registry, clock, origins, onJoinAddressChanged, limiters }: ApiOptions): Router {
  const router = express.Router();
  const joinOrigin = (req: Request, workshopId: string) => origins.joinOrigin(workshopId, req.get('host'), req.protocol);
  const origin = (req: Request, workshopId: string): string => joinOrigin(req, workshopId).origin;
  const joinAddress = (req: Request, w: LiveWorkshop): JoinAddress => {
    const o = joinOrigin(req, w.id);
    return { joinUrl: o.origin + paths.join(w.state.code), reachable: o.reachable };
  };
  const joinOptions = (req: Request, w: LiveWorkshop): JoinAddressOptions => {
    const o = joinOrigin(req, w.id);
    return { joinUrl: o.origin + paths.join(w.state.code), reachable: o.reachable, origin: o.origin, offered: origins.offered() };
  };
  const find = (raw: string): LiveWorkshop | undefined => {
    const code = normaliseJoinCode(raw);
    return isJoinCode(code) ? registry.byCode(code) : undefined;
  };

  // Every route of one workshop: an unknown code (404) counts as a failed lookup of this address.
  router.use('/workshops/:code', guardLookups(limiters));

  router.post('/workshops', limitCreation(limiters), express.json({ limit: JSON_BODY_LIMIT }), (req, res) => {
    const parsed = createWorkshopSchema.safeParse(req.body);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      sendError(res, 400, 'BAD_REQUEST', describeIssues(issues), issues);
      return;
    }
    const { workshop, hostToken } = registry.create(parsed.data);
    const { code, id } = workshop.state;
    const body: CreateWorkshopResponse = {
      code,
      hostToken,
      workshopId: id,
      urls: { host: paths.host(code, hostToken), board: paths.board(code), join: paths.join(code) },
      joinUrl: origin(req, id) + paths.join(code),
    };
    res.status(201).setHeader('Cache-Control', 'no-store').json(body);
  });

  router.get('/workshops/:code', (req, res) => {
    const w = find(req.params.code);
    if (!w) return sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    const { code, title, language, groups, settings } = w.state;
    // The board shows this address as text beside the QR code, so both name the same origin.
    // Feedback only once published: the join link is public.
    const body: WorkshopSummary = {
      code,
      title,
      language,
      groups,
      settings,
      joinUrl: origin(req, w.id) + paths.join(code),
      feedback: feedbackView(w.state, false),
      process: w.state.process ?? null,
    };
    res.setHeader('Cache-Control', 'no-store').json(body);
  });

  /** The workshop this request's host token opens; otherwise the error is sent and undefined returned. */
  const asHost = (req: Request<{ code: string }>, res: Response): LiveWorkshop | undefined => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'UNAUTHORIZED', 'Send the host token as "Authorization: Bearer <hostToken>"');
      return undefined;
    }
    const w = find(req.params.code);
    if (!w) sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    else if (!registry.isHostToken(w, token)) sendError(res, 403, 'FORBIDDEN', 'This token does not open this workshop');
    else return w;
    return undefined;
  };

  // Deletes the workshop with everything in it (docs/protocol.md, "Deleting a workshop"): its
  // screens get `workshop:deleted`, and from then on every route for the code is 404.
  router.delete('/workshops/:code', (req, res) => {
    const w = asHost(req, res);
    if (!w) return;
    if (!registry.delete(w.id)) return sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    res.setHeader('Cache-Control', 'no-store').status(204).end();
  });

  router.get('/workshops/:code/export', (req, res) => {
    const w = asHost(req, res);
    if (!w) return;
    res
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="raakvlak-${w.state.code}.json"`)
      .json(exportWorkshop(w.state, clock()));
  });

  // One row per answered item (docs/export.md, "CSV"); `?sep=;` for Excel with a Dutch locale.
  router.get('/workshops/:code/export.csv', (req, res) => {
    const w = asHost(req, res);
    if (!w) return;
    const sep = typeof req.query.sep === 'string' ? req.query.sep : req.query.sep === undefined ? ',' : null;
    if (sep === null || !CSV_SEPARATORS.includes(sep as CsvSeparator)) return sendError(res, 400, 'BAD_REQUEST', 'sep must be "," or ";"');
    const csv = toCsv(exportCsvRows(exportWorkshop(w.state, clock())), sep as CsvSeparator);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="raakvlak-${w.state.code}.csv"`)
      .send(csv);
  });

  router.get('/workshops/:code/qr.svg', async (req, res) => {
    const w = find(req.params.code);
    if (!w) return sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    const svg = await QRCode.toString(origin(req, w.id) + paths.join(w.state.code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').setHeader('Cache-Control', QR_CACHE).send(svg);
  });

  // The address the board shows and whether a phone can reach it at all (docs/protocol.md, "Join address").
  router.get('/workshops/:code/join-address', (req, res) => {
    const w = find(req.params.code);
    if (!w) return sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    res.setHeader('Cache-Control', 'no-store').json(joinAddress(req, w));
  });

  router.get('/workshops/:code/join-address/options', (req, res) => {
    const w = asHost(req, res);
    if (!w) return;
    res.setHeader('Cache-Control', 'no-store').json(joinOptions(req, w));
  });

  // The facilitator picks one of the offered origins; any other string is refused and changes nothing.
  router.put('/workshops/:code/join-address/options', express.json({ limit: JSON_BODY_LIMIT }), (req, res) => {
    const w = asHost(req, res);
    if (!w) return;
    const wanted: unknown = (req.body as { origin?: unknown } | undefined)?.origin;
    if (typeof wanted !== 'string' || wanted.length > 300) return sendError(res, 400, 'BAD_REQUEST', 'Send { "origin": one of the offered origins }');
    if (!origins.choose(w.id, wanted)) return sendError(res, 400, 'BAD_REQUEST', 'origin is not one of the offered origins');
    const body = joinOptions(req, w);
    onJoinAddressChanged?.(w.id, { joinUrl: body.joinUrl, reachable: body.reachable });
    res.setHeader('Cache-Control', 'no-store').json(body);
  });

  router.use(apiNotFound);
  return router;
}
