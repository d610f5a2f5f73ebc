import type { Lang, Localized, ProcessGroup, ProcessReport, ValueSeries } from '../../../../shared/index.js';

/** A group's name in the reader's language when it has both (the default groups), else as written. */
export function groupLabel(group: Pick<ProcessGroup, 'name' | 'i18n'>, lang: Lang): string {
  return group.i18n ? group.i18n[lang] : group.name;
}

/** A value's title in the reader's language when the card has both, else as written. */
export function valueLabel(value: Pick<ValueSeries, 'title' | 'i18n'>, lang: Lang): string {
  return value.i18n?.[lang]?.title ?? value.title;
}

/** Lookups by id over one report (Maps: ids from the server are keys, never plain-object properties). */
export function reportNames(report: ProcessReport, lang: Lang) {
  const groups = new Map(report.groups.map((g) => [g.id, groupLabel(g, lang)]));
  const values = new Map(report.values.map((v) => [v.valueId, valueLabel(v, lang)]));
  return {
    group: (id: string) => groups.get(id) ?? '',
    value: (id: string | null) => (id === null ? '' : (values.get(id) ?? '')),
  };
}

export function formats(lang: Lang) {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return {
    percent: (n: number) => percent.format(n),
    two: (n: number) => two.format(n),
    one: (n: number) => one.format(n),
    whole: (n: number) => whole.format(n),
    date: (ms: number) => date.format(ms),
  };
}

/** Text in both languages, in the reader's; the other language when the reader's is empty. */
export function localizedText(text: Localized, lang: Lang): string {
  return text[lang] || text[lang === 'nl' ? 'en' : 'nl'];
}
