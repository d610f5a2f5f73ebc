import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicValue } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';

/** A word longer than this does not fit a regular card's width at full title size. */
const LONG_WORD_CHARS = 15;

/**
 * A value on the wall: title, story count, and its most-endorsed stories (the view already sorts
 * them, and only carries an author name when the facilitator allowed names).
 */
export const BoardCard = memo(function BoardCard({ value, stories }: { value: PublicValue; stories: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { title } = cardText(value, lang);
  // Written in the workshop's language unless the card has the board's: hyphenation follows it.
  const workshopLang = useStore((s) => s.pub?.language);
  const textLang = value.i18n?.[lang] ? undefined : workshopLang;
  const top = value.stories.slice(0, stories);
  // Dutch compounds ("Toekomstbestendigheid") don't fit a card at full size; shrink those titles.
  const longest = Math.max(...title.split(/\s+/).map((w) => w.length));
  const headingId = useId();
  return (
    <article className="board-card" aria-labelledby={headingId}>
      <header className="board-card-head">
        <p className={value.storyCount > 0 ? 'board-card-count' : 'board-card-count is-zero'}>{t('board.stories', { count: value.storyCount })}</p>
        <h2 id={headingId} lang={textLang} className={longest > LONG_WORD_CHARS ? 'is-long' : undefined}>
          {title}
        </h2>
      </header>
      {top.length === 0 ? (
        <p className="board-card-none">{t('board.noStories')}</p>
      ) : (
        <ul className="board-stories">
          {top.map((s) => (
            <li key={s.id} className="board-story">
              <p className="board-story-text" lang={workshopLang}>
                {s.text}
              </p>
              <p className="board-story-meta">
                {s.endorsements > 0 ? (
                  <span className="endorse-count" aria-label={t('board.endorsementsLabel', { count: s.endorsements })}>
                    {t('board.endorsements', { count: s.endorsements })}
                  </span>
                ) : null}
                {s.author ? <span className="board-story-author">{s.author}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
});
