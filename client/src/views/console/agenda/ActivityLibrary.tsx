import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, type ActivityKind, type PublicActivity } from '../../../../../shared/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useCommand } from '../useCommand.js';
import { KindIcon } from './KindIcon.js';

/**
 * The choice aid: every kind of step with one line on when it fits (the method's toolbox),
 * added at the end or after a chosen step.
 */
export function ActivityLibrary({ activities, onAdded }: { activities: PublicActivity[]; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const [open, setOpen] = useState(false);
  const [after, setAfter] = useState<string>('');
  const whereId = useId();
  const headingId = useId();
  // A step that was removed can't be the place to insert after any more.
  const afterId = activities.some((a) => a.id === after) ? after : '';
  // Opening replaces the button that had the focus, closing brings it back: the focus goes along
  // (to the library's heading, then back to the button), never to the top of the page.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (open ? headingRef.current : openRef.current)?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };

  const add = async (kind: ActivityKind) => {
    const ok = await run('agenda:add', afterId ? { kind, afterActivityId: afterId } : { kind });
    if (ok) onAdded(t(`kinds.${kind}.name`));
  };

  if (!open) {
    return (
      <button type="button" ref={openRef} className="btn-secondary agenda-add-open" onClick={() => toggle(true)} aria-expanded="false">
        + {t('agenda.library.open')}
      </button>
    );
  }
  return (
    <section className="library" aria-labelledby={headingId}>
      <div className="library-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('agenda.library.heading')}
        </h3>
        <button type="button" className="btn-link" onClick={() => toggle(false)} aria-expanded="true">
          {t('agenda.library.close')}
        </button>
      </div>
      <p className="field-hint">{t('agenda.library.hint')}</p>
      <div className="library-where">
        <label htmlFor={whereId}>{t('agenda.library.where')}</label>
        <select id={whereId} value={afterId} onChange={(e) => setAfter(e.target.value)}>
          <option value="">{t('agenda.library.atEnd')}</option>
          {activities.map((a, i) => (
            <option key={a.id} value={a.id}>
              {t('agenda.library.after', { n: i + 1, name: text.name(a) })}
            </option>
          ))}
        </select>
      </div>
      <ul className="library-list">
        {ACTIVITY_KINDS.map((kind) => {
          const name = t(`kinds.${kind}.name`);
          return (
            <li key={kind} className={`library-kind kind-${kind}`}>
              <span className="library-icon">
                <KindIcon kind={kind} />
              </span>
              <div className="library-text">
                <p className="library-name">{name}</p>
                <p className="library-when">{t(`agenda.when.${kind}`)}</p>
              </div>
              <button type="button" className="btn-secondary btn-small" aria-label={t('agenda.library.addLabel', { kind: name })} onClick={() => void add(kind)}>
                + {t('agenda.library.add')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
