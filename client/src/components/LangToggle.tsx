import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../shared/index.js';
import { setLanguage, useLang } from '../i18n/index.js';

/** NL / EN switch, on every screen; the choice is remembered in this browser. */
export function LangToggle({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div role="group" aria-label={t('common.language')} className={`lang-toggle ${className}`}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} aria-label={t(`common.languageNames.${l}`)} onClick={() => setLanguage(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
