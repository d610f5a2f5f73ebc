import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addMyTemplate, downloadTemplate, listMyTemplates, parseTemplateText, removeMyTemplate, type MyTemplate } from './myTemplates.js';
import './templates.css';

interface Props {
  /** The id of the chosen own template, or null when a built-in one is chosen. */
  selectedId: string | null;
  onSelect: (template: MyTemplate | null) => void;
}

/** Reads a chosen file as text (File.text() is missing on some older browsers). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/**
 * The facilitator's own templates on the create form: choose one (its cards, agenda and groups
 * start the workshop), download or remove it, or import a template file — checked against the
 * template schema, with the first problem named.
 */
export function MyTemplatesPicker({ selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<MyTemplate[]>(listMyTemplates);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const inputId = useId();

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again after fixing it
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setMessage({ tone: 'error', text: t('agenda.templates.readFailed') });
      return;
    }
    const parsed = parseTemplateText(text);
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: parsed.error === 'json' ? t('agenda.templates.invalidJson') : t('agenda.templates.invalidFile', { reason: parsed.reason }) });
      return;
    }
    const entry = addMyTemplate(parsed.file);
    setItems(listMyTemplates());
    setMessage({ tone: 'info', text: t('agenda.templates.imported', { name: parsed.file.name }) });
    onSelect(entry);
  };

  const remove = (entry: MyTemplate) => {
    removeMyTemplate(entry.id);
    setItems(listMyTemplates());
    if (selectedId === entry.id) onSelect(null);
  };

  return (
    <div className="my-templates">
      <p className="my-templates-title">{t('agenda.templates.mine')}</p>
      <p className="field-hint">{t('agenda.templates.mineHint')}</p>
      {items.map((entry) => (
        <div key={entry.id} className="my-template">
          <label className="choice-card">
            <input type="radio" name="template" value={`custom:${entry.id}`} checked={selectedId === entry.id} onChange={() => onSelect(entry)} />
            <span className="choice-title">{entry.file.name}</span>
            <span className="choice-desc">
              {t('agenda.templates.steps', { count: entry.file.agenda.length })} · {t('agenda.templates.cards', { count: entry.file.cards.length })}
            </span>
          </label>
          <div className="my-template-actions">
            <button type="button" className="btn-link" aria-label={t('agenda.templates.saveFileLabel', { name: entry.file.name })} onClick={() => downloadTemplate(entry.file)}>
              {t('agenda.templates.saveFile')}
            </button>
            <button type="button" className="btn-link btn-link-danger" aria-label={t('agenda.templates.deleteLabel', { name: entry.file.name })} onClick={() => remove(entry)}>
              {t('agenda.templates.delete')}
            </button>
          </div>
        </div>
      ))}
      <div>
        <input id={inputId} type="file" accept=".json,application/json" className="sr-only file-input" onChange={(e) => void importFile(e)} />
        <label htmlFor={inputId} className="btn-secondary file-button">
          {t('agenda.templates.import')}
        </label>
      </div>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'form-problems' : 'my-templates-ok'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
