import type { CreateWorkshopInput, CreateWorkshopResponse, ErrorCode, HttpErrorResponse, WorkshopSummary } from '../../../shared/index.js';

/** The HTTP half of the protocol (docs/protocol.md): create, look up, export, QR. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    message: string,
  ) {
    super(message);
  }
}

async function failure(res: Response): Promise<HttpError> {
  let code: ErrorCode | null = null;
  try {
    code = ((await res.json()) as HttpErrorResponse).error.code ?? null;
  } catch {
    // Not a JSON error body (a proxy's HTML page, say): the status is all we know.
  }
  return new HttpError(res.status, code, `${res.status} ${res.statusText}`);
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function createWorkshop(body: CreateWorkshopInput): Promise<CreateWorkshopResponse> {
  const res = await fetch('/api/workshops', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return json<CreateWorkshopResponse>(res);
}

export async function getWorkshop(code: string): Promise<WorkshopSummary> {
  return json<WorkshopSummary>(await fetch(`/api/workshops/${encodeURIComponent(code)}`));
}

/** Deletes the workshop with everything in it (204); the host token proves it is ours. */
export async function deleteWorkshop(code: string, hostToken: string): Promise<void> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(code)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${hostToken}` } });
  if (!res.ok) throw await failure(res);
}

export function qrUrl(code: string): string {
  return `/api/workshops/${encodeURIComponent(code)}/qr.svg`;
}

/** Fetches the export with the host token and hands it to the browser as a file download. */
export async function downloadExport(code: string, hostToken: string): Promise<void> {
  const res = await fetch(`/api/workshops/${encodeURIComponent(code)}/export`, { headers: { Authorization: `Bearer ${hostToken}` } });
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `raakvlak-${code}-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
