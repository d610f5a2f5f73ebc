import { DEFAULT_GROUPS, LIMITS, type Lang } from '../../../../shared/index.js';

/** Client-side checks mirroring createWorkshopSchema, so the form says what to fix before posting. */
export type CreateProblem = 'title' | 'groupsEmpty' | 'groupsDuplicate' | 'groupsNone' | 'groupsTooLong';

export function createProblems(title: string, groups: string[], lang: Lang): CreateProblem[] {
  const problems: CreateProblem[] = [];
  if (title.trim() === '') problems.push('title');
  const names = groups.map((g) => g.trim());
  if (names.length === 0) problems.push('groupsNone');
  if (names.some((n) => n === '')) problems.push('groupsEmpty');
  // Untouched defaults are left out of the body (the server fills them in), so their length is not ours to check.
  if (!isDefaultGroups(groups, lang) && names.some((n) => n.length > LIMITS.groupName)) problems.push('groupsTooLong');
  const folded = names.filter((n) => n !== '').map((n) => n.toLocaleLowerCase());
  if (new Set(folded).size !== folded.length) problems.push('groupsDuplicate');
  return problems;
}

/** The default groups of a language, in order: then the body leaves `groups` out and the server uses its defaults. */
export function isDefaultGroups(groups: string[], lang: Lang): boolean {
  return groups.length === DEFAULT_GROUPS.length && groups.every((g, i) => g.trim() === DEFAULT_GROUPS[i]?.[lang]);
}
