import type {
  CreateMeetingInput,
  CreateMeetingResponse,
  CreateProcessInput,
  CreateProcessResponse,
  ErrorCode,
  HttpErrorResponse,
  ProcessReport,
  UpdateProcessInput,
} from '../../../../shared/index.js';

/** The process routes of the HTTP API (docs/protocol.md): create, read, change, add a meeting, export, delete. */
export class ProcessHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
  ) {
    super(`process request failed: ${status}`);
  }
}

const base = (code: string) => `/api/processes/${encodeURIComponent(code)}`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const jsonHeaders = { 'Content-Type': 'application/json' };

async function checked(res: Response): Promise<Response> {
  if (res.ok) return res;
  let code: ErrorCode | null = null;
  try {
    code = ((await res.json()) as HttpErrorResponse).error.code ?? null;
  } catch {
    // Not a JSON error body (a proxy's page, say): the status is all we know.
  }
  throw new ProcessHttpError(res.status, code);
}

export async function createProcess(body: CreateProcessInput): Promise<CreateProcessResponse> {
  const res = await checked(await fetch('/api/processes', { method: 'POST', headers: jsonHeaders, body: JSON.stringify(body) }));
  return (await res.json()) as CreateProcessResponse;
}

/** The public report, or the organiser's with the token (every feedback draft, organiser: true). */
export async function getProcess(code: string, organiserToken: string | null): Promise<ProcessReport> {
  const res = await checked(await fetch(base(code), organiserToken ? { headers: bearer(organiserToken) } : {}));
  return (await res.json()) as ProcessReport;
}

export async function updateProcess(code: string, organiserToken: string, body: UpdateProcessInput): Promise<void> {
  await checked(await fetch(base(code), { method: 'PATCH', headers: { ...jsonHeaders, ...bearer(organiserToken) }, body: JSON.stringify(body) }));
}

export async function createMeeting(code: string, organiserToken: string, body: CreateMeetingInput): Promise<CreateMeetingResponse> {
  const res = await checked(await fetch(`${base(code)}/meetings`, { method: 'POST', headers: { ...jsonHeaders, ...bearer(organiserToken) }, body: JSON.stringify(body) }));
  return (await res.json()) as CreateMeetingResponse;
}

export async function deleteProcess(code: string, organiserToken: string): Promise<void> {
  await checked(await fetch(base(code), { method: 'DELETE', headers: bearer(organiserToken) }));
}

/** Fetches the process export with the token (never in a URL) and hands it to the browser as a file. */
export async function downloadProcessExport(code: string, organiserToken: string): Promise<void> {
  const res = await checked(await fetch(`${base(code)}/export`, { headers: bearer(organiserToken) }));
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `raakvlak-process-${code}-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
