/**
 * Dutch strings: The console's "You said, we did" editor. Loaded with the page that uses them (registerStrings in lazy.ts), not
 * in the phone's first download; feedbackEdit.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const feedbackEditNl = {
  title: 'Jullie zeiden, wij deden',
};
