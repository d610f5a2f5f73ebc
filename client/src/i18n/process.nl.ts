/**
 * Dutch strings: Process page and new process form (organiser and public). Loaded with the page that uses them (registerStrings in lazy.ts), not
 * in the phone's first download; process.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const processNl = {
  title: 'Traject',
};
