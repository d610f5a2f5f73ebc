import { useTranslation } from 'react-i18next';
import type { Group, HostStory } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { groupNameById } from '../../lib/localized.js';
import { useCommand } from './useCommand.js';

/** A value's stories for the facilitator: who (name if given) and which group, endorsements, hide / show. */
export function ModerationStories({ stories, groups }: { stories: HostStory[]; groups: Group[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  if (stories.length === 0) return <p className="mod-nostories muted">{t('console.wall.noStories')}</p>;
  return (
    <ul className="mod-stories">
      {stories.map((s) => (
        <li key={s.id} className={s.hidden ? 'mod-story is-hidden' : 'mod-story'}>
          <p className="mod-story-text">{s.text}</p>
          <p className="mod-story-meta">
            <span>{t('console.wall.storyMeta', { author: s.author ?? t('console.wall.anonymous'), group: groupNameById(groups, s.groupId, lang) })}</span>
            {s.endorsements > 0 ? (
              <span className="endorse-count" aria-label={t('board.endorsementsLabel', { count: s.endorsements })}>
                {t('board.endorsements', { count: s.endorsements })}
              </span>
            ) : null}
            {s.hidden ? <span className="tag tag-warn">{t('console.wall.hiddenStory')}</span> : null}
            <button type="button" className="btn-link" onClick={() => void run('story:hide', { storyId: s.id, hidden: !s.hidden })}>
              {s.hidden ? t('console.wall.unhideStory') : t('console.wall.hideStory')}
            </button>
          </p>
        </li>
      ))}
    </ul>
  );
}
