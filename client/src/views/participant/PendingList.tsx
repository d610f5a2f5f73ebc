import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { discard } from '../../net/outbox.js';
import { useStore } from '../../store/index.js';
import type { OutboxName, PendingCommand } from '../../store/outboxSlice.js';

/** The text of a pending command, as the participant wrote it. */
function pendingText(c: PendingCommand): string {
  switch (c.name) {
    case 'story:add':
      return c.payload.text;
    case 'value:propose':
    case 'value:add':
      return c.payload.description ? `${c.payload.title} — ${c.payload.description}` : c.payload.title;
    case 'story:endorse':
    case 'answer:submit':
      return '';
  }
}

/**
 * What this phone (or console) wrote that the server has not confirmed yet: shown in place, with its state,
 * so nothing seems lost. A refused item keeps its text visible until the participant removes it.
 */
export function PendingList({ name, valueId, label }: { name: OutboxName; valueId?: string; label: string }) {
  const { t } = useTranslation();
  const online = useStore((s) => s.status === 'online');
  const items = useStore(
    useShallow((s) => s.outbox.filter((c) => c.name === name && (valueId === undefined || (c.name === 'story:add' && c.payload.valueId === valueId)))),
  );
  if (items.length === 0) return null;
  return (
    <ul className="pending-list">
      {items.map((c) => (
        <li key={c.id} className={`pending is-${c.status}`}>
          <p className="pending-label">{label}</p>
          <p className="pending-text">{pendingText(c)}</p>
          {c.status === 'failed' ? (
            <p className="pending-state" role="alert">
              {t('common.notSent', { reason: t(`errors.${c.error ?? 'INTERNAL'}`) })}{' '}
              <button type="button" className="btn-link" onClick={() => discard(c.id)}>
                {t('common.remove')}
              </button>
            </p>
          ) : (
            <p className="pending-state">{c.status === 'delivered' ? t('common.sent') : online ? t('common.sending') : t('common.waitingForConnection')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
