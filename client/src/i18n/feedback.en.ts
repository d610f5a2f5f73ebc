import type { Strings } from './en.js';
import type { feedbackNl } from './feedback.nl.js';

/** English strings: "You said, we did" as the phone and the join page show it; the same keys as feedback.nl.ts. */
export const feedbackEn: Strings<typeof feedbackNl> = {
  title: 'What was done with what you said',
  intro: 'The organisers wrote down what was done with what was said at this meeting.',
  published: 'Published on {{date}}',
  aboutYou: 'You said this mattered',
  kind: {
    value: 'Put high by the room',
    tension: 'Groups saw this differently',
    option: 'An option weighed',
    general: 'About the meeting',
  },
  did: 'What was done',
  reason: 'Why',
  when: 'When',
  link: 'Read more',
  jump: 'Read what was done with what was said',
};
