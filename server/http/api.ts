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
  type WorkshopSummary,
} from '../../shared/index.js';
import type { LiveWorkshop, WorkshopRegistry } from '../workshops.js';
import { describeIssues, issuesOf, sendError, apiNotFound } from './errors.js';
import { rateLimitByIp } from './rateLimit.js';

export interface ApiOptions {
  registry: WorkshopRegistry;
  clock: () => number;
  /** Origin for absolute join URLs (QR codes); default: the request's own origin. */
  publicUrl?: string;
  createLimit: { max: number; windowMs: number };
}

/** Workshop bodies are a title and a dozen group names: 32 KB is generous and bounds parsing. */
export const JSON_BODY_LIMIT = '32kb';
const QR_MAX_AGE_S = 3600;

export const paths = {
  host: (code: string, hostToken: string) => `/f/${code}#${hostToken}`,
  board: (code: string) => `/b/${code}`,
  join: (code: string) => `/j/${code}`,
};

/** The /api routes (docs/protocol.md, "HTTP"). */
export function apiRouter({ registry, clock, publicUrl, createLimit }: ApiOptions): Router {
  const router = express.Router();
  const origin = (req: Request): string => (publicUrl ? publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  const find = (raw: string): LiveWorkshop | undefined => {
    const code = normaliseJoinCode(raw);
    return isJoinCode(code) ? registry.byCode(code) : undefined;
  };

  router.post('/workshops', rateLimitByIp({ ...createLimit, clock }), express.json({ limit: JSON_BODY_LIMIT }), (req, res) => {
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
      joinUrl: origin(req) + paths.join(code),
    };
    res.status(201).setHeader('Cache-Control', 'no-store').json(body);
  });

  router.get('/workshops/:code', (req, res) => {
    const w = find(req.params.code);
    if (!w) return sendError(res, 404, 'NOT_FOUND', 'No such workshop');
    const { code, title, language, groups, settings } = w.state;
    // The board shows this address as text beside the QR code, so both name the same origin.
    const body: WorkshopSummary = { code, title, language, groups, settings, joinUrl: origin(req) + paths.join(code) };
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
    const svg = await QRCode.toString(origin(req) + paths.join(w.state.code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').setHeader('Cache-Control', `public, max-age=${QR_MAX_AGE_S}`).send(svg);
  });

  router.use(apiNotFound);
  return router;
}
