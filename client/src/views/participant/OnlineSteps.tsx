import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onlineOpenFor } from '../../../../shared/domain/online.js';
import type { PublicActivity, RoomView } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { PublishedSummary } from '../summary/PublishedSummary.js';
import { PhoneActivity } from './PhoneActivity.js';
import './online.css';

/** The longest wait before the clock is read again (a timeout far beyond 24 days overflows). */
const RECHECK_MAX_MS = 60 * 60_000;

/**
 * Now, read again at `until` (and at least hourly before it), so what depends on a deadline
 * changes when it passes without waiting for a message from the server.
 */
export function useNowUntil(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null || now >= until) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(until - now, RECHECK_MAX_MS) + 1);
    return () => clearTimeout(timer);
  }, [now, until]);
  return now;
}

/** The steps that take answers online right now, in agenda order (onlineOpenFor: the one rule the server uses too). */
export function useOnlineSteps(): PublicActivity[] {
  const room = useStore((s) => s.room);
  const now = useNowUntil(room?.online?.until ?? null);
  if (!room?.online) return [];
  return openOnline(room, now);
}

function openOnline(room: RoomView, now: number): PublicActivity[] {
  return room.activities.filter((a) => onlineOpenFor(room, a.id, now));
}

/**
 * The kinds' phone parts take answers while a step's status is 'open'; a step open online takes
 * them whatever its status in the evening was, and with no timer (the server's rule is
 * onlineOpenFor), so it is shown to them as open.
 */
function asOpenOnline(a: PublicActivity): PublicActivity {
  return { ...a, status: 'open', endsAt: null };
}

/**
 * After the evening: the steps still open online, until when, and whether this phone answered
 * each; tapping one shows its kind's phone step, with a way back to the list.
 */
export function OnlineSteps({ steps, picked, onPick }: { steps: PublicActivity[]; picked: string | null; onPick: (id: string | null) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const until = useStore((s) => s.room?.online?.until ?? null);
  const answered = useStore((s) => s.self?.answers);
  const step = picked === null ? undefined : steps.find((a) => a.id === picked);
  if (step) {
    return (
      <>
        <button type="button" className="btn-secondary online-back" onClick={() => onPick(null)}>
          ← {t('online.back')}
        </button>
        <PhoneActivity online={asOpenOnline(step)} />
      </>
    );
  }
  const date = until === null ? '' : new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(until));
  return (
    <>
      <section className="online-steps" aria-labelledby="online-steps-h">
        <h1 id="online-steps-h">{t('online.title')}</h1>
        <p>{t('online.until', { date })}</p>
        <ul className="online-list">
          {steps.map((a) => {
            const done = answered !== undefined && Object.hasOwn(answered, a.id);
            return (
              <li key={a.id}>
                <button type="button" className="online-step" onClick={() => onPick(a.id)}>
                  <span className="online-step-name">{text.name(a)}</span>
                  <span className="online-step-question">{text.question(a)}</span>
                  <span className={done ? 'online-step-state is-done' : 'online-step-state'}>{done ? `✓ ${t('online.answered')}` : t('online.notAnswered')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <PublishedSummary variant="phone" />
    </>
  );
}
