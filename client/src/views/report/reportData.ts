import { storyOrder, type ExportDocument, type Lang } from '../../../../shared/index.js';
import type { SummaryNames } from '../summary/SummaryContent.js';

export type ExportActivity = ExportDocument['activities'][number];
export type ExportStory = ExportDocument['stories'][number];

/**
 * Lookups over an export document, in the reader's language where the export has both (the
 * default groups); value titles are as the workshop wrote them.
 */
export function reportNames(doc: ExportDocument, lang: Lang): SummaryNames & { groupIndex: (id: string) => number } {
  const values = new Map(doc.values.map((v) => [v.id, v.title]));
  const groups = new Map(doc.groups.map((g, i) => [g.id, { name: (lang === 'nl' ? g.nameNl : g.nameEn) ?? g.name, index: i }]));
  return {
    value: (id) => values.get(id) ?? id,
    group: (id) => groups.get(id)?.name ?? id,
    groupIndex: (id) => groups.get(id)?.index ?? -1,
    option: (activityId, optionId) => doc.activities.find((a) => a.id === activityId)?.config.options.find((o) => o.id === optionId)?.text[lang].title ?? optionId,
    activity: (activityId) => doc.activities.find((a) => a.id === activityId) ?? null,
  };
}

/** Participants who were not removed, per group id. */
export function participantsByGroup(doc: ExportDocument): Map<string, number> {
  const out = new Map(doc.groups.map((g) => [g.id, 0]));
  for (const p of doc.participants) if (!p.removed) out.set(p.groupId, (out.get(p.groupId) ?? 0) + 1);
  return out;
}

/**
 * Stories to print for a value: visible, by participants still in, most endorsed first, then
 * oldest — the order the board uses.
 */
export function storiesFor(doc: ExportDocument, valueId: string, limit: number): ExportStory[] {
  const rank = (s: ExportStory) => ({ endorsements: s.endorsements.length, createdAt: Date.parse(s.createdAt) });
  return doc.stories
    .filter((s) => s.valueId === valueId && s.shown)
    .sort((a, b) => storyOrder(rank(a), rank(b)))
    .slice(0, limit);
}

/** Group colours of the board (Okabe–Ito), as plain values: SVG in print has no CSS variables to lean on. */
export const SWATCHES = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#0b0c0c'];
export const swatch = (index: number): string => SWATCHES[(index < 0 ? 7 : index) % SWATCHES.length] ?? '#0b0c0c';
