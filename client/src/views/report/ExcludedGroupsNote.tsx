import { useTranslation } from 'react-i18next';

/**
 * Names the groups left out of a by-group chart (fewer answers than the minimum), so a reader
 * knows they took part; groups with no answers at all are not named.
 */
export function ExcludedGroupsNote({ excluded, groupName, minGroupSize }: { excluded: { groupId: string; answers: number }[]; groupName: (id: string) => string; minGroupSize: number }) {
  const { t } = useTranslation();
  const list = excluded.filter((g) => g.answers > 0).map((g) => groupName(g.groupId));
  if (list.length === 0) return null;
  return <p className="r-hint">{t('agenda.report.excluded', { min: minGroupSize, list: list.join(', ') })}</p>;
}
