import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_LIMITS, type FeedbackEntry, type FeedbackTarget } from '../../../../../shared/index.js';
import { TextField } from '../../../components/TextField.js';
import { send, type SendResult } from '../../../net/send.js';

/** An entry being written: its id is made once, when the draft opens, and kept through edits and retries. */
export interface FeedbackDraft {
  entryId: string;
  target: FeedbackTarget;
  initial: Pick<FeedbackEntry, 'decision' | 'reason' | 'when' | 'link'> | null;
}

type Refusal = { field: 'link' | 'decision' | null; message: string };

/**
 * Which field the server refused (its BAD_REQUEST message names the paths, "link: …; decision: …"),
 * so the message stands next to that field; null for any other refusal.
 */
function refusedField(error: Extract<SendResult<unknown>, { ok: false }>['error']): Refusal['field'] {
  if (error.code !== 'BAD_REQUEST') return null;
  const paths = error.message.split('; ').map((part) => part.split(':')[0]?.trim());
  return paths.includes('link') ? 'link' : paths.includes('decision') ? 'decision' : null;
}

/**
 * The form for one entry: what was decided or done, why, when, a link. Save sends `feedback:set`
 * with the draft's entryId, so saving again after a lost answer stores it once; a refusal keeps
 * the text and says what to fix.
 */
export function FeedbackEditor({ draft, label, onDone }: { draft: FeedbackDraft; label: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState(draft.initial?.decision ?? '');
  const [reason, setReason] = useState(draft.initial?.reason ?? '');
  const [when, setWhen] = useState(draft.initial?.when ?? '');
  const [link, setLink] = useState(draft.initial?.link ?? '');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefusal(null);
    const trimmed = link.trim();
    const result = await send('feedback:set', { entryId: draft.entryId, target: draft.target, decision, reason, when, link: trimmed === '' ? null : trimmed });
    setBusy(false);
    if (!result.ok) {
      const field = refusedField(result.error);
      const message =
        field === 'link' ? t('feedbackEdit.refused.badLink') : field === 'decision' ? t('feedbackEdit.refused.noDecision') : t('feedbackEdit.refused.other', { reason: t(`errors.${result.error.code}`) });
      setRefusal({ field, message });
      return;
    }
    onDone();
  };

  const problem = (field: Refusal['field']) =>
    refusal && refusal.field === field ? (
      <p role="alert" className="form-problems">
        {refusal.message}
      </p>
    ) : null;

  return (
    <form className="fb-editor" onSubmit={save} aria-label={label} noValidate>
      <TextField label={t('feedbackEdit.fields.decision')} hint={t('feedbackEdit.fields.decisionHint')} value={decision} onChange={setDecision} max={FEEDBACK_LIMITS.decision} multiline rows={3} required autoFocus />
      {problem('decision')}
      <TextField label={t('feedbackEdit.fields.reason')} value={reason} onChange={setReason} max={FEEDBACK_LIMITS.reason} multiline rows={3} />
      <div className="fb-editor-row">
        <TextField label={t('feedbackEdit.fields.when')} hint={t('feedbackEdit.fields.whenHint')} value={when} onChange={setWhen} max={FEEDBACK_LIMITS.when} />
        <TextField label={t('feedbackEdit.fields.link')} hint={t('feedbackEdit.fields.linkHint')} value={link} onChange={setLink} max={FEEDBACK_LIMITS.link} placeholder="https://" />
      </div>
      {problem('link')}
      {problem(null)}
      <div className="row">
        <button type="submit" className="btn-primary btn-small" disabled={busy}>
          {busy ? t('feedbackEdit.saving') : t('feedbackEdit.save')}
        </button>
        <button type="button" className="btn-secondary btn-small" onClick={onDone} disabled={busy}>
          {t('feedbackEdit.cancel')}
        </button>
      </div>
    </form>
  );
}
