import type { Lang } from '../../../../shared/index.js';
import { optionText as sharedOptionText } from '../../../../shared/kinds/options/labels.js';
import type { OptionItem } from '../../../../shared/kinds/options/model.js';

export interface OptionText {
  title: string;
  description: string;
  /** The language the texts are in, for the `lang` attribute: the reader's, or the other when the reader's title is empty. */
  lang: Lang;
}

/** An option's title and description in the reader's language (the shared rule, optionText in labels.ts), with the language shown. */
export function optionText(option: OptionItem, lang: Lang): OptionText {
  const text = sharedOptionText(option, lang);
  const own = option.text[lang].title.trim() !== '';
  return { title: text.title, description: text.description, lang: own ? lang : lang === 'nl' ? 'en' : 'nl' };
}
