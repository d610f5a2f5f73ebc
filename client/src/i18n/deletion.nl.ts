/** Dutch strings of the `deletion` namespace: deleting a workshop, erasing a participant's data. */
export const deletionNl = {
  gate: {
    deleted: 'Deze workshop is verwijderd.',
    deletedBody: 'De begeleider heeft de workshop met alles erin verwijderd, of hij werd lang niet gebruikt. Er staat niets meer van op de server.',
  },
  console: {
    heading: 'Workshop verwijderen',
    intro: 'Klaar en de uitkomsten bewaard? Verwijder de workshop dan met alles erin van de server.',
    start: 'Deze workshop verwijderen…',
    what_one:
      'Dit verwijdert voorgoed: {{count}} deelnemer met naam, alle verhalen (ook de verborgen), alle antwoorden en uitkomsten, de waarden en de agenda. Telefoons en het scherm tonen daarna dat de workshop verwijderd is. Download eerst de export als je de uitkomsten wilt houden.',
    what_other:
      'Dit verwijdert voorgoed: {{count}} deelnemers met hun namen, alle verhalen (ook de verborgen), alle antwoorden en uitkomsten, de waarden en de agenda. Telefoons en het scherm tonen daarna dat de workshop verwijderd is. Download eerst de export als je de uitkomsten wilt houden.',
    typeCode: 'Typ de code {{code}} om te bevestigen',
    confirm: 'Voorgoed verwijderen',
    deleting: 'Verwijderen…',
    failed: 'Verwijderen is niet gelukt. {{reason}}',
    erase: 'Gegevens wissen',
    eraseLabel: 'Gegevens wissen van {{who}}',
    eraseWhat: 'Alles van {{who}} wissen: naam, verhalen, antwoorden en steunbetuigingen, ook uit de uitkomsten en de export? Voorgestelde waarden blijven, zonder naam. Dit kan niet ongedaan worden.',
    eraseConfirm: 'Wissen',
  },
  phone: {
    start: 'Mijn gegevens wissen',
    what: 'Dit wist je naam, je verhalen, je antwoorden en je steunbetuigingen uit deze workshop, ook uit de uitkomsten en de export. Waarden die je voorstelde blijven staan, zonder jouw naam. Dit kan niet ongedaan worden.',
    confirm: 'Ja, wis mijn gegevens',
    erasing: 'Wissen…',
    failed: 'Wissen is niet gelukt. {{reason}}',
  },
};
