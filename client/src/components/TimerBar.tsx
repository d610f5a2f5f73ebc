import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './timerBar.css';

/** Ticks once a second while `active`, aligned to the wall clock's seconds so every screen in the room flips together. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      timer = setTimeout(tick, 1000 - (t % 1000) || 1000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [active]);
  return now;
}

/** "4:05", or "1:02:03" from an hour on. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Under this much time left the bar turns to its warning colour. */
export const TIMER_ENDING_MS = 30_000;

interface Props {
  openedAt: number | null;
  /** When the activity's timer runs out (server time); nothing is shown without one. */
  endsAt: number | null;
  className?: string;
}

/**
 * The activity's countdown: a bar that empties and the time left as m:ss. It counts with this
 * device's clock; the server's lock is what counts, so at 0:00 it only says time is up.
 * Sized in em, so the board (huge) and the phone (small) both use it as is.
 */
export function TimerBar({ openedAt, endsAt, className = '' }: Props) {
  const { t } = useTranslation();
  const now = useNow(endsAt !== null);
  if (endsAt === null) return null;
  const left = Math.max(0, endsAt - now);
  const total = openedAt !== null && endsAt > openedAt ? endsAt - openedAt : null;
  const fraction = total === null ? 1 : Math.min(1, left / total);
  const up = left === 0;
  const state = up ? 'is-up' : left <= TIMER_ENDING_MS ? 'is-ending' : '';
  return (
    <div className={`timer-bar ${state} ${className}`} role="timer" aria-label={t('agenda.timer.label')}>
      <div className="timer-track" aria-hidden="true">
        <div className="timer-fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <span className="timer-time">{up ? t('agenda.timer.up') : formatRemaining(left)}</span>
    </div>
  );
}
