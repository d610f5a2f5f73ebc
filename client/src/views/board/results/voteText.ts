import { activityValueIds, type Lang, type PublicActivity, type PublicView } from '../../../../../shared/index.js';
import type { VoteKind } from '../../../../../shared/consensus/index.js';

/** A dots, rank or points activity: the ones with a vote answer and vote results. */
export type VoteActivity = PublicActivity & { kind: VoteKind };

export function isVoteActivity(a: PublicActivity | null | undefined): a is VoteActivity {
  return a !== null && a !== undefined && (a.kind === 'dots' || a.kind === 'rank' || a.kind === 'points');
}

/**
 * A value's title in the reader's language. Results may name values that were merged since the
 * vote opened, so the title comes from `valueTitles` (every value that is not hidden).
 */
export function valueTitle(titles: PublicView['valueTitles'], id: string, lang: Lang): string {
  const v = Object.hasOwn(titles, id) ? titles[id] : undefined;
  if (!v) return '';
  return v.i18n?.[lang].title ?? v.title;
}

/** Stands for "merged into some other card": the view does not say which, and the rule only asks whether. */
const MERGED = 'merged';

/**
 * The values a vote is about, in display order, by the server's own rule (activityValueIds):
 * frozen when it opened, else every visible value, less any hidden since. The view says which
 * values exist and are not hidden (`valueTitles`) and which are visible (`values`, in display order).
 */
export function voteValueIds(activity: Pick<PublicActivity, 'config'>, pub: Pick<PublicView, 'values' | 'valueTitles'>): string[] {
  const visible = new Set(pub.values.map((v) => v.id));
  // valueTitles has every value not hidden: the visible ones and those merged into another.
  const values = Object.fromEntries(Object.keys(pub.valueTitles).map((id) => [id, { hidden: false, mergedInto: visible.has(id) ? null : MERGED }]));
  return activityValueIds({ values, valueOrder: pub.values.map((v) => v.id) }, activity);
}

/** Numbers as the reader's language writes them (0,62 in Dutch, 0.62 in English). */
export function formatNumber(n: number, lang: Lang, maxDecimals = 0, minDecimals = 0): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: maxDecimals, minimumFractionDigits: minDecimals }).format(n);
}

export function formatPercent(share: number, lang: Lang): string {
  return formatNumber(Math.round(share * 100), lang);
}

/** A lens cell or other 0..1 score as 0–100, the way the heat map prints it. */
export function score100(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

/** p to two significant digits, or "below 0.001": the board shows it modestly, never as 0. */
export function formatP(p: number, lang: Lang): { kind: 'less' | 'equals'; text: string } {
  if (p < 0.001) return { kind: 'less', text: formatNumber(0.001, lang, 3) };
  const digits = p >= 0.1 ? 2 : 3;
  return { kind: 'equals', text: formatNumber(p, lang, digits, 0) };
}
