import 'i18next';
import type { nl } from './nl.js';

// Typed keys: t('a.missing.key') fails to compile, and t(`errors.${code}`) needs every code.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
