import type { Answer } from '../../../../shared/index.js';
import { OPTION_SCORES, type OptionRatings, type OptionScore, type OptionsAnswer } from '../../../../shared/kinds/options/model.js';

/**
 * What a participant has chosen in "weigh the options", as edited on the phone: per option and
 * value a score −2..+2 or null ("don't know"); a value left out is not chosen yet. The "why"
 * sentences are kept as typed; the answer sent is trimmed (answerFromDraft).
 */
export interface OptionsDraft {
  ratings: OptionRatings;
  why: Record<string, string>;
}

export const EMPTY_DRAFT: OptionsDraft = { ratings: {}, why: {} };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isScore(v: unknown): v is OptionScore {
  return typeof v === 'number' && (OPTION_SCORES as readonly number[]).includes(v);
}

/** A draft as this phone wrote it to its storage (a hand-edited or older one is ignored). */
export function isOptionsDraft(v: unknown): v is OptionsDraft {
  if (!isPlainObject(v) || !isPlainObject(v.ratings) || !isPlainObject(v.why)) return false;
  return (
    Object.values(v.ratings).every((byValue) => isPlainObject(byValue) && Object.values(byValue).every((s) => s === null || isScore(s))) &&
    Object.values(v.why).every((s) => typeof s === 'string')
  );
}

/** The options answer in a stored answer, when it is one. */
export function asOptions(answer: Answer | null | undefined): OptionsAnswer | null {
  if (!answer || answer.kind !== 'options') return null;
  return answer as OptionsAnswer;
}

export function draftFromAnswer(a: OptionsAnswer): OptionsDraft {
  return {
    ratings: Object.fromEntries(Object.entries(a.ratings).map(([optionId, byValue]) => [optionId, { ...byValue }])),
    why: { ...a.why },
  };
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/**
 * The answer to send: only the options and values that take part, options without a choice
 * left out, "why" sentences trimmed (\n line ends) and empty ones left out.
 */
export function answerFromDraft(d: OptionsDraft, optionIds: readonly string[], valueIds: readonly string[]): OptionsAnswer {
  const values = new Set(valueIds);
  const ratings: OptionRatings = {};
  const why: Record<string, string> = {};
  for (const optionId of optionIds) {
    const byValue = Object.hasOwn(d.ratings, optionId) ? d.ratings[optionId] : undefined;
    if (byValue) {
      const kept = Object.fromEntries(Object.entries(byValue).filter(([valueId]) => values.has(valueId)));
      if (Object.keys(kept).length > 0) ratings[optionId] = kept;
    }
    const text = Object.hasOwn(d.why, optionId) ? clean(d.why[optionId] ?? '') : '';
    if (text !== '') why[optionId] = text;
  }
  return { kind: 'options', ratings, why };
}

/** The same choices and sentences? Key order, empty option entries and surrounding spaces don't matter. */
export function sameAnswer(a: OptionsAnswer | null, b: OptionsAnswer | null): boolean {
  if (!a || !b) return false;
  return canonical(a) === canonical(b);
}

function canonical(a: OptionsAnswer): string {
  const ratings = Object.entries(a.ratings)
    .filter(([, byValue]) => Object.keys(byValue).length > 0)
    .map(([optionId, byValue]) => [optionId, Object.entries(byValue).sort(byKey)] as const)
    .sort(byKey);
  const why = Object.entries(a.why)
    .map(([optionId, text]) => [optionId, clean(text)] as const)
    .filter(([, text]) => text !== '')
    .sort(byKey);
  return JSON.stringify([ratings, why]);
}

function byKey(x: readonly [string, unknown], y: readonly [string, unknown]): number {
  return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0;
}

/** How many of the values have a choice (a score or "don't know") for this option. */
export function chosenCount(d: OptionsDraft | OptionsAnswer, optionId: string, valueIds: readonly string[]): number {
  const byValue = Object.hasOwn(d.ratings, optionId) ? d.ratings[optionId] : undefined;
  if (!byValue) return 0;
  return valueIds.filter((id) => Object.hasOwn(byValue, id)).length;
}

/** The choice for one value: a score, null for "don't know", undefined when not chosen. */
export function choiceOf(d: OptionsDraft | OptionsAnswer, optionId: string, valueId: string): OptionScore | null | undefined {
  const byValue = Object.hasOwn(d.ratings, optionId) ? d.ratings[optionId] : undefined;
  if (!byValue || !Object.hasOwn(byValue, valueId)) return undefined;
  return byValue[valueId];
}
