import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostStory } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { ModerationCard } from './ModerationCard.js';
import { useCommand } from './useCommand.js';

const NO_STORIES: HostStory[] = [];

/** Every live value with its moderation tools, then the hidden ones. Merged-away cards show only as provenance. */
export function ModerationWall() {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const allValues = useStore((s) => s.host?.allValues);
  const allStories = useStore((s) => s.host?.allStories ?? NO_STORIES);

  const { live, hidden } = useMemo(() => {
    const present = (allValues ?? []).filter((v) => v.mergedInto === null);
    return { live: present.filter((v) => !v.hidden), hidden: present.filter((v) => v.hidden) };
  }, [allValues]);
  const storiesByValue = useMemo(() => {
    const map = new Map<string, HostStory[]>();
    for (const s of allStories) map.set(s.valueId, [...(map.get(s.valueId) ?? []), s]);
    return map;
  }, [allStories]);
  const targets = useMemo(() => live.map((v) => ({ id: v.id, title: cardText(v, lang).title })), [live, lang]);

  return (
    <>
      <section className="panel" aria-labelledby="wall-h">
        <div className="panel-head">
          <h2 id="wall-h">{t('console.wall.heading')}</h2>
          <span className="muted">{t('console.wall.count', { count: live.length })}</span>
        </div>
        {live.length === 0 ? <p className="empty">{t('console.wall.empty')}</p> : null}
        <ul className="moderation-list">
          {live.map((v) => (
            <li key={v.id}>
              <ModerationCard value={v} stories={storiesByValue.get(v.id) ?? NO_STORIES} targets={targets} />
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="hidden-h">
        <h2 id="hidden-h">{t('console.wall.hiddenHeading')}</h2>
        {hidden.length === 0 ? <p className="empty">{t('console.wall.hiddenEmpty')}</p> : null}
        <ul className="hidden-list">
          {hidden.map((v) => {
            const title = cardText(v, lang).title;
            return (
              <li key={v.id}>
                <span>{title}</span>
                <button type="button" className="btn-secondary btn-small" aria-label={t('console.wall.unhideLabel', { title })} onClick={() => void run('value:hide', { valueId: v.id, hidden: false })}>
                  {t('console.wall.unhide')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
