import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useCommand } from './useCommand.js';

interface Props {
  valueId: string;
  initialTitle: string;
  initialDescription: string;
  onDone: () => void;
}

export function ValueEditForm({ valueId, initialTitle, initialDescription, onDone }: Props) {
  const { t } = useTranslation();
  const run = useCommand();
  const [title, setTitle] = useState(initialTitle);
  const [description, setDescription] = useState(initialDescription);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    const ok = await run('value:edit', { valueId, title: title.trim(), description: description.trim() });
    setBusy(false);
    if (ok) onDone();
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      <TextField label={t('console.wall.titleLabel')} value={title} onChange={setTitle} max={LIMITS.valueTitle} required autoFocus />
      <TextField label={t('console.wall.descriptionLabel')} value={description} onChange={setDescription} max={LIMITS.valueDescription} multiline rows={2} />
      <div className="row">
        <button type="submit" className="btn-primary btn-small" disabled={busy || title.trim() === ''}>
          {t('common.save')}
        </button>
        <button type="button" className="btn-secondary btn-small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
