/**
 * Dutch strings: The console's and board's room/online texts (keep open online, split, under-representation). Loaded with the page that uses them (registerStrings in lazy.ts), not
 * in the phone's first download; onlineHost.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const onlineHostNl = {
  title: 'Online open houden',
};
