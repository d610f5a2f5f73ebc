import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { enqueue } from '../../net/outbox.js';
import { PendingList } from '../participant/PendingList.js';

export function AddValueForm() {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');

  // The card's id is made now and kept with the queued command: a retry after a lost ack adds it once.
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    enqueue('value:add', { title: title.trim(), description: description.trim() });
    setTitle('');
    setDescription('');
  };

  return (
    <section className="panel" aria-labelledby="add-h">
      <h2 id="add-h">{t('console.add.heading')}</h2>
      <form className="add-value" onSubmit={submit}>
        <TextField label={t('console.add.title')} value={title} onChange={setTitle} max={LIMITS.valueTitle} required />
        <TextField label={t('console.add.description')} value={description} onChange={setDescription} max={LIMITS.valueDescription} multiline rows={2} />
        <button type="submit" className="btn-primary" disabled={title.trim() === ''}>
          {t('console.add.submit')}
        </button>
      </form>
      <PendingList name="value:add" label={t('console.add.pending')} />
    </section>
  );
}
