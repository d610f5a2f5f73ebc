import { useTranslation } from 'react-i18next';
import type { ActivityAction, PublicActivity } from '../../../../shared/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { useCommand } from './useCommand.js';

const NO_ACTIVITIES: PublicActivity[] = [];

/** The buttons that make sense for an activity in its state. */
function actionsFor(a: PublicActivity, isCurrent: boolean): ActivityAction[] {
  switch (a.status) {
    case 'pending':
      return ['open'];
    case 'open':
      // An activity still open while another became current can be brought back or closed.
      return isCurrent ? ['lock', 'close'] : ['open', 'close'];
    case 'locked':
      return ['unlock', 'close'];
    case 'closed':
      return ['open'];
  }
}

export function AgendaPanel() {
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const activities = useStore((s) => s.pub?.activities ?? NO_ACTIVITIES);
  const currentId = useStore((s) => s.pub?.currentActivityId ?? null);

  return (
    <section className="panel" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t('console.agenda.heading')}</h2>
      {activities.length === 0 ? <p className="empty">{t('console.agenda.empty')}</p> : null}
      <ol className="agenda">
        {activities.map((a) => {
          const isCurrent = a.id === currentId;
          const name = text.name(a);
          return (
            <li key={a.id} className={isCurrent ? 'agenda-item is-current' : 'agenda-item'} aria-current={isCurrent ? 'step' : undefined}>
              <div className="agenda-head">
                <span className="agenda-name">{name}</span>
                <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
                {isCurrent ? <span className="tag tag-now">{t('console.agenda.current')}</span> : null}
              </div>
              <p className="agenda-question">{text.question(a)}</p>
              <div className="agenda-actions">
                {actionsFor(a, isCurrent).map((action) => {
                  const label = t(`console.agenda.actions.${action}`);
                  return (
                    <button
                      key={action}
                      type="button"
                      className={action === 'open' || action === 'unlock' ? 'btn-primary btn-small' : 'btn-secondary btn-small'}
                      aria-label={t('console.agenda.actionLabel', { action: label, activity: name })}
                      onClick={() => void run('activity:control', { activityId: a.id, action })}
                    >
                      {label}
                    </button>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
