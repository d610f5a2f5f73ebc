import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, HostParticipant } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';
import { EraseParticipant } from '../EraseParticipant.js';
import './agenda.css';

const NO_PARTICIPANTS: HostParticipant[] = [];
const NO_GROUPS: Group[] = [];

/**
 * Who joined, for the facilitator only: name (if given), group, when — and "remove
 * participant" for a phone that should not be there (after a confirmation).
 */
export function ParticipantList() {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const all = useStore((s) => s.host?.participants ?? NO_PARTICIPANTS);
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const listId = useId();
  const active = useMemo(() => all.filter((p) => !p.removed).sort((a, b) => a.joinedAt - b.joinedAt), [all]);
  const removed = all.length - active.length;
  const time = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

  return (
    <div className="participant-list">
      <div className="row">
        <button type="button" className="btn-link" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {open ? t('agenda.participants.hide') : t('agenda.participants.show', { count: active.length })}
        </button>
        {removed > 0 ? <span className="muted">{t('agenda.participants.removed', { count: removed })}</span> : null}
      </div>
      {open ? (
        <ul id={listId} aria-label={t('agenda.participants.listLabel')}>
          {active.length === 0 ? <li className="empty">{t('agenda.participants.none')}</li> : null}
          {active.map((p) => {
            const name = p.name ?? t('agenda.participants.anonymous');
            const group = groupNameById(groups, p.groupId, lang);
            return (
              <li key={p.id} className="participant-row">
                <div className="participant-who">
                  <span className={p.name ? 'participant-name' : 'participant-name is-anonymous'}>{name}</span>
                  <span className="participant-meta">
                    {group} · {t('agenda.participants.joined', { time: time.format(p.joinedAt) })}
                  </span>
                </div>
                {confirming === p.id ? (
                  <div className="participant-confirm" role="group" aria-label={t('agenda.participants.removeLabel', { name, group })}>
                    <p>{t('agenda.participants.removeConfirm', { name })}</p>
                    <div className="row">
                      <button
                        type="button"
                        className="btn-danger btn-small"
                        onClick={() => {
                          setConfirming(null);
                          void run('participant:remove', { participantId: p.id });
                        }}
                      >
                        {t('agenda.participants.removeYes')}
                      </button>
                      <button type="button" className="btn-secondary btn-small" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <button type="button" className="btn-link btn-link-danger" aria-label={t('agenda.participants.removeLabel', { name, group })} onClick={() => setConfirming(p.id)}>
                    {t('agenda.participants.remove')}
                  </button>
                )}
                <EraseParticipant participantId={p.id} who={`${name} (${group})`} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
