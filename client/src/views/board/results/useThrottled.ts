import { useEffect, useRef, useState } from 'react';

/** The board redraws at most this often: a burst of answers becomes a few calm updates. */
export const BOARD_THROTTLE_MS = 250;

/**
 * The latest value, but updated at most once per `intervalMs` (leading and trailing): the first
 * change after a quiet spell shows at once, changes during the interval are coalesced and the
 * last of them shows when it ends. Nothing is dropped for good, only merged.
 */
export function useThrottled<T>(value: T, intervalMs: number = BOARD_THROTTLE_MS): T {
  const [shown, setShown] = useState(value);
  // The first draw counts as a draw: a change right after mounting waits its turn too.
  const lastAt = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    lastAt.current ??= Date.now();
  }, []);

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = (lastAt.current ?? 0) + intervalMs - Date.now();
    if (wait <= 0) {
      lastAt.current = Date.now();
      setShown(value);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      lastAt.current = Date.now();
      setShown(value);
    }, wait);
  }, [value, shown, intervalMs]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return shown;
}
