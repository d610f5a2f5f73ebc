/**
 * Dutch strings: "You said, we did" as the phone and the join page show it. Wired into nl.ts as `feedback` (the phone's first load: keep it small);
 * feedback.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const feedbackNl = {
  title: 'Wat er met jullie inbreng is gedaan',
  intro: 'De organisatie schreef op wat er is gedaan met wat er in deze bijeenkomst is gezegd.',
  published: 'Gepubliceerd op {{date}}',
  aboutYou: 'Jij vond dit belangrijk',
  kind: {
    value: 'Belangrijk gevonden',
    tension: 'Hier dachten groepen verschillend over',
    option: 'Afgewogen optie',
    general: 'Over de bijeenkomst',
  },
  did: 'Wat er is gedaan',
  reason: 'Waarom',
  when: 'Wanneer',
  link: 'Meer lezen',
  jump: 'Lees wat er met de inbreng is gedaan',
};
