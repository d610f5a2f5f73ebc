import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankAnswer } from '../../../../../shared/consensus/index.js';
import { CardDescription } from './CardDescription.js';
import type { VoteItem } from './useVoteValues.js';
import { useDragReorder } from './useDragReorder.js';

interface Props {
  items: VoteItem[];
  answer: RankAnswer;
  onChange: (answer: RankAnswer) => void;
  /** How many to rank (rankLength: the same K the server checks). */
  k: number;
  disabled: boolean;
}

type Focus = { valueId: string; control: 'up' | 'down' } | null;

/**
 * Rank: tap values to add them to "your order", then reorder by dragging the handle or with the
 * up/down buttons. Every change is announced ("Affordability moved to place 2"), and focus stays
 * on the control that moved, so a screen-reader or keyboard user can keep moving the same value.
 */
export function RankInput({ items, answer, onChange, k, disabled }: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byId = new Map(items.map((v) => [v.id, v]));
  const order = answer.order.filter((id) => byId.has(id));
  const rest = items.filter((v) => !order.includes(v.id));
  const full = order.length >= k;
  const titleOf = (id: string) => byId.get(id)?.title ?? '';

  const commit = (next: string[], message: string) => {
    onChange({ kind: 'rank', order: next });
    setAnnouncement(message);
  };

  const move = (from: number, to: number, control: 'up' | 'down' | null) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [id] = next.splice(from, 1) as [string];
    next.splice(to, 0, id);
    commit(next, t('vote.phone.movedTo', { value: titleOf(id), place: to + 1 }));
    if (control) {
      // At the top "up" is disabled: keep focus on the other button of the same value.
      const edge = (control === 'up' && to === 0) || (control === 'down' && to === next.length - 1);
      setFocus({ valueId: id, control: edge ? (control === 'up' ? 'down' : 'up') : control });
    }
  };

  const drag = useDragReorder(listRef, order.length, (from, to) => move(from, to, null));

  useEffect(() => {
    if (!focus) return;
    const el = listRef.current?.querySelector<HTMLButtonElement>(`[data-focus="${focus.control}-${focus.valueId}"]`);
    if (el && !el.disabled) el.focus();
    setFocus(null);
  }, [focus]);

  return (
    <div className="rank">
      <h2 className="rank-h">{t('vote.phone.rankYours')}</h2>
      {order.length === 0 ? <p className="rank-empty">{t('vote.phone.rankEmpty')}</p> : null}
      <ol className="rank-list" ref={listRef} aria-label={t('vote.phone.rankYours')}>
        {order.map((id, i) => {
          const title = titleOf(id);
          return (
            <li key={id} className={drag.draggingIndex === i ? 'rank-item is-dragging' : 'rank-item'} data-rank-index={i}>
              {disabled ? (
                <span className="drag-handle" aria-hidden="true">
                  <span className="rank-num">{i + 1}</span>
                </span>
              ) : (
                // The up/down buttons are the accessible way to reorder; the handle is for fingers and mice.
                <span className="drag-handle" aria-hidden="true" title={t('vote.phone.dragHandle', { value: title })} onPointerDown={(e) => drag.start(e, i)}>
                  <span className="drag-grip">⠿</span>
                  <span className="rank-num">{i + 1}</span>
                </span>
              )}
              <span className="rank-title">
                <span className="sr-only">{t('vote.phone.rankPlace', { place: i + 1 })}: </span>
                {title}
              </span>
              {disabled ? null : (
                <span className="rank-buttons">
                  <button type="button" className="step-btn" data-focus={`up-${id}`} aria-label={t('vote.phone.moveUp', { value: title })} disabled={i === 0} onClick={() => move(i, i - 1, 'up')}>
                    ▲
                  </button>
                  <button
                    type="button"
                    className="step-btn"
                    data-focus={`down-${id}`}
                    aria-label={t('vote.phone.moveDown', { value: title })}
                    disabled={i === order.length - 1}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    ▼
                  </button>
                  <button
                    type="button"
                    className="step-btn step-remove"
                    aria-label={t('vote.phone.removeRanked', { value: title })}
                    onClick={() => commit(order.filter((x) => x !== id), t('vote.phone.removedFrom', { value: title }))}
                  >
                    ✕
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {disabled || rest.length === 0 ? null : (
        <div className="rank-pick">
          <h2 className="rank-h">{t('vote.phone.rankPick')}</h2>
          {full ? <p className="field-hint">{t('vote.phone.rankFull')}</p> : null}
          <ul className="rank-choices">
            {rest.map((v) => (
              <li key={v.id} className="rank-choice-item" lang={v.lang}>
                <button
                  type="button"
                  className="rank-choice"
                  disabled={full}
                  aria-label={t('vote.phone.rankAdd', { value: v.title, place: order.length + 1 })}
                  onClick={() => commit([...order, v.id], t('vote.phone.addedAt', { value: v.title, place: order.length + 1 }))}
                >
                  <span className="rank-choice-plus" aria-hidden="true">
                    +
                  </span>
                  <span className="rank-choice-title">{v.title}</span>
                </button>
                {v.description ? <CardDescription id={`rank-desc-${v.id}`} text={v.description} value={v.title} className="rank-choice-desc" /> : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="sr-only" aria-live="assertive" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
