import { useEffect, useState } from 'react';

export interface Paging {
  /** The page on screen, from 0. */
  page: number;
  pages: number;
  /** The slice of the list on this page: list.slice(start, end). */
  start: number;
  end: number;
  /** The most items any page has: the layout is sized for it, so every page looks alike. */
  perPage: number;
}

export interface TurningPages extends Paging {
  /** The pages stay where they are until turned on again (WCAG 2.2.2: moving content can be paused). */
  paused: boolean;
  togglePaused(): void;
}

/**
 * Splits `count` items into as few pages as hold at most `maxPerPage` each, and spreads them
 * evenly: the first `count % pages` pages get one more. 14 items at most 12 a page: 7 + 7, not
 * 12 + 2; 13 at most 6: 5 + 4 + 4. Returns each page's size.
 */
export function balancedPages(count: number, maxPerPage: number): number[] {
  if (count <= 0) return [0];
  const max = Math.max(1, Math.floor(maxPerPage));
  const pages = Math.ceil(count / max);
  const base = Math.floor(count / pages);
  const extra = count % pages;
  return Array.from({ length: pages }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Where page `page` of balancedPages(count, maxPerPage) starts and ends. */
export function pageSlice(count: number, maxPerPage: number, page: number): Omit<Paging, 'page'> {
  const sizes = balancedPages(count, maxPerPage);
  const p = Math.min(Math.max(0, page), sizes.length - 1);
  const start = sizes.slice(0, p).reduce((a, b) => a + b, 0);
  return { pages: sizes.length, start, end: start + (sizes[p] ?? 0), perPage: sizes[0] ?? 0 };
}

/**
 * Cycles through the balanced pages of a list too long for one screen. The page size only
 * changes when the number of items does, so cards keep their size while the wall updates; the
 * page only advances on a timer, which the room can stop (`togglePaused`) to read a page.
 * `heldBy`: another turning list whose hold this one follows, so one button holds both.
 */
export function usePaging(count: number, maxPerPage: number, intervalMs: number, heldBy?: Pick<TurningPages, 'paused' | 'togglePaused'>): TurningPages {
  const pages = balancedPages(count, maxPerPage).length;
  const [tick, setTick] = useState(0);
  const [ownPaused, setOwnPaused] = useState(false);
  const paused = heldBy ? heldBy.paused : ownPaused;
  useEffect(() => {
    if (pages <= 1 || paused) return;
    const id = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(id);
  }, [pages, intervalMs, paused]);
  const page = tick % pages;
  const togglePaused = heldBy ? heldBy.togglePaused : () => setOwnPaused((p) => !p);
  return { page, ...pageSlice(count, maxPerPage, page), paused, togglePaused };
}
