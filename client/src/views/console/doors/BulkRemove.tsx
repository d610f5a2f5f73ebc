import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinedFrom, type HostParticipant } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { clockFormat, dateFormat, fromTimeInput, toTimeInput } from './time.js';

const NO_PARTICIPANTS: HostParticipant[] = [];

/**
 * "Remove everyone who joined from <time> on": a time field (or a minute picked in the chart),
 * then a confirm step that names how many it removes, counted with the rule the server applies
 * (joinedFrom). `from` is the moment picked elsewhere; each new pick opens the confirm step.
 */
export function BulkRemove({ from, pickedAt }: { from: number | null; pickedAt: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const participants = useStore((s) => s.host?.participants ?? NO_PARTICIPANTS);
  const reference = participants.reduce((latest, p) => Math.max(latest, p.joinedAt), 0) || Date.now();
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const confirmRef = useRef<HTMLDivElement>(null);
  const time = clockFormat(lang);

  // A minute picked in the chart or the burst warning: fill the field and ask to confirm.
  useEffect(() => {
    if (from === null) return;
    setValue(toTimeInput(from));
    setProblem(null);
    setConfirming(from);
  }, [from, pickedAt]);

  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const at = fromTimeInput(value, reference);
    if (at === null) {
      setProblem(t('doors.console.badTime'));
      return;
    }
    setProblem(null);
    setConfirming(at);
  };

  const remove = async (at: number) => {
    setBusy(true);
    const result = await send('participant:removeMany', { joinedAfter: at });
    setBusy(false);
    setConfirming(null);
    const notify = useStore.getState().notify;
    if (result.ok) notify({ tone: 'info', message: t('doors.console.removed', { count: result.data.removed }) });
    else notify({ tone: 'error', message: t(`errors.${result.error.code}`) });
  };

  const count = confirming === null ? 0 : joinedFrom(participants, confirming).length;
  const at = confirming === null ? '' : time.format(confirming);

  return (
    <div className="doors-remove">
      <h3 id={`${fieldId}-h`}>{t('doors.console.removeHeading')}</h3>
      <form className="doors-remove-form" onSubmit={check} noValidate aria-labelledby={`${fieldId}-h`}>
        <label htmlFor={fieldId}>{t('doors.console.removeFrom')}</label>
        <div className="row">
          <input
            id={fieldId}
            type="time"
            step={60}
            value={value}
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setConfirming(null);
            }}
          />
          <button type="submit" className="btn-secondary btn-small">
            {t('doors.console.removeCheck')}
          </button>
        </div>
        <p id={hintId} className="field-hint">
          {t('doors.console.removeFromHint', { date: dateFormat(lang).format(reference) })}
        </p>
        {problem ? (
          <p role="alert" className="form-problems">
            {problem}
          </p>
        ) : null}
      </form>
      {confirming !== null ? (
        <div className="participant-confirm" role="group" aria-labelledby={`${fieldId}-c`} tabIndex={-1} ref={confirmRef}>
          {count === 0 ? (
            <p id={`${fieldId}-c`}>{t('doors.console.removeNone', { time: at })}</p>
          ) : (
            <>
              <p id={`${fieldId}-c`}>{t('doors.console.removeConfirm', { count, time: at })}</p>
              <div className="row">
                <button type="button" className="btn-danger btn-small" disabled={busy} onClick={() => void remove(confirming)}>
                  {t('doors.console.removeYes', { count })}
                </button>
                <button type="button" className="btn-secondary btn-small" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
