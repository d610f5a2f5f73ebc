import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/index.js';
import { keys, readString, writeString } from '../lib/storage.js';
import { en } from './en.js';
import { nl } from './nl.js';

function isLang(v: string | null | undefined): v is Lang {
  return v === 'nl' || v === 'en';
}

/** A remembered choice wins; otherwise the browser's language: Dutch for nl-*, English for the rest. */
export function detectLanguage(): Lang {
  const stored = readString(keys.lang);
  if (isLang(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  return browser.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function setLanguage(lang: Lang): void {
  writeString(keys.lang, lang);
  void i18n.changeLanguage(lang);
}

/** The current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return isLang(instance.resolvedLanguage) ? instance.resolvedLanguage : 'en';
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['nl', 'en'],
  // React escapes text itself; double escaping would show &amp; to people.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});

export { i18n };
