import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicValue, PublicView } from '../../../../../shared/index.js';
import type { VoteResults } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { valueTitle } from './voteText.js';

/** How many of the top values get a story beside them. */
const TOP_VALUES = 3;

/**
 * "Telling alongside counting": for the top values, the story participants recognised most
 * (the view sorts stories most endorsed first). Only the room's own stories, never who voted what.
 */
export function TopStories({ vote, values, titles }: { vote: VoteResults; values: PublicValue[]; titles: PublicView['valueTitles'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const byId = new Map(values.map((v) => [v.id, v]));
  const items = vote.values.slice(0, TOP_VALUES).flatMap((r) => {
    const story = byId.get(r.valueId)?.stories[0];
    return story ? [{ valueId: r.valueId, position: r.position, story }] : [];
  });
  return (
    <section className="vr-card vr-stories" aria-labelledby={headingId}>
      <h2 id={headingId} className="vr-card-h">
        {t('vote.board.stories')}
      </h2>
      {items.length === 0 ? (
        <p className="vr-none">{t('vote.board.storiesNone')}</p>
      ) : (
        <ul className="vr-story-list">
          {items.map(({ valueId, position, story }) => (
            <li key={story.id} className="vr-story">
              <p className="vr-story-value">
                <span className="vr-story-pos">{position}</span> {valueTitle(titles, valueId, lang)}
              </p>
              <blockquote className="vr-story-text">{story.text}</blockquote>
              <p className="vr-story-meta">
                {story.endorsements > 0 ? (
                  <span className="endorse-count" aria-label={t('vote.board.endorsementsLabel', { count: story.endorsements })}>
                    {t('vote.board.endorsements', { count: story.endorsements })}
                  </span>
                ) : null}
                {story.author ? <span className="vr-story-author">{story.author}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
