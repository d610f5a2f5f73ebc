import type { Strings } from './en.js';
import type { recordNl } from './record.nl.js';

/** English strings: Participation record (participatieverslag), per workshop and per process; the same keys as record.nl.ts. */
export const recordEn: Strings<typeof recordNl> = {
  title: 'Participation record',
};
