import type { Lang } from '../../../../shared/index.js';

/** Numbers in the reader's language: 3,8 in Dutch, 3.8 in English. */
export function formatNumber(n: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A share 0..1 as a whole percentage. */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function locale(lang: Lang): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}
