import { useTranslation } from 'react-i18next';
import { groupName, type Group } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { RepresentationWarning } from './RepresentationWarning.js';

const NO_GROUPS: Group[] = [];

/**
 * Participants per group, live — counts only, never who — and the under-representation warning.
 * The colour swatch is decoration; the name carries the meaning.
 */
export function GroupCounts() {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const total = useStore((s) => s.pub?.participation.total ?? 0);
  const byGroup = useStore((s) => s.pub?.participation.byGroup);
  return (
    <section className="group-counts" aria-label={t('board.groupsLabel')}>
      <p className="group-total">{t('board.participants', { count: total })}</p>
      <ul>
        {groups.map((g, i) => (
          <li key={g.id} className={`group-count swatch-${i % 8}`}>
            <span className="group-count-name">{groupName(g, lang)}</span>
            <span className="group-count-n">{byGroup?.[g.id] ?? 0}</span>
          </li>
        ))}
      </ul>
      <RepresentationWarning />
    </section>
  );
}
