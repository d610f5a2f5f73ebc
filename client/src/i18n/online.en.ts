import type { Strings } from './en.js';
import type { onlineNl } from './online.nl.js';

/** English strings: the phone's texts for steps open online after the evening; the same keys as online.nl.ts. */
export const onlineEn: Strings<typeof onlineNl> = {
  title: 'Still open online',
  until: 'You can still answer these steps until {{date}}.',
  answered: 'Answered — you can still change it',
  notAnswered: 'Not answered yet',
  back: 'Back to the list',
};
