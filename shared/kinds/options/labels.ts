/**
 * Small rules about the options' texts and the "why" open answers that every side uses (the
 * board, the phone, the report, the CSV). Zod-free, so the phone's bundle can import them.
 */
import type { Lang } from '../../domain/types.js';
import type { OptionItem } from './model.js';

/**
 * An option's title and description in a language. A title is required only in the workshop's
 * language (checkOptionsConfig), so when this language's title is empty the other language's
 * text is shown instead (title and description together, so they match).
 */
export function optionText(option: OptionItem, lang: Lang): { title: string; description: string } {
  const own = option.text[lang];
  if (own.title.trim() !== '') return own;
  const other = option.text[lang === 'nl' ? 'en' : 'nl'];
  return other.title.trim() !== '' ? other : own;
}

/** The open-answer field of the "why" sentence about one option: `why.<optionId>`. */
export const WHY_PREFIX = 'why.';

export function whyField(optionId: string): string {
  return `${WHY_PREFIX}${optionId}`;
}

/** The option id of a `why.<optionId>` field; null for any other field. */
export function whyOptionId(field: string): string | null {
  return field.startsWith(WHY_PREFIX) && field.length > WHY_PREFIX.length ? field.slice(WHY_PREFIX.length) : null;
}

/**
 * The id of one "why" sentence on the board, what `open-answer:endorse` takes:
 * `<activityId>:<participantId>:<answerId>:why.<optionId>` — the scan's open-answer id with the
 * field `why.<optionId>`. A changed answer is a new submission (answerId), so its sentences are
 * new entries with no endorsements.
 */
export function whyOpenAnswerId(activityId: string, participantId: string, answerId: string, optionId: string): string {
  return `${activityId}:${participantId}:${answerId}:${whyField(optionId)}`;
}
