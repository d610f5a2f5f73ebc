import { nanoid } from 'nanoid';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, SCAN_FACTORS, validateAnswer, type PublicActivity, type ScanAnswerValue } from '../../../../../shared/index.js';
import { TextField } from '../../../components/TextField.js';
import { useLang } from '../../../i18n/index.js';
import { discard, enqueue } from '../../../net/outbox.js';
import type { ClientErrorCode } from '../../../net/send.js';
import type { PendingCommand } from '../../../store/outboxSlice.js';
import { useStore } from '../../../store/index.js';
import { ScanScale } from './ScanScale.js';
import { answerFromDraft, draftFromAnswer, EMPTY_DRAFT, readDraft, sameAnswer, writeDraft, type ScanDraft } from './scanDraft.js';

type PendingAnswerCommand = Extract<PendingCommand, { name: 'answer:submit' }>;

/** waiting: queued in the outbox, not acknowledged yet; failed: the server refused it. */
type SendState = { state: 'idle' } | { state: 'sending' } | { state: 'waiting' } | { state: 'failed'; code: ClientErrorCode };

/**
 * The collaboration scan on the phone: every statement scored 1–5 in big buttons, grouped by
 * factor, and the two open questions. What is entered stays on the phone until the server has
 * it; the last answer sent counts, and it can be changed until the step closes.
 */
export function ScanForm({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const lang = useLang();
  const code = useStore((s) => s.code) ?? '';
  const mine = useStore((s) => s.self?.answers[activity.id]);
  const saved: ScanAnswerValue | null = mine?.answer.kind === 'scan' ? mine.answer : null;
  const statements = activity.config.statements;
  const statementIds = statements.map((s) => s.id);
  const open = activity.status === 'open';

  // The newest answer to this scan still in the outbox (sending, queued, acknowledged or refused).
  const entry = useStore((s) => s.outbox.findLast((c): c is PendingAnswerCommand => c.name === 'answer:submit' && c.payload.activityId === activity.id) ?? null);

  // A draft on this phone wins (it is newer than anything sent); else what the server has.
  const [draft, setDraftState] = useState<ScanDraft>(() => readDraft(code, activity.id) ?? (saved ? draftFromAnswer(saved) : EMPTY_DRAFT));
  const touched = useRef(readDraft(code, activity.id) !== null);
  const [refused, setRefused] = useState<ClientErrorCode | null>(null);
  // Acknowledged, but the self view that shows it is a broadcast window away.
  const [acked, setAcked] = useState<{ answerId: string; answer: ScanAnswerValue } | null>(null);
  const reference = acked && mine?.answerId !== acked.answerId ? acked.answer : saved;

  // The self view can arrive after this screen (a reload): show the stored answer unless the person already typed.
  useEffect(() => {
    if (!touched.current && saved) setDraftState(draftFromAnswer(saved));
  }, [saved]);

  // Once the self view shows the acknowledged answer it is the server's answer again.
  useEffect(() => {
    if (acked && mine?.answerId === acked.answerId) setAcked(null);
  }, [acked, mine?.answerId]);

  // What the outbox reports back: acknowledged → the draft is sent; refused → the reason, the draft stays.
  useEffect(() => {
    if (!entry || entry.payload.answer.kind !== 'scan') return;
    if (entry.status === 'delivered') {
      writeDraft(code, activity.id, null);
      touched.current = false;
      setRefused(null);
      const sent = entry.payload.answer;
      setAcked({ answerId: entry.payload.answerId, answer: { kind: 'scan', scores: sent.scores, wentWell: sent.wentWell ?? '', couldBeBetter: sent.couldBeBetter ?? '' } });
    } else if (entry.status === 'failed') {
      setRefused(entry.error ?? 'INTERNAL');
      discard(entry.id);
    }
  }, [entry, code, activity.id]);

  const setDraft = (next: ScanDraft) => {
    touched.current = true;
    setDraftState(next);
    writeDraft(code, activity.id, next);
  };

  const answer = answerFromDraft(draft, statementIds);
  const valid = validateAnswer(activity, [], answer).ok;
  const dirty = reference === null || !sameAnswer(answer, reference);
  const scored = statements.filter((s) => answer.scores[s.id] !== undefined).length;
  const sendState: SendState =
    entry?.status === 'sending'
      ? { state: 'sending' }
      : entry?.status === 'queued'
        ? { state: 'waiting' }
        : refused
          ? { state: 'failed', code: refused }
          : { state: 'idle' };

  // Handed to the outbox with a fresh answerId, which it keeps for every retry: the server counts it once.
  const submit = () => {
    if (!valid || !open || sendState.state === 'sending') return;
    setRefused(null);
    enqueue('answer:submit', { activityId: activity.id, answerId: nanoid(), answer });
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
