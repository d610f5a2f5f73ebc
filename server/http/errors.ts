import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { ErrorCode, HttpErrorResponse } from '../../shared/index.js';
import type { Logger } from '../logger.js';

export type Issue = { path: string; message: string };

/** zod issues as `{ path: "groups.3", message }`, for a 400 body and for socket error messages. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function describeIssues(issues: Issue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
}

export function sendError(res: Response, status: number, code: ErrorCode, message: string, issues?: Issue[]): void {
  const body: HttpErrorResponse = { error: { code, message, ...(issues ? { issues } : {}) } };
  res.status(status).json(body);
}

export const apiNotFound: RequestHandler = (_req, res) => sendError(res, 404, 'NOT_FOUND', 'No such endpoint');

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
}

/**
 * The last handler: maps body-parser's client errors (bad JSON, too large) to 4xx and
 * everything else to a bare 500. Never sends a stack or an internal message.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
    const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
    if (status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? 'The body is not valid JSON' : e.type === 'entity.too.large' ? 'The body is too large' : 'Bad request';
      sendError(res, status, status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST', message);
      return;
    }
    logger.error(`${req.method} ${req.originalUrl} failed`, err);
    sendError(res, 500, 'INTERNAL', 'Something went wrong on the server');
  };
}
