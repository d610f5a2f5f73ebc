import { nanoid } from 'nanoid';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCAN_STATEMENTS, LIMITS, SCAN_FACTORS, type ScanStatement } from '../../../../../shared/index.js';

/** What keeps a statement list from being saved, or null when it can be. */
export function statementsProblem(statements: ScanStatement[]): 'none' | 'empty' | null {
  if (statements.length === 0) return 'none';
  if (statements.some((s) => s.text.nl.trim() === '' || s.text.en.trim() === '')) return 'empty';
  return null;
}

interface Props {
  statements: ScanStatement[];
  onChange: (statements: ScanStatement[]) => void;
  /** Answers are in: the server refuses changes, so the fields are read-only. */
  locked: boolean;
}

/**
 * The scan's statements per factor, each in Dutch and English (every phone shows its own
 * language). Numbered in the order the phones show them.
 */
export function StatementsEditor({ statements, onChange, locked }: Props) {
  const { t } = useTranslation();
  const numbered = statements.map((s, i) => ({ s, n: i + 1 }));

  const update = (id: string, lang: 'nl' | 'en', value: string) =>
    onChange(statements.map((s) => (s.id === id ? { ...s, text: { ...s.text, [lang]: value } } : s)));

  const add = (factor: ScanStatement['factor']) => {
    // Keep the factor's statements together: insert after its last one.
    const lastIndex = statements.map((s) => s.factor).lastIndexOf(factor);
    const next = [...statements];
    next.splice(lastIndex < 0 ? next.length : lastIndex + 1, 0, { id: `s${nanoid(10)}`, factor, text: { nl: '', en: '' } });
    onChange(next);
  };

  return (
    <fieldset className="statements-editor" disabled={locked}>
      <legend>{t('agenda.statements.heading')}</legend>
      <p className="field-hint">{locked ? t('agenda.statements.locked') : t('agenda.statements.hint')}</p>
      {SCAN_FACTORS.map((factor) => {
        const factorName = t(`agenda.factors.${factor}`);
        const own = numbered.filter(({ s }) => s.factor === factor);
        return (
          <section key={factor} className="statements-factor" aria-label={factorName}>
            <h3>{factorName}</h3>
            <ol>
              {own.map(({ s, n }) => (
                <li key={s.id} className="statement-row">
                  <span className="statement-n" aria-hidden="true">
                    {n}
                  </span>
                  <div className="statement-fields">
                    {(['nl', 'en'] as const).map((lang) => (
                      <span key={lang} className="statement-lang">
                        <abbr title={t(`common.languageNames.${lang}`)} aria-hidden="true">
                          {lang.toUpperCase()}
                        </abbr>
                        <input type="text" lang={lang} aria-label={t(`agenda.statements.${lang}`, { n })} value={s.text[lang]} maxLength={LIMITS.statementText} onChange={(e) => update(s.id, lang, e.target.value)} />
                      </span>
                    ))}
                  </div>
                  <button
                    type="button"
                    className="btn-icon btn-icon-small"
                    aria-label={t('agenda.statements.remove', { n })}
                    disabled={statements.length <= 1}
                    onClick={() => onChange(statements.filter((x) => x.id !== s.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" className="btn-link" aria-label={t('agenda.statements.addLabel', { factor: factorName })} onClick={() => add(factor)}>
              + {t('agenda.statements.add')}
            </button>
          </section>
        );
      })}
      <button type="button" className="btn-link" onClick={() => onChange(DEFAULT_SCAN_STATEMENTS)}>
        {t('agenda.statements.reset')}
      </button>
    </fieldset>
  );
}
