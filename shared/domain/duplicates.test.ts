import { describe, expect, it } from 'vitest';
import { duplicateKey, suggestDuplicates } from './duplicates.js';

describe('duplicateKey', () => {
  it.each([
    ['Betaalbaarheid', 'betaalbaarheid!'],
    ['Lage kosten', 'de kosten: laag'],
    ['Woningen', 'woning'],
    ['Waarden', 'waarde'],
    ['Energiecoöperatie', 'energiecooperatie'],
    ['Houses', 'house'],
    ['Cities', 'city'],
    ['Bakken', 'bak'],
    ['Bomen', 'boom'],
    ["Oma's", 'oma'],
    ['The community', 'Community'],
  ])('%s ~ %s', (a, b) => {
    expect(duplicateKey(a)).toBe(duplicateKey(b));
  });

  it.each([
    ['Betaalbaarheid', 'Duurzaamheid'],
    ['Comfort', 'Gemeenschap'],
    ['Lage kosten', 'Hoge kosten'],
  ])('%s differs from %s', (a, b) => {
    expect(duplicateKey(a)).not.toBe(duplicateKey(b));
  });

  it('has no key for filler words only', () => {
    expect(duplicateKey('de en het')).toBe('');
  });
});

describe('suggestDuplicates', () => {
  it('groups values with the same key and leaves singles out', () => {
    expect(
      suggestDuplicates([
        { id: 'a', title: 'Betaalbaarheid' },
        { id: 'b', title: 'Comfort' },
        { id: 'c', title: 'betaalbaarheid' },
        { id: 'd', title: 'Het comfort' },
        { id: 'e', title: 'Vertrouwen' },
      ]),
    ).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });
});
