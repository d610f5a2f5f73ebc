import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useDraft } from '../../lib/useDraft.js';
import { enqueue } from '../../net/outbox.js';
import { useStore } from '../../store/index.js';

/** Propose a value (title ≤ 60, description ≤ 280); shown only while canProposeValue allows it. */
export function ProposeForm() {
  const { t } = useTranslation();
  const code = useStore((s) => s.code) ?? '';
  const [title, setTitle, clearTitle] = useDraft(code, 'propose.title');
  const [description, setDescription, clearDescription] = useDraft(code, 'propose.description');
  const [open, setOpen] = useState(() => title !== '' || description !== '');

  const close = () => {
    clearTitle();
    clearDescription();
    setOpen(false);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    enqueue('value:propose', { title: title.trim(), description: description.trim() });
    close();
  };

  if (!open) {
    return (
      <button type="button" className="btn-secondary btn-large propose-open" onClick={() => setOpen(true)}>
        + {t('phone.proposeOpen')}
      </button>
    );
  }
  return (
    <form className="propose-form" onSubmit={submit} aria-labelledby="propose-h">
      <h2 id="propose-h">{t('phone.proposeHeading')}</h2>
      <TextField label={t('phone.proposeTitle')} value={title} onChange={setTitle} max={LIMITS.valueTitle} required autoFocus />
      <TextField label={t('phone.proposeDescription')} value={description} onChange={setDescription} max={LIMITS.valueDescription} multiline rows={3} />
      <div className="row">
        <button type="submit" className="btn-primary" disabled={title.trim() === ''}>
          {t('phone.proposeSubmit')}
        </button>
        <button type="button" className="btn-secondary" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
