import { describe, expect, it } from 'vitest';
import type { OptionItem } from '../../../../shared/kinds/options/model.js';
import { optionTitle } from './OptionsBoardText.js';

const options: OptionItem[] = [
  { id: 'net', text: { nl: { title: 'Warmtenet', description: '' }, en: { title: 'Heat network', description: '' } } },
  // Filled in only in Dutch (the workshop's language): English readers see the Dutch title, as on the phone.
  { id: 'hybrid', text: { nl: { title: 'Hybride warmtepomp', description: '' }, en: { title: '', description: '' } } },
];

describe('optionTitle (board, console, report)', () => {
  it('gives the reader’s language, the other language when that title is empty, and nothing for an unknown id', () => {
    expect(optionTitle(options, 'net', 'en')).toBe('Heat network');
    expect(optionTitle(options, 'net', 'nl')).toBe('Warmtenet');
    expect(optionTitle(options, 'hybrid', 'en')).toBe('Hybride warmtepomp');
    expect(optionTitle(options, 'constructor', 'en')).toBe('');
  });
});
