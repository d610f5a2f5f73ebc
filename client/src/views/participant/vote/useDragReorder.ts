import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

/**
 * Reordering a vertical list by dragging a handle, with pointer events (mouse, touch and pen
 * alike; HTML5 drag and drop does not work with touch). The item moves in the list as the pointer
 * crosses its neighbours, so what you see is the order you get; `onMove(from, to)` is called for
 * every step. Items carry `data-rank-index`; the handle needs `touch-action: none`.
 */
export function useDragReorder(listRef: RefObject<HTMLElement | null>, count: number, onMove: (from: number, to: number) => void) {
  const [draggingIndex, setDraggingIndex] = useState<number | null>(null);
  const onMoveRef = useRef(onMove);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => {
    onMoveRef.current = onMove;
  });
  useEffect(() => () => stop.current?.(), []);

  const start = (e: ReactPointerEvent<HTMLElement>, index: number) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    stop.current?.();
    const pointerId = e.pointerId;
    let current = index;
    setDraggingIndex(index);

    // On window, not the handle: React moves the item's node while we drag, which would end a capture.
    const move = (ev: PointerEvent) => {
      if (ev.pointerId !== pointerId) return;
      const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-rank-index]') ?? []);
      if (items.length === 0) return;
      let target = current;
      const first = items[0]?.getBoundingClientRect();
      const last = items[items.length - 1]?.getBoundingClientRect();
      if (first && ev.clientY < first.top) target = 0;
      else if (last && ev.clientY > last.bottom) target = items.length - 1;
      else
        items.forEach((el, i) => {
          const r = el.getBoundingClientRect();
          // Past the middle of a neighbour, not just its edge: no flicker at the boundary.
          if (i < current && ev.clientY < r.top + r.height / 2) target = Math.min(target, i);
          if (i > current && ev.clientY > r.top + r.height / 2) target = Math.max(target, i);
        });
      target = Math.max(0, Math.min(count - 1, target));
      if (target !== current) {
        onMoveRef.current(current, target);
        current = target;
        setDraggingIndex(target);
      }
    };
    const end = (ev: PointerEvent) => {
      if (ev.pointerId === pointerId) stop.current?.();
    };
    const cleanup = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      stop.current = null;
      setDraggingIndex(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    stop.current = cleanup;
  };

  return { draggingIndex, start };
}
