import type { Lang } from '../../../../shared/index.js';
import type { OptionItem } from '../../../../shared/kinds/options/model.js';

export interface OptionText {
  title: string;
  description: string;
  /** The language each text is in (for the `lang` attribute): the reader's, or the other where the reader's is empty. */
  titleLang: Lang;
  descriptionLang: Lang;
}

/** An option's title and description in the reader's language, each falling back to the other language where empty. */
export function optionText(option: OptionItem, lang: Lang): OptionText {
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const pick = (field: 'title' | 'description'): [string, Lang] => (option.text[lang][field].trim() !== '' ? [option.text[lang][field], lang] : [option.text[other][field], other]);
  const [title, titleLang] = pick('title');
  const [description, descriptionLang] = pick('description');
  return { title, description, titleLang, descriptionLang };
}
