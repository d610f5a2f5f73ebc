import { memo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityAction, PublicActivity } from '../../../../../shared/index.js';
import { activityActions } from '../../../../../shared/domain/permissions.js';
import { formatRemaining } from '../../../components/TimerBar.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useCommand } from '../useCommand.js';
import { CLIENT_KINDS } from '../../../kinds/index.js';
import { ActivityDialog } from './ActivityDialog.js';
import { BallotCapNotice, useBallotCap } from '../BallotCapNotice.js';

/**
 * The control buttons for an activity in its state: exactly the actions the server accepts
 * (activityActions is the rule decide() applies), so nothing offered is refused.
 */
export function actionsFor(a: PublicActivity, currentActivityId: string | null): ActivityAction[] {
  return activityActions({ currentActivityId }, a);
}

export interface DragHandlers {
  onDragStart: (e: DragEvent, index: number) => void;
  onDragOver: (e: DragEvent, index: number) => void;
  onDrop: (e: DragEvent, index: number) => void;
  onDragEnd: () => void;
}

interface Props {
  activity: PublicActivity;
  index: number;
  count: number;
  isCurrent: boolean;
  answers: number;
  /** 'before' / 'after' while something is dragged over this item. */
  dropHint: 'before' | 'after' | null;
  dragging: boolean;
  drag: DragHandlers;
  onMove: (activity: PublicActivity, toIndex: number) => void;
}

/** One step of the agenda: what it is, its state, and everything the facilitator can do with it. */
export const AgendaItem = memo(function AgendaItem({ activity: a, index, count, isCurrent, answers, dropHint, dragging, drag, onMove }: Props) {
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const name = text.name(a);
  // A vote with more values than fit on one ballot is not offered "open" (decide() refuses it); the notice says why.
  const capped = useBallotCap(a.id) !== null;
  const classes = ['agenda-item', isCurrent ? 'is-current' : '', dragging ? 'is-dragging' : '', dropHint ? `drop-${dropHint}` : ''].filter(Boolean).join(' ');

  return (
    <li
      className={classes}
      aria-current={isCurrent ? 'step' : undefined}
      onDragOver={(e) => drag.onDragOver(e, index)}
      onDrop={(e) => drag.onDrop(e, index)}
      data-activity-id={a.id}
    >
      <div className="agenda-head">
        <span
          className="agenda-grip"
          draggable
          role="img"
          aria-label={t('agenda.editor.dragLabel', { name })}
          title={t('agenda.editor.dragHint')}
          onDragStart={(e) => drag.onDragStart(e, index)}
          onDragEnd={drag.onDragEnd}
        >
          <span aria-hidden="true">⠿</span>
        </span>
        <span className="agenda-step" aria-hidden="true">
          {index + 1}
        </span>
        <span className="agenda-name">{name}</span>
        <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
        {isCurrent ? <span className="tag tag-now">{t('console.agenda.current')}</span> : null}
      </div>
      <p className="agenda-question">{text.question(a)}</p>
      <p className="agenda-meta">
        {CLIENT_KINDS[a.kind].answers ? <span>{t('agenda.editor.answers', { count: answers })}</span> : null}
        {a.config.timerSeconds ? (
          <span aria-label={t('agenda.editor.timerSetLabel', { time: formatRemaining(a.config.timerSeconds * 1000) })}>
            {t('agenda.editor.timerSet', { time: formatRemaining(a.config.timerSeconds * 1000) })}
          </span>
        ) : null}
        {a.revealed ? <span className="tag tag-revealed">{t('agenda.editor.revealed')}</span> : null}
      </p>

      <div className="agenda-actions">
        {actionsFor(a, isCurrent ? a.id : null)
          .filter((action) => !(capped && action === 'open'))
          .map((action) => {
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
      <BallotCapNotice activityId={a.id} />

      {confirming ? (
        <div className="agenda-confirm" role="group" aria-label={t('agenda.editor.removeLabel', { name })}>
          <p>{t(isCurrent && a.status === 'open' ? 'agenda.editor.removeConfirmRunning' : 'agenda.editor.removeConfirm', { name })}</p>
          <div className="row">
            <button
              type="button"
              className="btn-danger btn-small"
              onClick={() => {
                setConfirming(false);
                void run('agenda:remove', { activityId: a.id });
              }}
            >
              {t('agenda.editor.removeYes')}
            </button>
            <button type="button" className="btn-secondary btn-small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="agenda-tools">
          <button type="button" className="btn-icon btn-icon-small" aria-label={t('agenda.editor.moveUpLabel', { name })} title={t('agenda.editor.moveUp')} disabled={index === 0} onClick={() => onMove(a, index - 1)}>
            ↑
          </button>
          <button
            type="button"
            className="btn-icon btn-icon-small"
            aria-label={t('agenda.editor.moveDownLabel', { name })}
            title={t('agenda.editor.moveDown')}
            disabled={index === count - 1}
            onClick={() => onMove(a, index + 1)}
          >
            ↓
          </button>
          <span className="agenda-tools-links">
            <button ref={editButton} type="button" className="btn-link" aria-label={t('agenda.editor.editLabel', { name })} onClick={() => setEditing(true)}>
              {t('agenda.editor.edit')}
            </button>
            <button type="button" className="btn-link" aria-label={t('agenda.editor.duplicateLabel', { name })} onClick={() => void run('agenda:duplicate', { activityId: a.id })}>
              {t('agenda.editor.duplicate')}
            </button>
          </span>
          <button type="button" className="btn-icon btn-icon-small btn-icon-danger" aria-label={t('agenda.editor.removeLabel', { name })} title={t('agenda.editor.remove')} onClick={() => setConfirming(true)}>
            <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
              <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
            </svg>
          </button>
        </div>
      )}

      {editing ? (
        <ActivityDialog
          activity={a}
          index={index}
          onClose={() => {
            setEditing(false);
            editButton.current?.focus();
          }}
        />
      ) : null}
    </li>
  );
});
