import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLang } from '../../i18n/index.js';
import { registerStrings } from '../../i18n/lazy.js';
import { processEn } from '../../i18n/process.en.js';
import { processNl } from '../../i18n/process.nl.js';
import { groupJoinCode } from '../../lib/format.js';
import { forgetProcess, listMyProcesses, type MyProcess } from '../../lib/myProcesses.js';

registerStrings('process', { nl: processNl, en: processEn });

/** Processes this browser created or opened with the organiser link: reopen, or forget one (after a confirmation). */
export function MyProcesses() {
  const { t } = useTranslation();
  const lang = useLang();
  const [items, setItems] = useState<MyProcess[]>(listMyProcesses);
  const [confirming, setConfirming] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' });

  const forget = (code: string) => {
    forgetProcess(code);
    setItems(listMyProcesses());
    setConfirming(null);
  };

  return (
    <section className="my-workshops my-processes" aria-labelledby="mine-p-h">
      <h2 id="mine-p-h">{t('process.mine.heading')}</h2>
      <p className="field-hint">{t('process.mine.hint')}</p>
      {items.length === 0 ? <p className="empty">{t('process.mine.empty')}</p> : null}
      <ul>
        {items.map((p) => (
          <li key={p.code} className="my-workshop">
            <div>
              <p className="my-title">{p.title}</p>
              <p className="my-meta">
                <span className="code-chip">{groupJoinCode(p.code)}</span> {t('process.mine.created', { date: date.format(p.createdAt) })}
              </p>
            </div>
            {confirming === p.code ? (
              <div className="confirm" role="group" aria-label={t('process.mine.forgetLabel', { title: p.title })}>
                <p>{t('process.mine.forgetConfirm')}</p>
                <button type="button" className="btn-danger" onClick={() => forget(p.code)}>
                  {t('process.mine.forgetYes')}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : (
              <div className="row">
                <Link href={`/p/${p.code}#${p.organiserToken}`} className="btn-primary" aria-label={t('process.mine.openLabel', { title: p.title })}>
                  {t('process.mine.open')}
                </Link>
                <button type="button" className="btn-secondary" aria-label={t('process.mine.forgetLabel', { title: p.title })} onClick={() => setConfirming(p.code)}>
                  {t('process.mine.forget')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
