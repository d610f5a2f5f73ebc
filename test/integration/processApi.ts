import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { CreateMeetingInput, CreateMeetingResponse, CreateProcessInput, CreateProcessResponse, HttpErrorResponse, ProcessReport, UpdateProcessInput } from '../../shared/index.js';
import { databaseFile } from '../../server/env.js';
import type { Endpoint, TestServer } from './harness.js';

/** The /api/processes routes as a client calls them, returning status and body. */
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T>(server: Endpoint, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; authorization?: string } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.authorization !== undefined) headers.Authorization = opts.authorization;
  if (opts.body !== undefined || opts.raw !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export const processCalls = (server: Endpoint) => ({
  create: (body: unknown) => call<CreateProcessResponse & HttpErrorResponse>(server, 'POST', '/api/processes', { body }),
  createRaw: (raw: string) => call<HttpErrorResponse>(server, 'POST', '/api/processes', { raw }),
  get: (code: string, token?: string, authorization?: string) =>
    call<ProcessReport & HttpErrorResponse>(server, 'GET', `/api/processes/${code}`, { ...(token !== undefined ? { token } : {}), ...(authorization !== undefined ? { authorization } : {}) }),
  patch: (code: string, token: string | undefined, body: UpdateProcessInput | Record<string, unknown>) =>
    call<ProcessReport & HttpErrorResponse>(server, 'PATCH', `/api/processes/${code}`, { ...(token !== undefined ? { token } : {}), body }),
  meeting: (code: string, token: string | undefined, body: CreateMeetingInput | Record<string, unknown>) =>
    call<CreateMeetingResponse & HttpErrorResponse>(server, 'POST', `/api/processes/${code}/meetings`, { ...(token !== undefined ? { token } : {}), body }),
  export: (code: string, token?: string) => call<unknown>(server, 'GET', `/api/processes/${code}/export`, token !== undefined ? { token } : {}),
  delete: (code: string, token?: string) => call<HttpErrorResponse | null>(server, 'DELETE', `/api/processes/${code}`, token !== undefined ? { token } : {}),
  workshop: (code: string) => call<HttpErrorResponse & Record<string, unknown>>(server, 'GET', `/api/workshops/${code}`),
});

/** Creates a process that must be accepted. */
export async function createProcess(server: Endpoint, body: CreateProcessInput): Promise<CreateProcessResponse> {
  const res = await processCalls(server).create(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Creates a meeting that must be accepted (201). */
export async function createMeeting(server: Endpoint, p: Pick<CreateProcessResponse, 'code' | 'organiserToken'>, body: CreateMeetingInput): Promise<CreateMeetingResponse> {
  const res = await processCalls(server).meeting(p.code, p.organiserToken, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A request id as a client makes one. */
export const requestId = (label: string) => `req-${label}-${'x'.repeat(16)}`.slice(0, 64);

/** Rows of the server's database file, read beside the server (WAL: committed rows are visible). */
export function rows(server: TestServer, sql: string): unknown[] {
  const db = new Database(databaseFile(server.dataDir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}
