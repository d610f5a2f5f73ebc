/**
 * `npm run schema`: writes docs/export.schema.json from the zod schema in
 * shared/domain/exportSchema.ts, and docs/process-export.schema.json from the one in
 * shared/process/exportSchema.ts. Unit tests fail when a committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema, exportJsonSchemaText } from '../shared/domain/exportSchema.js';
import { processExportJsonSchema } from '../shared/process/exportSchema.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files: [string, Record<string, unknown>][] = [
  ['export.schema.json', exportJsonSchema()],
  ['process-export.schema.json', processExportJsonSchema()],
];
for (const [name, schema] of files) {
  const file = path.join(repo, 'docs', name);
  fs.writeFileSync(file, exportJsonSchemaText(schema));
  console.log(`Wrote ${path.relative(repo, file)}`);
}
