/**
 * Likely duplicate values: titles with the same words after folding case and accents,
 * dropping filler words, and stripping simple Dutch and English plural endings.
 * "Betaalbaarheid" ~ "betaalbaarheid!", "Lage kosten" ~ "de kosten laag", "Woningen" ~ "woning",
 * "Bomen" ~ "boom".
 */
const STOPWORDS = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'of', 'in', 'op', 'the', 'a', 'an', 'and', 'of', 'for', 'to', 'in', 'on', 'or']);

function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('en')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // Dutch doubles a consonant before -en (bakken → bak): fold a trailing double consonant.
  if (w.length > 2 && /([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  // …and writes a long vowel single in an open syllable (laag → lage, boom → bomen): fold it.
  w = w.replace(/([aeou])\1([^aeiou]+)$/, '$1$2');
  return w;
}

/** The comparison key of a title: its folded, stemmed, sorted words. */
export function duplicateKey(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w))
    .map(stem);
  return [...new Set(words)].sort().join(' ');
}

/** Groups of two or more value ids whose titles share a key, in the order given. */
export function suggestDuplicates(values: { id: string; title: string }[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const v of values) {
    const key = duplicateKey(v.title);
    if (!key) continue;
    const ids = byKey.get(key) ?? [];
    ids.push(v.id);
    byKey.set(key, ids);
  }
  return [...byKey.values()].filter((ids) => ids.length > 1);
}
