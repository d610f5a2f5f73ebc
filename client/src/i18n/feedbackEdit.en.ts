import type { Strings } from './en.js';
import type { feedbackEditNl } from './feedbackEdit.nl.js';

/** English strings: The console's "You said, we did" editor; the same keys as feedbackEdit.nl.ts. */
export const feedbackEditEn: Strings<typeof feedbackEditNl> = {
  title: 'You said, we did',
};
