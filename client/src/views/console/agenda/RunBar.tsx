import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../../shared/index.js';
import { activityActions } from '../../../../../shared/domain/permissions.js';
import { TimerBar } from '../../../components/TimerBar.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';
import { CLIENT_KINDS } from '../../../kinds/index.js';
import './agenda.css';

const NO_ACTIVITIES: PublicActivity[] = [];
/** What "+1 min" adds. */
export const EXTEND_SECONDS = 60;

/** The steps before and after the current one; with none current, "next" is the first not yet closed. */
export function neighbours(activities: PublicActivity[], currentId: string | null): { previous: PublicActivity | null; current: PublicActivity | null; next: PublicActivity | null } {
  const i = activities.findIndex((a) => a.id === currentId);
  if (i < 0) return { previous: null, current: null, next: activities.find((a) => a.status !== 'closed') ?? activities[0] ?? null };
  return { previous: activities[i - 1] ?? null, current: activities[i] ?? null, next: activities[i + 1] ?? null };
}

/**
 * Running the workshop: the current step with its timer and answers, and Previous / Next
 * (`agenda:goto`), which phones and board follow at once.
 */
export function RunBar() {
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const activities = useStore((s) => s.pub?.activities ?? NO_ACTIVITIES);
  const currentId = useStore((s) => s.pub?.currentActivityId ?? null);
  const participants = useStore((s) => s.pub?.participation.total ?? 0);
  const answered = useStore((s) => (currentId ? (s.pub?.answerCounts[currentId]?.total ?? null) : null));
  const { previous, current, next } = neighbours(activities, currentId);
  const index = current ? activities.indexOf(current) : -1;
  const goto = (a: PublicActivity) => void run('agenda:goto', { activityId: a.id });
  // Reveal or hide the current step's results, when the server accepts it (activityActions).
  const reveal = current ? (activityActions({ currentActivityId: currentId }, current).find((x) => x === 'reveal' || x === 'hide') ?? null) : null;

  return (
    <section className="run-bar" aria-label={t('agenda.run.label')}>
      <div className="run-now">
        <p className="run-kicker">
          {t('agenda.run.now')}
          {current ? <span className="run-step">{t('agenda.editor.step', { n: index + 1 })}</span> : null}
        </p>
        {current ? (
          <>
            <p className="run-name">
              {text.name(current)} <span className={`status status-${current.status}`}>{t(`status.${current.status}`)}</span>
            </p>
            <p className="run-question">{text.question(current)}</p>
            {answered !== null && CLIENT_KINDS[current.kind].answers ? <p className="run-answered">{t('agenda.run.answered', { count: answered, total: participants })}</p> : null}
          </>
        ) : (
          <>
            <p className="run-name">{t('agenda.run.nothing')}</p>
            <p className="run-question">{t('agenda.run.nothingHint')}</p>
          </>
        )}
      </div>

      {current && (current.endsAt !== null || current.status === 'open' || current.status === 'locked') ? (
        <div className="run-timer">
          {current.endsAt !== null ? <TimerBar openedAt={current.openedAt} endsAt={current.endsAt} /> : <span className="muted">{t('agenda.run.noTimer')}</span>}
          {current.status === 'open' || current.status === 'locked' ? (
            <button
              type="button"
              className="btn-secondary btn-small"
              aria-label={t('agenda.run.extendLabel', { name: text.name(current) })}
              onClick={() => void run('activity:extend', { activityId: current.id, seconds: EXTEND_SECONDS })}
            >
              {t('agenda.run.extend')}
            </button>
          ) : null}
        </div>
      ) : null}

      <div className="run-nav">
        {current && reveal ? (
          <button
            type="button"
            className="btn-secondary"
            aria-label={t('console.agenda.actionLabel', { action: t(`console.agenda.actions.${reveal}`), activity: text.name(current) })}
            onClick={() => void run('activity:control', { activityId: current.id, action: reveal })}
          >
            {t(`console.agenda.actions.${reveal}`)}
          </button>
        ) : null}
        <button type="button" className="btn-secondary" disabled={!previous} aria-label={previous ? t('agenda.run.previousLabel', { name: text.name(previous) }) : t('agenda.run.previous')} onClick={() => previous && goto(previous)}>
          ← {t('agenda.run.previous')}
        </button>
        {next ? (
          <button
            type="button"
            className="btn-primary run-next"
            aria-label={current ? t('agenda.run.nextLabel', { name: text.name(next) }) : t('agenda.run.startLabel', { name: text.name(next) })}
            onClick={() => goto(next)}
          >
            <span>
              {current ? t('agenda.run.next') : t('agenda.run.start')} <span className="run-next-name">{text.name(next)}</span>
            </span>{' '}
            →
          </button>
        ) : (
          <span className="run-end">{t('agenda.run.end')}</span>
        )}
      </div>
      <p className="run-follow field-hint">{t('agenda.run.follow')}</p>
    </section>
  );
}
