import type { Strings } from './en.js';
import type { processNl } from './process.nl.js';

/** English strings: Process page and new process form (organiser and public); the same keys as process.nl.ts. */
export const processEn: Strings<typeof processNl> = {
  title: 'Process',
};
