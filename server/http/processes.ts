import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import {
  createMeetingSchema,
  createProcessSchema,
  isJoinCode,
  normaliseJoinCode,
  updateProcessSchema,
  type CreateMeetingResponse,
  type CreateProcessResponse,
  type ProcessState,
} from '../../shared/index.js';
import { exportProcess } from '../../shared/process/export.js';
import type { Limiters } from '../limits/index.js';
import { guardLookups, limitCreation } from '../limits/http.js';
import type { ProcessRegistry } from '../processes.js';
import { JSON_BODY_LIMIT, paths } from './api.js';
import { describeIssues, issuesOf, sendError } from './errors.js';
import type { Origins } from './origins.js';

export interface ProcessApiOptions {
  processes: ProcessRegistry;
  clock: () => number;
  origins: Origins;
  limiters: Limiters;
}

export const processPaths = {
  organiser: (code: string, organiserToken: string) => `/p/${code}#${organiserToken}`,
  public: (code: string) => `/p/${code}`,
};

/** The bearer token of a request: undefined without an Authorization header, null for one that is not `Bearer <token>`. */
function bearer(req: Request): string | null | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? null;
}

/** A body that fails its schema: 400 with the issues, and undefined. */
function parsed<S extends z.ZodTypeAny>(schema: S, req: Request, res: Response): z.output<S> | undefined {
  const result = schema.safeParse(req.body);
  if (result.success) return result.data as z.output<S>;
  const issues = issuesOf(result.error);
  sendError(res, 400, 'BAD_REQUEST', describeIssues(issues), issues);
  return undefined;
}

/** The /api/processes routes (docs/protocol.md, "Processes"). Mounted before apiRouter, whose last handler answers unknown paths. */
export function processRouter({ processes, clock, origins, limiters }: ProcessApiOptions): Router {
  const router = express.Router();
  const json = express.json({ limit: JSON_BODY_LIMIT });
  const noStore = (res: Response): Response => res.setHeader('Cache-Control', 'no-store');

  const find = (raw: string): ProcessState | undefined => {
    const code = normaliseJoinCode(raw);
    return isJoinCode(code) ? processes.byCode(code) : undefined;
  };

  /** The process this request's organiser token opens; otherwise the error is sent and undefined returned. */
  const asOrganiser = (req: Request<{ code: string }>, res: Response): ProcessState | undefined => {
    const token = bearer(req);
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'UNAUTHORIZED', 'Send the organiser token as "Authorization: Bearer <organiserToken>"');
      return undefined;
    }
    const process = find(req.params.code);
    if (!process) sendError(res, 404, 'NOT_FOUND', 'No such process');
    else if (!processes.isOrganiserToken(process, token)) sendError(res, 403, 'FORBIDDEN', 'This token does not open this process');
    else return process;
    return undefined;
  };

  // An unknown code (404) counts as a failed lookup of this address, as for workshops.
  router.use('/processes/:code', guardLookups(limiters));

  router.post('/processes', limitCreation(limiters), json, (req, res) => {
    const body = parsed(createProcessSchema, req, res);
    if (!body) return;
    const { process, organiserToken } = processes.create(body);
    const created: CreateProcessResponse = {
      code: process.code,
      processId: process.id,
      organiserToken,
      urls: { organiser: processPaths.organiser(process.code, organiserToken), public: processPaths.public(process.code) },
    };
    noStore(res).status(201).json(created);
  });

  // The public page without a token; the organiser's (every feedback draft) with it.
  router.get('/processes/:code', (req, res) => {
    const token = bearer(req);
    if (token === undefined) {
      const process = find(req.params.code);
      if (!process) return sendError(res, 404, 'NOT_FOUND', 'No such process');
      return noStore(res).json(processes.report(process, false));
    }
    const process = asOrganiser(req, res);
    if (process) noStore(res).json(processes.report(process, true));
  });

  router.patch('/processes/:code', json, async (req, res, next) => {
    const process = asOrganiser(req, res);
    if (!process) return;
    const body = parsed(updateProcessSchema, req, res);
    if (!body) return;
    try {
      const result = await processes.update(process, body);
      if (!result.ok) {
        const status = result.error.code === 'NOT_ALLOWED' ? 409 : 400;
        return sendError(res, status, result.error.code, result.error.message, result.issues);
      }
      noStore(res).json(processes.report(result.value, true));
    } catch (err) {
      next(err);
    }
  });

  router.post('/processes/:code/meetings', json, (req, res) => {
    const process = asOrganiser(req, res);
    if (!process) return;
    const body = parsed(createMeetingSchema, req, res);
    if (!body) return;
    const result = processes.createMeeting(process, body);
    if (!result.ok) return sendError(res, 409, result.error.code, result.error.message);
    const { workshop, meeting, created } = result.value;
    const code = workshop.state.code;
    const token = bearer(req) as string;
    const response: CreateMeetingResponse = {
      code,
      workshopId: workshop.id,
      meeting,
      urls: { host: paths.host(code, token), board: paths.board(code), join: paths.join(code) },
      joinUrl: origins.joinOrigin(workshop.id, req.get('host'), req.protocol).origin + paths.join(code),
    };
    noStore(res)
      .status(created ? 201 : 200)
      .json(response);
  });

  router.get('/processes/:code/export', (req, res) => {
    const process = asOrganiser(req, res);
    if (!process) return;
    const meetings = processes.meetings(process).map((w) => w.state);
    noStore(res)
      .setHeader('Content-Disposition', `attachment; filename="raakvlak-process-${process.code}.json"`)
      .json(exportProcess(process, meetings, clock()));
  });

  // Deletes the process and every meeting in it: from then on every route of each code is 404.
  router.delete('/processes/:code', (req, res) => {
    const process = asOrganiser(req, res);
    if (!process) return;
    if (!processes.delete(process)) return sendError(res, 404, 'NOT_FOUND', 'No such process');
    noStore(res).status(204).end();
  });

  return router;
}
