/**
 * Dutch strings: "You said, we did" as the phone and the join page show it. Wired into nl.ts as `feedback` (the phone's first load: keep it small);
 * feedback.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const feedbackNl = {
  title: 'Wat er met jullie inbreng is gedaan',
};
