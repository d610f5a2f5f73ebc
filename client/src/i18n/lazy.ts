import { i18n } from './index.js';
import type { Lang } from '../../../shared/index.js';
import type { LazyStrings } from './i18next.js';

/**
 * Strings that only a page loaded later needs (the process page, the participation record, the
 * console's editors) are not in the phone's first download: the page's module registers them,
 * both languages at once, before it renders. Their keys are typed like the others
 * (i18next.d.ts, LazyStrings). Registering twice is harmless.
 */
export function registerStrings<K extends keyof LazyStrings>(key: K, strings: Record<Lang, LazyStrings[K]>): void {
  for (const lang of ['nl', 'en'] as const) {
    if (!i18n.hasResourceBundle(lang, 'translation') || i18n.getResource(lang, 'translation', key) === undefined) {
      i18n.addResourceBundle(lang, 'translation', { [key]: strings[lang] }, true, false);
    }
  }
}
