import { nanoid } from 'nanoid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, SCAN_FACTORS, validateAnswer, type PublicActivity, type ScanAnswerValue } from '../../../../../shared/index.js';
import { TextField } from '../../../components/TextField.js';
import { useLang } from '../../../i18n/index.js';
import { send, type ClientErrorCode } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { ScanScale } from './ScanScale.js';
import { answerFromDraft, draftFromAnswer, EMPTY_DRAFT, readDraft, readPending, sameAnswer, writeDraft, writePending, type PendingScan, type ScanDraft } from './scanDraft.js';

/** Worth trying again: the server may not have it, and resending the same answerId is safe. */
const TRANSIENT = new Set<ClientErrorCode>(['OFFLINE', 'TIMEOUT', 'RATE_LIMITED', 'INTERNAL']);
/** After a lost answer while online, try again this much later. */
export const SCAN_RETRY_MS = 3000;

/** waiting: not acknowledged yet; `soon` when the server was reachable (a lost answer), so the next try waits a moment. */
type SendState = { state: 'idle' } | { state: 'sending' } | { state: 'waiting'; soon: boolean } | { state: 'failed'; code: ClientErrorCode };

/**
 * The collaboration scan on the phone: every statement scored 1–5 in big buttons, grouped by
 * factor, and the two open questions. What is entered stays on the phone until the server has
 * it; the last answer sent counts, and it can be changed until the step closes.
 */
export function ScanForm({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = useStore((s) => s.code) ?? '';
  const online = useStore((s) => s.status === 'online');
  const mine = useStore((s) => s.self?.answers[activity.id]);
  const saved: ScanAnswerValue | null = mine?.answer.kind === 'scan' ? mine.answer : null;
  const statements = activity.config.statements;
  const statementIds = statements.map((s) => s.id);
  const open = activity.status === 'open';

  // A draft on this phone wins (it is newer than anything sent); else what the server has.
  const [draft, setDraftState] = useState<ScanDraft>(() => readDraft(code, activity.id) ?? (saved ? draftFromAnswer(saved) : EMPTY_DRAFT));
  const touched = useRef(readDraft(code, activity.id) !== null);
  const [sendState, setSendState] = useState<SendState>(() => (readPending(code, activity.id) ? { state: 'waiting', soon: false } : { state: 'idle' }));
  // Acknowledged, but the self view that shows it is a broadcast window away.
  const [acked, setAcked] = useState<PendingScan | null>(null);
  const reference = acked && mine?.answerId !== acked.answerId ? acked.answer : saved;

  // The self view can arrive after this screen (a reload): show the stored answer unless the person already typed.
  useEffect(() => {
    if (!touched.current && saved) setDraftState(draftFromAnswer(saved));
  }, [saved]);

  const setDraft = (next: ScanDraft) => {
    touched.current = true;
    setDraftState(next);
    writeDraft(code, activity.id, next);
  };

  const answer = answerFromDraft(draft, statementIds);
  const valid = validateAnswer(activity, [], answer).ok;
  const dirty = reference === null || !sameAnswer(answer, reference);
  const scored = statements.filter((s) => answer.scores[s.id] !== undefined).length;

  const deliver = useCallback(
    async (pending: PendingScan) => {
      writePending(code, activity.id, pending);
      setSendState({ state: 'sending' });
      const result = await send('answer:submit', { activityId: activity.id, answerId: pending.answerId, answer: pending.answer });
      if (result.ok) {
        writePending(code, activity.id, null);
        writeDraft(code, activity.id, null);
        touched.current = false;
        setAcked(pending);
        setSendState({ state: 'idle' });
      } else if (TRANSIENT.has(result.error.code)) {
        setSendState({ state: 'waiting', soon: result.error.code !== 'OFFLINE' });
      } else {
        writePending(code, activity.id, null);
        setSendState({ state: 'failed', code: result.error.code });
      }
    },
    [activity.id, code],
  );

  // Resend what is still pending once the connection is back (or a moment after a lost answer).
  const retrySoon = sendState.state === 'waiting' && sendState.soon;
  useEffect(() => {
    if (sendState.state !== 'waiting' || !online || !open) return;
    const pending = readPending(code, activity.id);
    if (!pending) {
      setSendState({ state: 'idle' });
      return;
    }
    const timer = setTimeout(() => void deliver(pending), retrySoon ? SCAN_RETRY_MS : 0);
    return () => clearTimeout(timer);
  }, [sendState.state, retrySoon, online, open, code, activity.id, deliver]);

  // The server has it (its self view shows the id): nothing left to resend.
  useEffect(() => {
    const pending = readPending(code, activity.id);
    if (pending && mine?.answerId === pending.answerId) {
      writePending(code, activity.id, null);
      setSendState({ state: 'idle' });
    }
  }, [mine?.answerId, code, activity.id]);

  const submit = () => {
    if (!valid || !open || sendState.state === 'sending') return;
    void deliver({ answerId: nanoid(), answer });
  };

  const status = (() => {
    if (!open) return reference ? t('agenda.scan.locked') : t('agenda.scan.lockedNone');
    if (sendState.state === 'sending') return t('agenda.scan.sending');
    if (sendState.state === 'waiting') return t('agenda.scan.waiting');
    if (sendState.state === 'failed') return t('agenda.scan.failed', { reason: t(`errors.${sendState.code}`) });
    if (reference && !dirty) return t('agenda.scan.sent');
    if (reference && dirty) return t('agenda.scan.unsent');
    return null;
  })();

  return (
    <form
      className="scan-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <p className="lead">{t('agenda.scan.intro')}</p>
      <fieldset className="scan-fields" disabled={!open}>
        {SCAN_FACTORS.map((factor) => {
          const own = statements.filter((s) => s.factor === factor);
          if (own.length === 0) return null;
          return (
            <section key={factor} className="scan-factor" aria-labelledby={`scan-f-${factor}`}>
              <h2 id={`scan-f-${factor}`}>{t(`agenda.factors.${factor}`)}</h2>
              {own.map((s) => (
                <ScanScale
                  key={s.id}
                  name={`${activity.id}-${s.id}`}
                  statement={s.text[lang]}
                  value={draft.scores[s.id] ?? null}
                  onChange={(score) => setDraft({ ...draft, scores: { ...draft.scores, [s.id]: score } })}
                />
              ))}
            </section>
          );
        })}
        <div className="scan-factor scan-open">
          <TextField label={t('agenda.scan.wentWell')} value={draft.wentWell} onChange={(v) => setDraft({ ...draft, wentWell: v })} max={LIMITS.openAnswer} multiline rows={3} />
          <TextField label={t('agenda.scan.couldBeBetter')} value={draft.couldBeBetter} onChange={(v) => setDraft({ ...draft, couldBeBetter: v })} max={LIMITS.openAnswer} multiline rows={3} />
        </div>
      </fieldset>

      <div className="scan-submit">
        <p className="scan-progress">{t('agenda.scan.progress', { count: scored, total: statements.length })}</p>
        {open ? (
          <>
            {!valid ? <p className="field-hint">{t('agenda.scan.emptyHint')}</p> : null}
            <button type="submit" className="btn-primary btn-large" disabled={!valid || sendState.state === 'sending' || !dirty}>
              {sendState.state === 'sending' ? t('agenda.scan.sending') : reference ? t('agenda.scan.update') : t('agenda.scan.submit')}
            </button>
          </>
        ) : null}
        <p role="status" className={sendState.state === 'failed' ? 'scan-status is-error' : reference && !dirty ? 'scan-status is-ok' : 'scan-status'}>
          {status}
        </p>
      </div>
    </form>
  );
}
