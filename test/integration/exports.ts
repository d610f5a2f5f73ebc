import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import schema from '../../docs/export.schema.json';
import type { CreateWorkshopResponse, CsvSeparator, ExportDocument } from '../../shared/index.js';
import type { Endpoint } from './harness.js';

/**
 * The two exports as a script would get them: over HTTP with the host token. The JSON one is
 * checked against the committed docs/export.schema.json (the file published for script writers),
 * with ajv, strict, every format checked.
 */
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

export async function fetchExport(server: Endpoint, w: Pick<CreateWorkshopResponse, 'code' | 'hostToken'>): Promise<ExportDocument> {
  const res = await fetch(`${server.url}/api/workshops/${w.code}/export`, { headers: { Authorization: `Bearer ${w.hostToken}` } });
  expect(res.status).toBe(200);
  const doc: unknown = await res.json();
  expect(validate(doc), ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  return doc as ExportDocument;
}

export async function fetchCsv(server: Endpoint, w: Pick<CreateWorkshopResponse, 'code' | 'hostToken'>, sep: CsvSeparator): Promise<string> {
  const query = sep === ';' ? '?sep=;' : '';
  const res = await fetch(`${server.url}/api/workshops/${w.code}/export.csv${query}`, { headers: { Authorization: `Bearer ${w.hostToken}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  // Decoded by hand: res.text() would drop the BOM the file must start with.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}
