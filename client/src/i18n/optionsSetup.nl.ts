/**
 * Dutch strings of the options step's settings in the agenda's step dialog (namespace
 * `optionsSetup`): the options, the values that take part and the weights. optionsSetup.en.ts is
 * typed from this object.
 */
export const optionsSetupNl = {
  heading: 'Opties',
  languages: { nl: 'Nederlands', en: 'Engels' },
  hint: '{{min}} tot {{max}} opties, elk met een titel en een korte beschrijving in het Nederlands en het Engels. Elke telefoon toont zijn eigen taal.',
  titleRequired: 'De titel in het {{language}} (de taal van de workshop, met *) is verplicht; is de andere leeg, dan toont een telefoon in die taal deze.',
  option: 'Optie {{n}}',
  title: 'Titel van optie {{n}} ({{language}})',
  description: 'Beschrijving van optie {{n}} ({{language}})',
  titleShort: 'Titel',
  descriptionShort: 'Beschrijving',
  add: 'Optie toevoegen',
  maxReached: 'Het maximum van {{max}} opties is bereikt.',
  remove: 'Optie {{n}} verwijderen',
  up: 'Optie {{n}} omhoog',
  down: 'Optie {{n}} omlaag',
  locked: 'Er zijn antwoorden: de opties, de waarden en de gewichten liggen vast. Dupliceer de stap voor een nieuwe ronde met andere.',
  problems: {
    title: 'Optie {{n}} heeft nog geen titel in het {{language}}.',
    values_one: 'Kies ten minste {{count}} waarde.',
    values_other: 'Kies ten minste {{count}} waarden.',
  },
  values: {
    heading: 'Waarden die meedoen',
    default: 'De topwaarden van de laatste getoonde stemming, hoogstens {{count}} — gekozen als de stap opent',
    defaultHint: 'Zonder getoonde stemming ervoor: de eerste {{count}} zichtbare waarden.',
    pick: 'Zelf kiezen',
    chosen: '{{count}} van hoogstens {{max}} gekozen',
    none: 'Er zijn nog geen zichtbare waarden om te kiezen.',
  },
  weights: {
    heading: 'Gewichten van de waarden',
    equal: 'Gelijk: elke waarde weegt even zwaar',
    room: 'Het aandeel van elke waarde in een stemming, voor de hele zaal',
    group: 'Per groep: elke groep weegt met haar eigen aandelen in die stemming (een groep die niet stemde, met die van de zaal)',
    vote: 'Welke stemming',
    latest: 'De laatste getoonde stemming vóór deze stap (gekozen als de stap opent)',
    voteStep: '{{n}}. {{name}}',
    noVote: 'Er komt geen stemming vóór deze stap: de waarden wegen dan gelijk.',
  },
};
