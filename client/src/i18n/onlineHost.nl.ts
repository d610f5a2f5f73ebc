/**
 * Dutch strings: The console's and board's room/online texts (keep open online, split, under-representation). Loaded with the page that uses them (registerStrings in lazy.ts), not
 * in the phone's first download; onlineHost.en.ts is typed from this object. Plurals use `_one` / `_other`.
 */
export const onlineHostNl = {
  title: 'Online open houden',
  panel: {
    hint: 'Laat na de avond stemmen, de scan of het wegen van opties online open voor wie er niet bij kon zijn, via dezelfde link en QR-code.',
    open: 'Online open houden…',
    openAgain: 'Opnieuw online openen…',
    ended: 'De live sessie is beëindigd op {{ended}}.',
    openUntil: 'Online open tot {{until}} voor:',
    closed: 'Online antwoorden is gesloten.',
    change: 'Wijzigen…',
    close: 'Online nu sluiten',
  },
  dialog: {
    steps: 'Stappen die online antwoorden aannemen',
    noSteps: 'Er staat geen stap op het programma die antwoorden aanneemt (stemmen, scan, opties wegen).',
    deadline: 'Open tot',
    range: 'Tussen {{min}} en {{max}}.',
    outOfRange: 'Kies een moment tussen {{min}} en {{max}}.',
    pickSteps: 'Kies minstens één stap.',
    tooMany: 'Kies hoogstens {{count}} stappen.',
    endsLive: 'Dit beëindigt de live sessie: elk antwoord vanaf nu telt als online en is apart te bekijken. Deelnemen gaat weer open, via dezelfde link.',
    submitFirst: 'Live sessie beëindigen en online openen',
    submit: 'Opslaan',
    cancel: 'Annuleren',
  },
  split: {
    counts: '{{room}} in de zaal, {{online}} online',
    toggle: 'Zaal en online apart',
    room: 'In de zaal ({{count}})',
    online: 'Online ({{count}})',
    all: 'Zaal en online samen ({{count}}):',
    none: 'Nog geen antwoorden.',
    board: 'Antwoorden in de zaal {{room}} · online {{online}}',
  },
  representation: {
    heading: 'Vertegenwoordiging',
    group: 'Groep',
    invited: 'Uitgenodigd',
    tookPart: 'Deden mee',
    room: 'zaal',
    online: 'online',
    turnout: 'Opkomst',
    unknown: 'onbekend',
    under: 'ondervertegenwoordigd',
    warning: '{{group}}: {{tookPart}} van {{invited}} uitgenodigd — ondervertegenwoordigd',
    hint: 'Een groep is ondervertegenwoordigd als haar aandeel onder wie meedeed minder is dan {{percent}}% van haar aandeel onder wie was uitgenodigd (vanaf {{count}} deelnemers).',
  },
};
