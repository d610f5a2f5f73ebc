import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from './useCommand.js';

interface Props {
  sourceId: string;
  targets: { id: string; title: string }[];
  onDone: () => void;
}

/** Pick the value this one is merged into; its stories and endorsements follow. */
export function MergeForm({ sourceId, targets, onDone }: Props) {
  const { t } = useTranslation();
  const run = useCommand();
  const id = useId();
  const [targetId, setTargetId] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!targetId) return;
    if (await run('value:merge', { sourceId, targetId })) onDone();
  };

  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>{t('console.wall.mergeInto')}</label>
      <select id={id} value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="">{t('console.wall.mergeChoose')}</option>
        {targets.map((v) => (
          <option key={v.id} value={v.id}>
            {v.title}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('console.wall.mergeHint')}
      </p>
      <div className="row">
        <button type="submit" className="btn-primary btn-small" disabled={!targetId}>
          {t('console.wall.mergeConfirm')}
        </button>
        <button type="button" className="btn-secondary btn-small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
