import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type CommandInput, type PublicActivity } from '../../../../../shared/index.js';
import { TextField } from '../../../components/TextField.js';
import { formatRemaining } from '../../../components/TimerBar.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';
import { Modal } from './Modal.js';
import { CLIENT_KINDS } from '../../../kinds/index.js';
import type { SettingsCheck } from '../../../kinds/types.js';

/** Timer choices in minutes; a value set otherwise (a template file) is offered as well. */
export const TIMER_MINUTES = [1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60];

interface Props {
  activity: PublicActivity;
  index: number;
  onClose: () => void;
}

/**
 * Sets up one step: its question, its timer and its kind's own settings (kinds/index.ts: a
 * scan's statements, an options step's options, values and weights — saved with this dialog's
 * Save; a vote's settings form of the results panel, with its own). Only what changed is sent,
 * so a step that has answers can still get a new question or timer.
 */
export function ActivityDialog({ activity: a, index, onClose }: Props) {
  // The server's rule, sent in the host view: answers of removed participants still lock.
  const locked = useStore((s) => s.host?.answerShapingLocked[a.id] === true);
  const { t } = useTranslation();
  const text = useActivityText();
  const run = useCommand();
  const notify = useStore((s) => s.notify);
  const [title, setTitle] = useState(a.title ?? '');
  const [timer, setTimer] = useState<number | null>(a.config.timerSeconds);
  const { Settings } = CLIENT_KINDS[a.kind];
  // The kind's settings hand over a check of their fields, called when saving.
  const settingsCheck = useRef<(() => SettingsCheck) | null>(null);
  const bind = useCallback((check: (() => SettingsCheck) | null) => {
    settingsCheck.current = check;
  }, []);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timerId = useId();
  const name = text.name(a);

  const timerOptions = TIMER_MINUTES.map((m) => m * 60);
  if (timer !== null && !timerOptions.includes(timer)) timerOptions.push(timer);
  timerOptions.sort((x, y) => x - y);

  const save = async () => {
    const payload: CommandInput<'activity:configure'> = { activityId: a.id };
    const wantedTitle = title.trim() === '' ? null : title.trim();
    if (wantedTitle !== a.title) payload.title = wantedTitle;
    if (timer !== a.config.timerSeconds) payload.timerSeconds = timer;
    const part = settingsCheck.current?.() ?? { changes: {} };
    if ('problem' in part) {
      setProblem(part.problem);
      return;
    }
    Object.assign(payload, part.changes);
    setProblem(null);
    if (Object.keys(payload).length === 1) {
      onClose();
      return;
    }
    setBusy(true);
    const ok = await run('activity:configure', payload);
    setBusy(false);
    if (ok) {
      notify({ tone: 'info', message: `${t('agenda.config.saved')}: ${name}` });
      onClose();
    }
  };

  return (
    <Modal
      title={t('agenda.config.heading', { n: index + 1, name })}
      onClose={onClose}
      footer={
        <>
          {problem ? (
            <p className="form-problems" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="button" className="btn-primary" disabled={busy} onClick={() => void save()}>
            {t('agenda.config.save')}
          </button>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t('agenda.config.close')}
          </button>
        </>
      }
    >
      <TextField
        label={t('agenda.config.question')}
        value={title}
        onChange={setTitle}
        max={LIMITS.activityTitle}
        multiline
        rows={2}
        hint={t('agenda.config.questionHint', { question: t(`kinds.${a.kind}.question`) })}
      />
      <div className="field">
        <label htmlFor={timerId}>{t('agenda.config.timer')}</label>
        <p className="field-hint" id={`${timerId}-hint`}>
          {t('agenda.config.timerHint')}
        </p>
        <select id={timerId} aria-describedby={`${timerId}-hint`} value={timer ?? ''} onChange={(e) => setTimer(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('agenda.config.timerNone')}</option>
          {timerOptions.map((s) => (
            <option key={s} value={s}>
              {s % 60 === 0 && TIMER_MINUTES.includes(s / 60) ? t('agenda.config.timerMinutes', { count: s / 60 }) : t('agenda.config.timerCustom', { time: formatRemaining(s * 1000) })}
            </option>
          ))}
        </select>
      </div>
      {Settings ? <Settings activity={a} locked={locked} bind={bind} /> : null}
    </Modal>
  );
}
