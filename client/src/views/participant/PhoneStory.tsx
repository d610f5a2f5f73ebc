import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicStory } from '../../../../shared/index.js';
import { enqueue } from '../../net/outbox.js';
import { useStore } from '../../store/index.js';

/** One story on the phone, with "I recognise this" — never for your own, and once each. */
export function PhoneStory({ story, canEndorse }: { story: PublicStory; canEndorse: boolean }) {
  const { t } = useTranslation();
  const ownId = useId();
  const own = useStore((s) => s.self?.storyIds.includes(story.id) ?? false);
  const endorsed = useStore((s) => s.self?.endorsedStoryIds.includes(story.id) ?? false);
  const pending = useStore((s) => s.outbox.some((c) => c.name === 'story:endorse' && c.payload.storyId === story.id && c.status !== 'failed'));
  const excerpt = story.text.length > 60 ? `${story.text.slice(0, 60)}…` : story.text;
  // Count an endorsement on its way optimistically, so the tap shows at once.
  const count = story.endorsements + (pending ? 1 : 0);

  return (
    <li className="phone-story">
      <p className="phone-story-text">{story.text}</p>
      {story.author ? <p className="phone-story-author">{t('phone.byAuthor', { name: story.author })}</p> : null}
      <div className="phone-story-foot">
        {count > 0 ? (
          <span className="endorse-count" aria-label={t('phone.endorsements', { count })}>
            +{count}
          </span>
        ) : null}
        {own ? (
          <span id={ownId} className="tag">
            {t('phone.ownStory')}
          </span>
        ) : null}
        {canEndorse ? (
          <button
            type="button"
            className={endorsed ? 'btn-endorse is-done' : 'btn-endorse'}
            disabled={own || endorsed || pending}
            aria-label={t('phone.endorseLabel', { text: excerpt })}
            aria-describedby={own ? ownId : undefined}
            onClick={() => enqueue('story:endorse', { storyId: story.id })}
          >
            {endorsed ? `✓ ${t('phone.endorsed')}` : pending ? t('common.sending') : t('phone.endorse')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
