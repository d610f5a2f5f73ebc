import { exportWorkshop } from '../domain/export.js';
import type { WorkshopState } from '../domain/types.js';
import { PROCESS_EXPORT_SCHEMA_VERSION, type ProcessExportDocument, type ProcessState } from './model.js';
import { meetingsInOrder, processReport } from './report.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The process export (docs/export.md, "Process export"): the process, its groups, the
 * organiser's report (the numbers the process page shows) and each meeting's full workshop
 * export, in the order of the process's meetings. The organiser token's hash and the request
 * memory are not part of it.
 */
export function exportProcess(process: ProcessState, meetings: readonly WorkshopState[], now: number): ProcessExportDocument {
  const ordered = meetingsInOrder(process, meetings);
  return {
    schemaVersion: PROCESS_EXPORT_SCHEMA_VERSION,
    exportedAt: iso(now),
    process: {
      id: process.id,
      code: process.code,
      title: process.title,
      area: process.area,
      language: process.language,
      createdAt: iso(process.createdAt),
      updatedAt: iso(process.updatedAt),
    },
    groups: process.groups.map((g) => ({ id: g.id, name: g.name, ...(g.i18n ? { i18n: g.i18n } : {}), invited: g.invited })),
    report: processReport(process, ordered, { organiser: true }),
    meetings: ordered.map((s) => exportWorkshop(s, now)),
  };
}
