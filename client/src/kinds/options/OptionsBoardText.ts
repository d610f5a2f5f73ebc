import { storyOrder, type ActivityResults, type Lang, type OpenAnswer, type PublicActivity } from '../../../../shared/index.js';
import { OPTION_SCORE_MAX, OPTION_SCORE_MIN, type OptionItem, type OptionsResults } from '../../../../shared/kinds/options/model.js';
import { optionText } from '../../../../shared/kinds/options/labels.js';
import { textColorOn } from '../../views/board/results/heat.js';

/** An options activity's results: the options part is there. */
export type WithOptions = ActivityResults & { options: OptionsResults };

/**
 * An option's title in the reader's language, by the shared rule the phone and the CSV use
 * (optionText: the other language's when this one's is empty); '' for an id the activity does not have.
 */
export function optionTitle(options: readonly OptionItem[], optionId: string, lang: Lang): string {
  const option = options.find((o) => o.id === optionId);
  return option ? optionText(option, lang).title : '';
}

/** A fit on −2..+2 with its sign and one decimal, with a true minus: "+0.8", "−1.2", "0.0" ("+0,8" in Dutch). */
export function formatFit(fit: number, lang: Lang): string {
  const text = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fit);
  return text.replace('-', '−');
}

/** A 0..1 share as a whole percentage, "58%". */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * The fit colours: a diverging scale from orange (works against the values) through grey-white
 * (neither) to purple (serves them), ColorBrewer "PuOr", 9 classes — readable for every kind of
 * colour vision. The number is always printed in the cell; the colour only helps the eye.
 */
const PU_OR = ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788'] as const;

type Rgb = readonly [number, number, number];
const rgb = (hex: string): Rgb => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** Background and text colour (black or white, whichever contrasts more) of a fit on −2..+2. */
export function fitColor(fit: number): { background: string; color: string } {
  const s = (Math.max(OPTION_SCORE_MIN, Math.min(OPTION_SCORE_MAX, fit)) - OPTION_SCORE_MIN) / (OPTION_SCORE_MAX - OPTION_SCORE_MIN);
  const pos = s * (PU_OR.length - 1);
  const i = Math.min(PU_OR.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = rgb(PU_OR[i] as string);
  const b = rgb(PU_OR[i + 1] as string);
  const c = [0, 1, 2].map((k) => Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f)) as unknown as Rgb;
  return { background: `rgb(${c.join(' ')})`, color: textColorOn(c) };
}

/** The legend's gradient: the same steps as the cells. */
export const FIT_GRADIENT = `linear-gradient(to right, ${PU_OR.join(', ')})`;

/**
 * The "why" sentences about one option, most endorsed first, then oldest — the order of the
 * room's stories (storyOrder), whatever order they arrive in.
 */
export function whyFor(answers: readonly OpenAnswer[], optionId: string): OpenAnswer[] {
  return answers
    .filter((a) => a.field === 'why' && a.optionId === optionId)
    .map((a) => ({ a, rank: { endorsements: a.endorsements, createdAt: a.at } }))
    .sort((x, y) => storyOrder(x.rank, y.rank))
    .map((x) => x.a);
}

/** An option's per-group mean for one value, from the results (null with no score). */
export function groupValueMean(results: OptionsResults, optionId: string, groupId: string, valueId: string): number | null {
  const o = results.options.find((x) => x.optionId === optionId);
  return o?.groups.find((g) => g.groupId === groupId)?.values.find((v) => v.valueId === valueId)?.mean ?? null;
}

/** The vote the weights come from, when the view still has it. */
export function weightsVote(results: OptionsResults, activities: readonly Pick<PublicActivity, 'id' | 'kind' | 'round'>[]): Pick<PublicActivity, 'kind' | 'round'> | null {
  const id = results.weights.voteActivityId;
  if (results.weights.mode === 'equal' || id === null) return null;
  return activities.find((a) => a.id === id) ?? null;
}
