import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, templateFileSchema, type TemplateFile } from '../../../../../shared/index.js';
import { TextField } from '../../../components/TextField.js';
import { useStore } from '../../../store/index.js';
import { addMyTemplate, downloadTemplate, templateOfWorkshop } from './myTemplates.js';

/**
 * Save this workshop's cards and agenda as the facilitator's own template (in this browser, to
 * start a next workshop from on the home page), or download it as a file to share.
 */
export function TemplatesSection() {
  const { t } = useTranslation();
  const host = useStore((s) => s.host);
  const notify = useStore((s) => s.notify);
  const [name, setName] = useState<string | null>(null);
  if (!host) return null;
  const shownName = name ?? host.title;

  /** The template as a checked file, or null after saying what is wrong. */
  const build = (): TemplateFile | null => {
    const parsed = templateFileSchema.safeParse(templateOfWorkshop(host, shownName.trim()));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    notify({ tone: 'error', message: t('agenda.templates.invalidFile', { reason: `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() }) });
    return null;
  };

  const save = () => {
    const file = build();
    if (!file) return;
    addMyTemplate(file);
    notify({ tone: 'info', message: t('agenda.templates.saved', { name: file.name }) });
  };

  const download = () => {
    const file = build();
    if (file) downloadTemplate(file);
  };

  return (
    <div className="close-block">
      <h3>{t('agenda.templates.heading')}</h3>
      <p className="field-hint">{t('agenda.templates.hint')}</p>
      <TextField label={t('agenda.templates.name')} value={shownName} onChange={setName} max={LIMITS.workshopTitle} />
      <div className="row">
        <button type="button" className="btn-secondary btn-small" onClick={save} disabled={shownName.trim() === ''}>
          {t('agenda.templates.save')}
        </button>
        <button type="button" className="btn-link" onClick={download} disabled={shownName.trim() === ''}>
          ↓ {t('agenda.templates.download')}
        </button>
      </div>
    </div>
  );
}
