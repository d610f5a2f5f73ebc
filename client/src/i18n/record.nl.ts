/**
 * Dutch strings: Participation record (participatieverslag), per workshop and per process. Loaded with the page that uses them (registerStrings in lazy.ts), not
 * in the phone's first download; record.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const recordNl = {
  title: 'Participatieverslag',
};
