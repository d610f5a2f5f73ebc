import { useEffect, useState } from 'react';

/**
 * Cycles through pages of a list too long for one screen. The page size is fixed, so cards
 * never change size while the wall updates; the page only advances on a timer.
 */
export function usePaging(count: number, perPage: number, intervalMs: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / perPage));
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const id = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(id);
  }, [pages, intervalMs]);
  return { page: tick % pages, pages };
}
