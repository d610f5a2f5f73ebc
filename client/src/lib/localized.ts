import { groupName, type Group, type Lang, type LocalizedCard } from '../../../shared/index.js';

/** A value card in the reader's language when the card has both (template cards), else as written. */
export function cardText(value: { title: string; description: string; i18n?: LocalizedCard }, lang: Lang): { title: string; description: string } {
  return value.i18n?.[lang] ?? { title: value.title, description: value.description };
}

/** Group name by id, in the reader's language; '' for an unknown id. */
export function groupNameById(groups: Group[], id: string | null, lang: Lang): string {
  const g = id ? groups.find((x) => x.id === id) : undefined;
  return g ? groupName(g, lang) : '';
}
