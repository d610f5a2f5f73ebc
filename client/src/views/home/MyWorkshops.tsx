import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLang } from '../../i18n/index.js';
import { groupJoinCode } from '../../lib/format.js';
import { forgetWorkshop, listMyWorkshops, type MyWorkshop } from '../../lib/myWorkshops.js';

/** Workshops this browser created: reopen the console, or forget one (after a confirmation). */
export function MyWorkshops() {
  const { t } = useTranslation();
  const lang = useLang();
  const [items, setItems] = useState<MyWorkshop[]>(listMyWorkshops);
  const [confirming, setConfirming] = useState<string | null>(null);
  const date = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const forget = (code: string) => {
    forgetWorkshop(code);
    setItems(listMyWorkshops());
    setConfirming(null);
  };

  return (
    <section className="my-workshops" aria-labelledby="mine-h">
      <h2 id="mine-h">{t('home.mine.heading')}</h2>
      <p className="field-hint">{t('home.mine.hint')}</p>
      {items.length === 0 ? <p className="empty">{t('home.mine.empty')}</p> : null}
      <ul>
        {items.map((w) => (
          <li key={w.code} className="my-workshop">
            <div>
              <p className="my-title">{w.title}</p>
              <p className="my-meta">
                <span className="code-chip">{groupJoinCode(w.code)}</span> {t('home.mine.created', { date: date.format(w.createdAt) })}
              </p>
            </div>
            {confirming === w.code ? (
              <div className="confirm" role="group">
                <p>{t('home.mine.forgetConfirm')}</p>
                <button type="button" className="btn-danger" onClick={() => forget(w.code)}>
                  {t('home.mine.forgetYes')}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setConfirming(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : (
              <div className="row">
                <Link href={`/f/${w.code}#${w.hostToken}`} className="btn-primary" aria-label={t('home.mine.openLabel', { title: w.title })}>
                  {t('home.mine.open')}
                </Link>
                <a href={`/r/${w.code}#${w.hostToken}`} className="btn-secondary" aria-label={t('agenda.report.openLabel', { title: w.title })}>
                  {t('agenda.report.title')}
                </a>
                <button type="button" className="btn-secondary" aria-label={t('home.mine.forgetLabel', { title: w.title })} onClick={() => setConfirming(w.code)}>
                  {t('home.mine.forget')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
