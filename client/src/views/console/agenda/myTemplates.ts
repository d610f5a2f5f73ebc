import { nanoid } from 'nanoid';
import { templateFileSchema, templateFromWorkshop, type HostView, type TemplateFile } from '../../../../../shared/index.js';
import { readJson, writeJson } from '../../../lib/storage.js';

/**
 * The facilitator's own templates, kept in this browser: saved from a workshop or imported
 * from a file. Each is a template file (shared/domain/templateFile.ts), checked with its schema
 * whenever it is read, so a hand-edited entry can never reach the server unchecked.
 */
export interface MyTemplate {
  id: string;
  savedAt: number;
  file: TemplateFile;
}

const KEY = 'templates';

function isEntry(v: unknown): v is { id: string; savedAt: number; file: unknown } {
  return typeof v === 'object' && v !== null && typeof (v as MyTemplate).id === 'string' && typeof (v as MyTemplate).savedAt === 'number';
}

export function listMyTemplates(): MyTemplate[] {
  const raw = readJson<unknown[]>(KEY, [], (v): v is unknown[] => Array.isArray(v));
  return raw
    .flatMap((entry) => {
      if (!isEntry(entry)) return [];
      const file = templateFileSchema.safeParse(entry.file);
      return file.success ? [{ id: entry.id, savedAt: entry.savedAt, file: file.data }] : [];
    })
    .sort((a, b) => b.savedAt - a.savedAt);
}

export function addMyTemplate(file: TemplateFile, now = Date.now()): MyTemplate {
  const entry: MyTemplate = { id: nanoid(10), savedAt: now, file };
  writeJson(KEY, [entry, ...listMyTemplates()]);
  return entry;
}

export function removeMyTemplate(id: string): void {
  writeJson(
    KEY,
    listMyTemplates().filter((t) => t.id !== id),
  );
}

/** The template of a running workshop: its visible cards, agenda and groups. */
export function templateOfWorkshop(host: HostView, name: string): TemplateFile {
  return templateFromWorkshop({
    name,
    language: host.language,
    values: host.values,
    activities: host.activities,
    groups: host.groups.map((g) => g.name),
  });
}

export type TemplateParse = { ok: true; file: TemplateFile } | { ok: false; error: 'json' } | { ok: false; error: 'schema'; reason: string };

/** Reads a template file's text: JSON first, then the schema; the first problem is named with its place. */
export function parseTemplateText(text: string): TemplateParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'json' };
  }
  const parsed = templateFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: 'schema', reason: `${where}${issue?.message ?? 'invalid'}` };
}

/** "Heat plan Northside" → "heat-plan-northside", for file names. */
export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return out || 'template';
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadTemplate(file: TemplateFile): void {
  saveBlob(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `raakvlak-template-${slug(file.name)}.json`);
}
