/**
 * Dutch strings: the phone's texts for steps open online after the evening. Wired into nl.ts as `online` (the phone's first load: keep it small);
 * online.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const onlineNl = {
  title: 'Nog online open',
  until: 'Je kunt deze stappen nog beantwoorden tot {{date}}.',
  answered: 'Beantwoord — je kunt het nog wijzigen',
  notAnswered: 'Nog niet beantwoord',
  back: 'Terug naar de lijst',
};
