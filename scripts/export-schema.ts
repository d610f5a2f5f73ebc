/**
 * `npm run schema`: writes docs/export.schema.json from the zod schema in
 * shared/domain/exportSchema.ts. A unit test fails when the committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema, exportJsonSchemaText } from '../shared/domain/exportSchema.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(repo, 'docs', 'export.schema.json');
fs.writeFileSync(file, exportJsonSchemaText(exportJsonSchema()));
console.log(`Wrote ${path.relative(repo, file)}`);
