import type { Strings } from './en.js';
import type { feedbackNl } from './feedback.nl.js';

/** English strings: "You said, we did" as the phone and the join page show it; the same keys as feedback.nl.ts. */
export const feedbackEn: Strings<typeof feedbackNl> = {
  title: 'What was done with what you said',
};
