import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import committed from '../../docs/process-export.schema.json';
import { exportJsonSchemaText } from '../domain/exportSchema.js';
import { exportWorkshop } from '../domain/export.js';
import { exportProcess } from './export.js';
import { processExportDocumentSchema, processExportJsonSchema } from './exportSchema.js';
import { PROCESS_EXPORT_SCHEMA_VERSION } from './model.js';
import { processReport } from './report.js';
import { startMeeting, T0, testProcess, threeMeetings } from './testing.js';

const NOW = T0 + 400 * 86_400_000;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(committed);
}

describe('docs/process-export.schema.json', () => {
  it('is what `npm run schema` generates now (run it after changing the process export)', () => {
    expect(exportJsonSchemaText(committed)).toBe(exportJsonSchemaText(processExportJsonSchema()));
  });
});

describe('exportProcess', () => {
  it('holds the process, its groups, the organiser report and every meeting export, valid against the committed schema', () => {
    const { process, meetings } = threeMeetings();
    // Given out of order: the export takes the process's order.
    const doc = exportProcess(process, [meetings[1]!, meetings[2]!, meetings[0]!], NOW);
    const json = JSON.parse(JSON.stringify(doc));
    const validate = validator();
    expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(processExportDocumentSchema.parse(json)).toEqual(json);
    expect(doc).toMatchObject({
      schemaVersion: PROCESS_EXPORT_SCHEMA_VERSION,
      exportedAt: new Date(NOW).toISOString(),
      process: { id: 'proc1', code: 'PQRSTU', title: 'Wijk Lombok, warmteplan', area: 'Lombok', language: 'nl', createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() },
      groups: process.groups,
    });
    expect(doc.meetings.map((m) => m.workshop.id)).toEqual(['w-a', 'w-b', 'w-c']);
    expect(doc.meetings).toEqual(meetings.map((s) => exportWorkshop(s, NOW)));
    expect(doc.report).toEqual(processReport(process, meetings, { organiser: true }));
    // The organiser's: meeting 1's draft is in it; W of meeting 2 is 4/9 (report.test.ts).
    expect(doc.report.meetings[0]?.feedback?.entries.map((e) => e.id)).toEqual(['f1']);
    expect(doc.report.agreement[1]?.kendallW).toBeCloseTo(4 / 9, 12);
    // Nothing secret: no organiser token hash, no request memory, no host token hash.
    expect(JSON.stringify(doc)).not.toMatch(/org-hash|host-hash|request-0123456789/);
  });

  it('accepts a process with no meetings and one with a fresh first meeting', () => {
    const validate = validator();
    const process = testProcess();
    expect(validate(JSON.parse(JSON.stringify(exportProcess(process, [], NOW)))), JSON.stringify(validate.errors)).toBe(true);
    const first = startMeeting(process, null, { title: 'Eerste', template: 'empty' }, 'a', T0).state;
    const doc = exportProcess({ ...process, meetingIds: [first.id] }, [first], NOW);
    expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.report.meetings[0]).toMatchObject({ index: 1, heldAt: null, voteActivityId: null, kendallW: null, feedback: { publishedAt: null, entries: [] } });
  });

  it('refuses unknown fields, a wrong version and a malformed series point', () => {
    const { process, meetings } = threeMeetings();
    const doc = JSON.parse(JSON.stringify(exportProcess(process, meetings, NOW)));
    const validate = validator();
    expect(validate({ ...doc, organiserTokenHash: 'x' })).toBe(false);
    expect(validate({ ...doc, schemaVersion: PROCESS_EXPORT_SCHEMA_VERSION + 1 })).toBe(false);
    const bad = structuredClone(doc);
    bad.report.values[0].points[0].position = 'first';
    expect(validate(bad)).toBe(false);
    const badMeeting = structuredClone(doc);
    delete badMeeting.meetings[0].summary;
    expect(validate(badMeeting)).toBe(false);
  });
});
