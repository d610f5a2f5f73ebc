import type { ErrorCode, ExportDocument, HttpErrorResponse } from '../../../../../shared/index.js';
import { saveBlob } from './myTemplates.js';

/** The export endpoints (docs/protocol.md): JSON, and CSV with `,` or `;` for Excel in a decimal-comma locale. */
export type ExportFormat = 'json' | 'csv' | 'csv-nl';

export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
  ) {
    super(`export failed: ${status}`);
  }
}

export function exportUrl(code: string, format: ExportFormat): string {
  const base = `/api/workshops/${encodeURIComponent(code)}`;
  switch (format) {
    case 'json':
      return `${base}/export`;
    case 'csv':
      return `${base}/export.csv`;
    case 'csv-nl':
      return `${base}/export.csv?sep=${encodeURIComponent(';')}`;
  }
}

async function authorised(code: string, hostToken: string, format: ExportFormat): Promise<Response> {
  const res = await fetch(exportUrl(code, format), { headers: { Authorization: `Bearer ${hostToken}` } });
  if (res.ok) return res;
  let errorCode: ErrorCode | null = null;
  try {
    errorCode = ((await res.json()) as HttpErrorResponse).error.code ?? null;
  } catch {
    // Not a JSON error body: the status is all we know.
  }
  throw new ExportError(res.status, errorCode);
}

/** Fetches an export with the host token (never in a URL) and hands it to the browser as a file. */
export async function downloadExportFile(code: string, hostToken: string, format: ExportFormat): Promise<void> {
  const res = await authorised(code, hostToken, format);
  const blob = await res.blob();
  const day = new Date().toISOString().slice(0, 10);
  const name = format === 'json' ? `raakvlak-${code}-${day}.json` : `raakvlak-${code}-${day}${format === 'csv-nl' ? '-excel-nl' : ''}.csv`;
  saveBlob(blob, name);
}

/** The JSON export, for the report page. */
export async function fetchExport(code: string, hostToken: string): Promise<ExportDocument> {
  return (await (await authorised(code, hostToken, 'json')).json()) as ExportDocument;
}
