import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useDraft } from '../../lib/useDraft.js';
import { enqueue } from '../../net/outbox.js';

interface Props {
  code: string;
  field: string;
  valueId: string;
  valueTitle: string;
  onDone: () => void;
}

/** "Why this matters to me": kept as a draft while typing, handed to the outbox on send. */
export function StoryForm({ code, field, valueId, valueTitle, onDone }: Props) {
  const { t } = useTranslation();
  const [text, setText, clear] = useDraft(code, field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    enqueue('story:add', { valueId, text: trimmed });
    clear();
    onDone();
  };

  return (
    <form className="story-form" onSubmit={submit}>
      <TextField
        label={t('phone.storyLabel', { value: valueTitle })}
        value={text}
        onChange={setText}
        max={LIMITS.storyText}
        multiline
        rows={4}
        placeholder={t('phone.storyPlaceholder')}
        autoFocus
      />
      <div className="row">
        <button type="submit" className="btn-primary" disabled={text.trim() === ''}>
          {t('common.send')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            clear();
            onDone();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
