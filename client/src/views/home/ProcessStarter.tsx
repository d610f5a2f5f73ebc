import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../../i18n/lazy.js';
import { processEn } from '../../i18n/process.en.js';
import { processNl } from '../../i18n/process.nl.js';
import { NewProcessForm } from './NewProcessForm.js';

registerStrings('process', { nl: processNl, en: processEn });

/** Next to a single workshop: a process of meetings over months or years, its form shown on request. */
export function ProcessStarter() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="home-process" aria-labelledby="process-start-h">
      <h2 id="process-start-h">{t('process.create.starterHeading')}</h2>
      <p className="lead">{t('process.create.starterIntro')}</p>
      {open ? (
        <NewProcessForm />
      ) : (
        <button type="button" className="btn-secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('process.create.open')}
        </button>
      )}
    </section>
  );
}
