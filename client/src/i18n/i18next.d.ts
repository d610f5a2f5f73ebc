import 'i18next';
import type { nl } from './nl.js';
import type { processNl } from './process.nl.js';
import type { recordNl } from './record.nl.js';
import type { feedbackEditNl } from './feedbackEdit.nl.js';
import type { onlineHostNl } from './onlineHost.nl.js';
import type { Strings } from './en.js';

/** Namespaces a later page registers itself (lazy.ts, registerStrings): typed here, not in nl.ts. */
export interface LazyStrings {
  process: Strings<typeof processNl>;
  record: Strings<typeof recordNl>;
  feedbackEdit: Strings<typeof feedbackEditNl>;
  onlineHost: Strings<typeof onlineHostNl>;
}

// Typed keys: t('a.missing.key') fails to compile, and t(`errors.${code}`) needs every code.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & LazyStrings };
  }
}
