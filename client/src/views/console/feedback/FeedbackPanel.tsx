import { nanoid } from 'nanoid';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_LIMITS, type FeedbackEntry, type FeedbackTarget } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { feedbackEditEn } from '../../../i18n/feedbackEdit.en.js';
import { feedbackEditNl } from '../../../i18n/feedbackEdit.nl.js';
import { registerStrings } from '../../../i18n/lazy.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { FeedbackList, feedbackTargetName, type FeedbackNames } from '../../participant/FeedbackList.js';
import { FeedbackLink } from '../../participant/FeedbackLink.js';
import { locale } from '../../summary/format.js';
import { viewNames } from '../../summary/PublishedSummary.js';
import { useCommand } from '../useCommand.js';
import { FeedbackEditor, type FeedbackDraft } from './FeedbackEditor.js';
import { entriesElsewhere, feedbackTargetGroups, sameTarget, type TargetGroup } from './feedbackTargets.js';
import './feedback.css';

registerStrings('feedbackEdit', { nl: feedbackEditNl, en: feedbackEditEn });

const NO_ENTRIES: FeedbackEntry[] = [];
const GENERAL: FeedbackTarget = { kind: 'general', id: null, activityId: null };

/**
 * "You said, we did" in the console: for each top value, common-ground value, tension and option
 * (as the host view's summary and options activities list them) and in general, what was done
 * with it; publishing shows the entries at the join link, with a preview of what phones see.
 */
export function FeedbackPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const host = useStore((s) => s.host);
  const run = useCommand();
  const [draft, setDraft] = useState<FeedbackDraft | null>(null);
  if (!host) return null;

  const feedback = host.feedback ?? { publishedAt: null, entries: NO_ENTRIES };
  const names = viewNames(host, lang);
  const groups = feedbackTargetGroups(host);
  const general = feedback.entries.filter((e) => e.target.kind === 'general');
  const elsewhere = entriesElsewhere(feedback.entries, groups);
  const full = feedback.entries.length >= FEEDBACK_LIMITS.entries;
  const published = feedback.publishedAt !== null;
  // What a button or form is about, told apart where one value is both a top value and a tension.
  const label = (target: FeedbackTarget) => {
    const name = feedbackTargetName(target, names);
    if (!name) return t('feedbackEdit.general');
    return target.kind === 'tension' ? t('feedbackEdit.tensionOn', { name }) : name;
  };

  const start = (target: FeedbackTarget) => setDraft({ entryId: nanoid(), target, initial: null });
  const edit = (entry: FeedbackEntry) => setDraft({ entryId: entry.id, target: entry.target, initial: entry });
  const editorFor = (d: FeedbackDraft) => (
    <FeedbackEditor
      key={d.entryId}
      draft={d}
      label={d.target.kind === 'general' ? t('feedbackEdit.editingGeneral') : t('feedbackEdit.editing', { name: label(d.target) })}
      onDone={() => setDraft(null)}
    />
  );
  const list = (entries: FeedbackEntry[]) =>
    entries.length === 0 ? null : (
      <ul className="fb-entries">
        {entries.map((e) =>
          draft?.entryId === e.id ? (
            <li key={e.id}>{editorFor(draft)}</li>
          ) : (
            <li key={e.id}>
              <EntryCard entry={e} name={label(e.target)} onEdit={() => edit(e)} onRemove={() => void run('feedback:remove', { entryId: e.id })} />
            </li>
          ),
        )}
      </ul>
    );
  const adding = (target: FeedbackTarget) =>
    draft && draft.initial === null && sameTarget(draft.target, target) ? (
      editorFor(draft)
    ) : (
      <button type="button" className="btn-secondary btn-small" disabled={full} aria-label={target.kind === 'general' ? undefined : t('feedbackEdit.addFor', { name: label(target) })} onClick={() => start(target)}>
        {target.kind === 'general' ? t('feedbackEdit.addGeneral') : t('feedbackEdit.add')}
      </button>
    );

  return (
    <section className="panel fb-panel" aria-labelledby="fb-h">
      <h2 id="fb-h">{t('feedbackEdit.title')}</h2>
      <p className="field-hint">{t('feedbackEdit.hint')}</p>

      <div className={published ? 'fb-status is-published' : 'fb-status'}>
        <p role="status">
          {published
            ? `✓ ${t('feedbackEdit.published', { date: new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(feedback.publishedAt ?? 0)) })}`
            : t('feedbackEdit.draft')}{' '}
          <span className="fb-count">{t('feedbackEdit.count', { count: feedback.entries.length })}</span>
        </p>
        {/* One button whose action flips (publish / take back), so the focus stays on it. */}
        <button type="button" className={published ? 'btn-secondary' : 'btn-primary'} onClick={() => void run('feedback:publish', { published: !published })}>
          {published ? t('feedbackEdit.unpublish') : t('feedbackEdit.publish')}
        </button>
        {!published && feedback.entries.length === 0 ? <p className="field-hint">{t('feedbackEdit.publishEmpty')}</p> : null}
      </div>
      {full ? <p className="notice">{t('feedbackEdit.full', { max: FEEDBACK_LIMITS.entries })}</p> : null}

      {groups.length === 0 ? <p className="field-hint">{t('feedbackEdit.noResults')}</p> : null}
      {groups.map((g) => (
        <TargetGroupBlock key={g.key} group={g} names={names}>
          {(target) => (
            <>
              {list(feedback.entries.filter((e) => sameTarget(e.target, target)))}
              {adding(target)}
            </>
          )}
        </TargetGroupBlock>
      ))}

      <div className="fb-group">
        <h3>{t('feedbackEdit.groups.general')}</h3>
        {list(general)}
        {adding(GENERAL)}
      </div>

      {elsewhere.length > 0 ? (
        <div className="fb-group">
          <h3>{t('feedbackEdit.groups.other')}</h3>
          {list(elsewhere)}
        </div>
      ) : null}

      <details className="fb-preview">
        <summary>{t('feedbackEdit.preview')}</summary>
        <p className="field-hint">{t('feedbackEdit.previewHint')}</p>
        {feedback.entries.length > 0 ? <FeedbackList feedback={feedback} names={names} level={4} /> : <p className="empty">{t('feedbackEdit.none')}</p>}
      </details>
    </section>
  );
}

function TargetGroupBlock({ group, names, children }: { group: TargetGroup; names: FeedbackNames; children: (target: FeedbackTarget) => ReactNode }) {
  const { t } = useTranslation();
  const text = useActivityText();
  return (
    <div className="fb-group">
      <h3>
        {t(`feedbackEdit.groups.${group.kind}`)}
        {group.activity ? <span className="fb-group-sub">{text.question(group.activity)}</span> : null}
      </h3>
      <ul className="fb-targets">
        {group.targets.map((target) => (
          <li key={`${target.kind}:${target.activityId ?? ''}:${target.id ?? ''}`} className="fb-target">
            <h4>{feedbackTargetName(target, names)}</h4>
            {children(target)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EntryCard({ entry: e, name, onEdit, onRemove }: { entry: FeedbackEntry; name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="fb-entry">
      <p className="fb-decision">{e.decision}</p>
      {e.reason ? (
        <p>
          <strong>{t('feedback.reason')}:</strong> {e.reason}
        </p>
      ) : null}
      {e.when ? (
        <p>
          <strong>{t('feedback.when')}:</strong> {e.when}
        </p>
      ) : null}
      {e.link ? (
        <p className="fb-link">
          <strong>{t('feedback.link')}:</strong>{' '}
          <FeedbackLink link={e.link} />
        </p>
      ) : null}
      {confirming ? (
        <div className="fb-confirm" role="group" aria-label={t('feedbackEdit.removeLabel', { name })}>
          <p>{t('feedbackEdit.removeConfirm')}</p>
          <div className="row">
            <button type="button" className="btn-danger btn-small" onClick={onRemove}>
              {t('feedbackEdit.removeYes')}
            </button>
            <button type="button" className="btn-secondary btn-small" onClick={() => setConfirming(false)}>
              {t('feedbackEdit.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" className="btn-secondary btn-small" aria-label={t('feedbackEdit.editLabel', { name })} onClick={onEdit}>
            {t('feedbackEdit.edit')}
          </button>
          <button type="button" className="btn-secondary btn-small" aria-label={t('feedbackEdit.removeLabel', { name })} onClick={() => setConfirming(true)}>
            {t('feedbackEdit.remove')}
          </button>
        </div>
      )}
    </div>
  );
}
