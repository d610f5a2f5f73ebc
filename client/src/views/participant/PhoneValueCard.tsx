import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicValue } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { keys, readString } from '../../lib/storage.js';
import { useStore } from '../../store/index.js';
import { PendingList } from './PendingList.js';
import { PhoneStory } from './PhoneStory.js';
import { StoryForm } from './StoryForm.js';

/** One value on the phone: its text, story count, its stories on demand, and "add my story". */
export const PhoneValueCard = memo(function PhoneValueCard({ value, canWrite }: { value: PublicValue; canWrite: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = useStore((s) => s.code) ?? '';
  const { title, description } = cardText(value, lang);
  // Written in the workshop's language unless the card has the reader's: hyphenation follows it.
  const workshopLang = useStore((s) => s.room?.language);
  const textLang = value.i18n?.[lang] ? undefined : workshopLang;
  const draftField = `story.${value.id}`;
  // A half-written story (kept across reloads) reopens its form.
  const [writing, setWriting] = useState(() => readString(keys.draft(code, draftField)) !== null);
  const [reading, setReading] = useState(false);
  const headingId = `value-${value.id}`;
  const storiesId = `stories-${value.id}`;

  return (
    <article className="phone-card" aria-labelledby={headingId}>
      <h2 id={headingId} lang={textLang}>
        {title}
      </h2>
      {description ? (
        <p className="phone-card-desc" lang={textLang}>
          {description}
        </p>
      ) : null}
      <p className="phone-card-meta">{t('phone.stories', { count: value.storyCount })}</p>
      <PendingList name="story:add" valueId={value.id} label={t('phone.pendingStory')} />
      {canWrite && writing ? <StoryForm code={code} field={draftField} valueId={value.id} valueTitle={title} onDone={() => setWriting(false)} /> : null}
      <div className="phone-card-actions">
        {canWrite && !writing ? (
          <button type="button" className="btn-secondary" onClick={() => setWriting(true)}>
            {t('phone.addStory')}
          </button>
        ) : null}
        {value.storyCount > 0 ? (
          <button type="button" className="btn-secondary" aria-expanded={reading} aria-controls={storiesId} onClick={() => setReading((r) => !r)}>
            {reading ? t('phone.hideStories') : t('phone.showStories')}
          </button>
        ) : null}
      </div>
      {reading ? (
        <ul id={storiesId} className="phone-stories">
          {value.stories.map((s) => (
            <PhoneStory key={s.id} story={s} canEndorse={canWrite} />
          ))}
        </ul>
      ) : null}
    </article>
  );
});
