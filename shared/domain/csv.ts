import { kindModule, type CsvItem, type ExportActivity } from '../kinds/index.js';
import { csvItem } from '../kinds/vote.js';
import type { ExportDocument } from './export.js';

/**
 * The CSV export (docs/export.md, "CSV"): one row per item of every answer — a value that got
 * dots or points, a ranked value, a scored statement, an open answer — built from the JSON
 * export so both always say the same. The last column, `channel`, says whether the answer came
 * in the live session (`room`) or online after it (`online`). Excel-friendly: UTF-8 with a BOM, CRLF line ends, `,` or
 * `;` (Dutch Excel) between fields, RFC 4180 quoting, and formula injection neutralised.
 */
export const CSV_COLUMNS = [
  'workshop_code',
  'activity_id',
  'activity_index',
  'activity_kind',
  'round',
  'activity_title',
  'participant_id',
  'group_id',
  'group_name',
  'participant_name',
  'answer_id',
  'submitted_at',
  'revisions',
  'counted',
  'item_id',
  'item_title',
  'position',
  'amount',
  'text',
  'channel',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

export type CsvSeparator = ',' | ';';
export const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** An answer's rows, from its kind's module (KindModule.csvItems). */
function itemsOf(doc: ExportDocument, activity: ExportActivity, answer: ExportActivity['answers'][number]['answer']): CsvItem[] {
  return kindModule(answer.kind).csvItems(doc, activity, answer);
}

/** Every answer of every activity as rows, in agenda order, then in the order answers came in. */
export function exportCsvRows(doc: ExportDocument): CsvRow[] {
  const groups = new Map(doc.groups.map((g) => [g.id, g.name]));
  const names = new Map(doc.participants.map((p) => [p.id, p.name]));
  return doc.activities.flatMap((activity, index) =>
    activity.answers.flatMap((a) => {
      const base = {
        workshop_code: doc.workshop.code,
        activity_id: activity.id,
        activity_index: String(index + 1),
        activity_kind: activity.kind,
        round: String(activity.round),
        activity_title: activity.title ?? '',
        participant_id: a.participantId,
        group_id: a.groupId,
        group_name: groups.get(a.groupId) ?? '',
        participant_name: names.get(a.participantId) ?? '',
        answer_id: a.answerId,
        submitted_at: a.submittedAt,
        revisions: String(a.revisions),
        counted: String(a.counted),
        channel: a.channel,
      };
      const items = itemsOf(doc, activity, a.answer);
      // An answer with no items would otherwise vanish from the file; keep it as one row.
      return (items.length ? items : [csvItem('', '', null, null)]).map((it) => ({ ...base, ...it }));
    }),
  );
}

/**
 * Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or tab / CR) as a formula. Such a cell gets a leading apostrophe. So that a script can
 * undo it exactly, a cell of apostrophes followed by one of those characters gets one more too.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A negative whole number (an options score of −2) is a number to a spreadsheet, never a formula: it is written as it is. */
const NEGATIVE_WHOLE_NUMBER = /^-[1-9]\d*$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !NEGATIVE_WHOLE_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula, for readers of the file. */
export function restoreFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180: quote a field that holds the separator, a quote, CR or LF; double inner quotes. */
function field(cell: string, sep: CsvSeparator): string {
  const safe = neutraliseFormula(cell);
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file: BOM, a header row, then one line per row, every line ending in CRLF. */
export function toCsv(rows: readonly CsvRow[], sep: CsvSeparator = ','): string {
  const lines = [CSV_COLUMNS.join(sep), ...rows.map((row) => CSV_COLUMNS.map((c) => field(row[c], sep)).join(sep))];
  return BOM + lines.map((l) => l + CRLF).join('');
}

/**
 * Parses RFC 4180 text (a leading BOM is skipped; CRLF or LF line ends) into records of fields,
 * as written: formula apostrophes stay (see restoreFormula). Throws on an unterminated quote.
 */
export function parseCsv(text: string, sep: CsvSeparator = ','): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      record.push(cell);
      cell = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      endRecord();
      i++;
    } else if (ch === '\n') endRecord();
    else cell += ch;
    i++;
  }
  if (quoted) throw new Error('Unterminated quoted field');
  if (cell !== '' || record.length > 0) endRecord();
  return records;

  function endRecord(): void {
    record.push(cell);
    records.push(record);
    record = [];
    cell = '';
  }
}
