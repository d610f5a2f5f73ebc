import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, HostStory, HostValue } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { MergeForm } from './MergeForm.js';
import { ModerationStories } from './ModerationStories.js';
import { useOriginText, useProvenanceText } from './provenance.js';
import { useCommand } from './useCommand.js';
import { ValueEditForm } from './ValueEditForm.js';

const NO_GROUPS: Group[] = [];

interface Props {
  value: HostValue;
  stories: HostStory[];
  /** Live values to merge into (this one is filtered out). */
  targets: { id: string; title: string }[];
}

/** One value in the console: text, origin and provenance, edit / hide / merge, and its stories. */
export const ModerationCard = memo(function ModerationCard({ value, stories, targets }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const originText = useOriginText(groups);
  const provenanceText = useProvenanceText(groups);
  const [mode, setMode] = useState<'view' | 'edit' | 'merge'>('view');
  const { title, description } = cardText(value, lang);
  const headingId = `mod-${value.id}`;

  return (
    <article className="mod-card" aria-labelledby={headingId}>
      <div className="mod-card-head">
        <div>
          <h3 id={headingId}>{title}</h3>
          {description ? <p className="mod-desc">{description}</p> : null}
          <p className="mod-meta">
            <span className={`tag tag-${value.origin}`}>{originText(value.origin, value.groupId)}</span>
            <span className="muted">{t('console.wall.stories', { count: value.storyCount })}</span>
          </p>
          {value.provenance.length > 1 ? <p className="mod-provenance">{t('console.wall.mergedFrom', { list: provenanceText(value.provenance) })}</p> : null}
        </div>
        {mode === 'view' ? (
          <div className="mod-actions">
            <button type="button" className="btn-secondary btn-small" aria-label={t('console.wall.editLabel', { title })} onClick={() => setMode('edit')}>
              {t('console.wall.edit')}
            </button>
            <button type="button" className="btn-secondary btn-small" aria-label={t('console.wall.hideLabel', { title })} onClick={() => void run('value:hide', { valueId: value.id, hidden: true })}>
              {t('console.wall.hide')}
            </button>
            <button type="button" className="btn-secondary btn-small" aria-label={t('console.wall.mergeLabel', { title })} onClick={() => setMode('merge')} disabled={targets.length < 2}>
              {t('console.wall.merge')}
            </button>
          </div>
        ) : null}
      </div>
      {/* Editing changes the card as written; it drops the template's other language (shared rule). */}
      {mode === 'edit' ? <ValueEditForm valueId={value.id} initialTitle={value.title} initialDescription={value.description} onDone={() => setMode('view')} /> : null}
      {mode === 'merge' ? <MergeForm sourceId={value.id} targets={targets.filter((x) => x.id !== value.id)} onDone={() => setMode('view')} /> : null}
      <ModerationStories stories={stories} groups={groups} />
    </article>
  );
});
