/**
 * The CSV rows of an options answer (docs/export.md, "CSV"): one per rated option × value, in
 * the activity's option order and value order, then one per "why" sentence.
 */
import type { Answer } from '../../domain/answers.js';
import type { ExportDocument } from '../../domain/export.js';
import type { CsvItem, ExportActivity } from '../types.js';
import { csvItem, valueTitle } from '../vote.js';
import { optionText, whyField } from './labels.js';

/** What a "don't know" row carries in `text` (its `amount` is empty). */
export const DONT_KNOW_TEXT = '?';

/** The question of a "why" row, in the workshop's language: "Why? — <option>". */
const WHY_QUESTION = { nl: 'Waarom?', en: 'Why?' } as const;

/**
 * - a rated option × value: item_id `<optionId>:<valueId>`, item_title "<option> — <value>",
 *   amount the score −2 … +2, text empty; "don't know": amount empty, text `?`;
 * - a "why" sentence: item_id `why.<optionId>`, item_title "Why? — <option>" ("Waarom? — …" in a
 *   Dutch workshop), amount empty, text the sentence.
 * Titles are in the workshop's language (an option without a title there shows the other's).
 * `position` is always empty.
 */
export function optionsCsvItems(doc: ExportDocument, activity: ExportActivity, answer: Answer): CsvItem[] {
  if (answer.kind !== 'options') return [];
  const lang = doc.workshop.language;
  const options = activity.config.options;
  const valueOrder = activity.config.valueIds ?? doc.values.map((v) => v.id);
  const rows: CsvItem[] = [];
  for (const option of options) {
    const perValue = Object.hasOwn(answer.ratings, option.id) ? answer.ratings[option.id] : undefined;
    if (!perValue) continue;
    const title = optionText(option, lang).title;
    const valueIds = Object.keys(perValue).sort((a, b) => valueOrder.indexOf(a) - valueOrder.indexOf(b));
    for (const valueId of valueIds) {
      const score = perValue[valueId];
      const known = score === null || score === undefined ? null : score;
      rows.push(csvItem(`${option.id}:${valueId}`, `${title} — ${valueTitle(doc, valueId)}`, null, known, known === null ? DONT_KNOW_TEXT : ''));
    }
  }
  for (const option of options) {
    const text = Object.hasOwn(answer.why, option.id) ? answer.why[option.id] : undefined;
    if (!text) continue;
    rows.push(csvItem(whyField(option.id), `${WHY_QUESTION[lang]} — ${optionText(option, lang).title}`, null, null, text));
  }
  return rows;
}
