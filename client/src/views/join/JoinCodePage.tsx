import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { isJoinCode, normaliseJoinCode } from '../../../../shared/index.js';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { getWorkshop, HttpError } from '../../net/api.js';
import '../participant/phone.css';

/** /join: type the code from the screen; goes to /j/CODE once it looks right and exists. */
export function JoinCodePage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<'invalid' | 'notFound' | null>(null);
  const [checking, setChecking] = useState(false);
  useDocumentTitle(t('join.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = normaliseJoinCode(input);
    if (!isJoinCode(code)) {
      setProblem('invalid');
      return;
    }
    setChecking(true);
    try {
      await getWorkshop(code);
    } catch (err) {
      // Only a definite 404 stops us; a network hiccup is sorted out by the next page.
      if (err instanceof HttpError && err.status === 404) {
        setProblem('notFound');
        setChecking(false);
        return;
      }
    }
    navigate(`/j/${code}`);
  };

  return (
    <div className="phone">
      <SkipLink />
      <header className="phone-header">
        <p className="brand">{t('app.name')}</p>
        <LangToggle />
      </header>
      <main className="phone-main" id={MAIN_ID} tabIndex={-1}>
        <h1>{t('join.title')}</h1>
        <form onSubmit={submit} className="join-code-form" noValidate>
          <label htmlFor="join-code">{t('join.codeLabel')}</label>
          <p id="join-code-hint" className="field-hint">
            {t('join.codeHint')}
          </p>
          <input
            id="join-code"
            className="code-input"
            value={input}
            onChange={(e) => {
              setInput(e.target.value);
              setProblem(null);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={12}
            aria-describedby={problem ? 'join-code-hint join-code-problem' : 'join-code-hint'}
            aria-invalid={problem !== null}
          />
          {problem ? (
            <p id="join-code-problem" role="alert" className="form-problems">
              {t(`join.${problem}`)}
            </p>
          ) : null}
          <button type="submit" className="btn-primary btn-large" disabled={checking}>
            {checking ? t('join.checking') : t('join.next')}
          </button>
        </form>
      </main>
    </div>
  );
}
