import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { useCommand } from './useCommand.js';

/**
 * The server's duplicate suggestions ("These look alike: A · B — merge into A"), one click each:
 * every other card is merged into the first, the oldest.
 */
export function DuplicatesPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const duplicates = useStore((s) => s.host?.duplicates);
  const values = useStore((s) => s.host?.values);
  if (!duplicates || !values || duplicates.length === 0) return null;

  const mergeGroup = async (ids: string[]) => {
    const [targetId, ...sources] = ids;
    if (!targetId) return;
    for (const sourceId of sources) {
      if (!(await run('value:merge', { sourceId, targetId }))) break;
    }
  };

  return (
    <section className="panel panel-accent" aria-labelledby="dup-h">
      <h2 id="dup-h">{t('console.duplicates.heading')}</h2>
      <p className="field-hint">{t('console.duplicates.hint')}</p>
      <ul className="duplicates">
        {duplicates.map((ids) => {
          const titles = ids.map((id) => values.find((v) => v.id === id)).map((v) => (v ? cardText(v, lang).title : '?'));
          return (
            <li key={ids.join('+')}>
              <span>{t('console.duplicates.pair', { list: titles.join(' · ') })}</span>
              <button type="button" className="btn-primary btn-small" onClick={() => void mergeGroup(ids)}>
                {t('console.duplicates.merge', { title: titles[0] })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
