import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerCounts, PublicActivity } from '../../../../../shared/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';
import { ActivityLibrary } from './ActivityLibrary.js';
import { AgendaItem, type DragHandlers } from './AgendaItem.js';
import './agenda.css';

const NO_ACTIVITIES: PublicActivity[] = [];
const NO_COUNTS: Record<string, AnswerCounts> = {};
const DRAG_TYPE = 'application/x-raakvlak-activity';

/**
 * Where a dragged item lands: `toIndex` is its index after the move, which is what
 * `agenda:move` takes (the server removes the item, then inserts it there).
 */
export function dropIndex(from: number, over: number, side: 'before' | 'after'): number {
  const slot = side === 'before' ? over : over + 1; // insertion point in the list as it is
  return slot > from ? slot - 1 : slot;
}

/**
 * The facilitator's agenda, before and during the workshop: the steps in order with their
 * state, reorder by dragging or with the arrows, set up, new round, remove, and the library
 * to add steps from. Every change is a command; the list follows the server's view.
 */
export function AgendaEditor() {
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const activities = useStore((s) => s.pub?.activities ?? NO_ACTIVITIES);
  const currentId = useStore((s) => s.pub?.currentActivityId ?? null);
  const counts = useStore((s) => s.pub?.answerCounts ?? NO_COUNTS);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; side: 'before' | 'after' } | null>(null);
  const [announce, setAnnounce] = useState('');

  const move = useCallback(
    async (a: PublicActivity, toIndex: number) => {
      if (toIndex < 0 || toIndex >= activities.length) return;
      if (await run('agenda:move', { activityId: a.id, toIndex })) setAnnounce(t('agenda.editor.moved', { name: text.name(a), n: toIndex + 1 }));
    },
    [activities.length, run, t, text],
  );

  const drag: DragHandlers = useMemo(() => {
    const sideOf = (e: DragEvent): 'before' | 'after' => {
      const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
      return e.clientY > box.top + box.height / 2 ? 'after' : 'before';
    };
    return {
      onDragStart: (e, index) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, String(index));
        e.dataTransfer.setData('text/plain', activities[index]?.id ?? '');
        setDragFrom(index);
      },
      onDragOver: (e, index) => {
        if (dragFrom === null) return;
        e.preventDefault(); // allows the drop
        e.dataTransfer.dropEffect = 'move';
        const side = sideOf(e);
        setDropAt((cur) => (cur?.index === index && cur.side === side ? cur : { index, side }));
      },
      onDrop: (e, index) => {
        e.preventDefault();
        const from = dragFrom ?? Number(e.dataTransfer.getData(DRAG_TYPE));
        const a = activities[from];
        setDragFrom(null);
        setDropAt(null);
        if (!a || !Number.isInteger(from)) return;
        const to = dropIndex(from, index, sideOf(e));
        if (to !== from) void move(a, to);
      },
      onDragEnd: () => {
        setDragFrom(null);
        setDropAt(null);
      },
    };
  }, [activities, dragFrom, move]);

  return (
    <section className="panel agenda-editor" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t('agenda.editor.heading')}</h2>
      {activities.length === 0 ? <p className="empty">{t('agenda.editor.empty')}</p> : null}
      <ol className="agenda">
        {activities.map((a, i) => (
          <AgendaItem
            key={a.id}
            activity={a}
            index={i}
            count={activities.length}
            isCurrent={a.id === currentId}
            answers={counts[a.id]?.total ?? 0}
            dragging={dragFrom === i}
            dropHint={dropAt && dropAt.index === i && dragFrom !== i ? dropAt.side : null}
            drag={drag}
            onMove={move}
          />
        ))}
      </ol>
      <p className="sr-only" role="status">
        {announce}
      </p>
      <ActivityLibrary activities={activities} onAdded={(name) => setAnnounce(t('agenda.editor.added', { name }))} />
    </section>
  );
}
