import type { Strings } from './en.js';
import type { onlineHostNl } from './onlineHost.nl.js';

/** English strings: The console's and board's room/online texts (keep open online, split, under-representation); the same keys as onlineHost.nl.ts. */
export const onlineHostEn: Strings<typeof onlineHostNl> = {
  title: 'Keep open online',
};
