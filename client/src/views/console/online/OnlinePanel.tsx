import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HostView } from '../../../../../shared/index.js';
import { KIND_RULES } from '../../../../../shared/kinds/rules.js';
import { ONLINE_LIMITS } from '../../../../../shared/domain/onlineModel.js';
import { useLang } from '../../../i18n/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { Modal } from '../agenda/Modal.js';
import { useCommand } from '../useCommand.js';
import { dateTimeFormat } from './onlineStrings.js';
import './online.css';

/** A moment as a `datetime-local` input's value, in this browser's time zone, to the minute. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as epoch ms; null when it is not one. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The deadlines `online:open` accepts when sent at `now` (ONLINE_LIMITS). */
export function deadlineRange(now: number): { min: number; max: number } {
  return { min: now + ONLINE_LIMITS.minMs, max: now + ONLINE_LIMITS.maxMs };
}

/** The steps that can be kept open online: the kinds that take answers (KIND_RULES), in agenda order. */
function answerSteps(host: HostView) {
  return host.activities.filter((a) => KIND_RULES[a.kind].takesAnswers);
}

/**
 * "Keep open online": after the evening the facilitator picks the steps that stay open through
 * the same link and until when; the panel then says when the live session ended and until when
 * which steps are open, with Change and Close online now.
 */
export function OnlinePanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const run = useCommand();
  const host = useStore((s) => s.host);
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!host) return null;
  const when = dateTimeFormat(lang);
  const online = host.online;
  const close = () => {
    setEditing(false);
    opener.current?.focus();
  };
  const openSteps = online ? host.activities.filter((a) => online.activityIds.includes(a.id)) : [];

  return (
    <section className="panel online-panel" aria-labelledby="online-panel-h">
      <h2 id="online-panel-h">{t('onlineHost.title')}</h2>
      {host.liveEndedAt === null ? <p className="field-hint">{t('onlineHost.panel.hint')}</p> : null}
      {host.liveEndedAt !== null || online ? (
        <div className="online-status" role="status">
          {host.liveEndedAt !== null ? <p>{t('onlineHost.panel.ended', { ended: when.format(new Date(host.liveEndedAt)) })}</p> : null}
          {online ? (
            <>
              <p>
                <strong>{t('onlineHost.panel.openUntil', { until: when.format(new Date(online.until)) })}</strong>
              </p>
              <ul className="online-status-steps">
                {openSteps.map((a) => (
                  <li key={a.id}>
                    {text.name(a)}: {text.question(a)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('onlineHost.panel.closed')}</p>
          )}
        </div>
      ) : null}
      <div className="row">
        <button ref={opener} type="button" className={online ? 'btn-secondary btn-small' : 'btn-primary btn-small'} onClick={() => setEditing(true)}>
          {online ? t('onlineHost.panel.change') : host.liveEndedAt !== null ? t('onlineHost.panel.openAgain') : t('onlineHost.panel.open')}
        </button>
        {online ? (
          <button type="button" className="btn-danger btn-small" onClick={() => void run('online:close', {})}>
            {t('onlineHost.panel.close')}
          </button>
        ) : null}
      </div>
      {editing ? <OnlineDialog host={host} onClose={close} /> : null}
    </section>
  );
}

/** The steps and the deadline, checked against ONLINE_LIMITS before `online:open` is sent. */
export function OnlineDialog({ host, onClose }: { host: HostView; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const run = useCommand();
  const hintId = useId();
  const problemId = useId();
  const steps = answerSteps(host);
  const [picked, setPicked] = useState<string[]>(() =>
    host.online ? host.online.activityIds.filter((id) => steps.some((a) => a.id === id)) : steps.filter((a) => a.status !== 'pending').map((a) => a.id),
  );
  const [deadline, setDeadline] = useState(() => toLocalInput(host.online?.until ?? Date.now() + 7 * 86_400_000));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const when = dateTimeFormat(lang);
  const range = deadlineRange(Date.now());
  const until = fromLocalInput(deadline);
  const rangeWords = { min: when.format(new Date(range.min)), max: when.format(new Date(range.max)) };

  let problem: string | null = null;
  if (picked.length === 0) problem = t('onlineHost.dialog.pickSteps');
  else if (picked.length > ONLINE_LIMITS.activities) problem = t('onlineHost.dialog.tooMany', { count: ONLINE_LIMITS.activities });
  else if (until === null || until < range.min || until > range.max) problem = t('onlineHost.dialog.outOfRange', rangeWords);
  const first = host.liveEndedAt === null;

  const submit = async () => {
    setTried(true);
    // The range is read again at the moment of sending: the dialog may have stood open a while.
    const now = deadlineRange(Date.now());
    if (problem !== null || until === null || until < now.min || until > now.max) return;
    setBusy(true);
    const ok = await run('online:open', { activityIds: steps.filter((a) => picked.includes(a.id)).map((a) => a.id), until });
    setBusy(false);
    if (ok) onClose();
  };
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== id), id] : p.filter((x) => x !== id)));

  return (
    <Modal
      title={t('onlineHost.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t('onlineHost.dialog.cancel')}
          </button>
          <button type="button" className="btn-primary" disabled={busy || steps.length === 0} aria-describedby={problem && tried ? problemId : undefined} onClick={() => void submit()}>
            {first ? t('onlineHost.dialog.submitFirst') : t('onlineHost.dialog.submit')}
          </button>
        </>
      }
    >
      <div className="online-dialog">
        {steps.length === 0 ? (
          <p>{t('onlineHost.dialog.noSteps')}</p>
        ) : (
          <fieldset className="online-dialog-steps">
            <legend>{t('onlineHost.dialog.steps')}</legend>
            {steps.map((a) => (
              <label key={a.id} className="online-dialog-step">
                <input type="checkbox" checked={picked.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>
                  <b>{text.name(a)}</b> {text.question(a)} <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <label className="online-dialog-deadline">
          <span>{t('onlineHost.dialog.deadline')}</span>
          <input
            type="datetime-local"
            value={deadline}
            min={toLocalInput(range.min)}
            max={toLocalInput(range.max)}
            aria-describedby={hintId}
            aria-invalid={tried && problem !== null && (until === null || until < range.min || until > range.max)}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </label>
        <p id={hintId} className="field-hint">
          {t('onlineHost.dialog.range', rangeWords)}
        </p>
        {first ? <p className="notice online-dialog-warning">{t('onlineHost.dialog.endsLive')}</p> : null}
        {tried && problem !== null ? (
          <p id={problemId} className="form-problems" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </Modal>
  );
}
