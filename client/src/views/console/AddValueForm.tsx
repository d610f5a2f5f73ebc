import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useCommand } from './useCommand.js';

export function AddValueForm() {
  const { t } = useTranslation();
  const run = useCommand();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    const ok = await run('value:add', { title: title.trim(), description: description.trim() });
    setBusy(false);
    if (ok) {
      setTitle('');
      setDescription('');
    }
  };

  return (
    <section className="panel" aria-labelledby="add-h">
      <h2 id="add-h">{t('console.add.heading')}</h2>
      <form className="add-value" onSubmit={submit}>
        <TextField label={t('console.add.title')} value={title} onChange={setTitle} max={LIMITS.valueTitle} required />
        <TextField label={t('console.add.description')} value={description} onChange={setDescription} max={LIMITS.valueDescription} multiline rows={2} />
        <button type="submit" className="btn-primary" disabled={busy || title.trim() === ''}>
          {t('console.add.submit')}
        </button>
      </form>
    </section>
  );
}
