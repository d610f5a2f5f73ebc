import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DEFAULT_GROUPS, LANGS, PROCESS_LIMITS, type Lang } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useLang } from '../../i18n/index.js';
import { registerStrings } from '../../i18n/lazy.js';
import { processEn } from '../../i18n/process.en.js';
import { processNl } from '../../i18n/process.nl.js';
import { rememberProcess } from '../../lib/myProcesses.js';
import { GroupsInvitedEditor, groupProblems, parseInvited, ProblemList, type GroupDraft, type ProblemKey } from '../process/GroupsInvitedEditor.js';
import { createProcess, ProcessHttpError } from '../process/processApi.js';

registerStrings('process', { nl: processNl, en: processEn });

const defaultGroups = (lang: Lang): GroupDraft[] => DEFAULT_GROUPS.map((g) => ({ name: g[lang], invited: '' }));

/**
 * A new process ("traject"): its title, the neighbourhood or plan, its language and its groups
 * with how many people were invited per group. Created, it opens the organiser's process page,
 * where its meetings are added.
 */
export function NewProcessForm() {
  const { t } = useTranslation();
  const uiLang = useLang();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [area, setArea] = useState('');
  // As on the workshop form: the screen's language until one is picked by hand.
  const [languageChoice, setLanguageChoice] = useState<Lang | null>(null);
  const language = languageChoice ?? uiLang;
  const [edited, setEdited] = useState<GroupDraft[] | null>(null);
  const groups = edited ?? defaultGroups(language);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems: ProblemKey[] = [...(title.trim() === '' ? (['title'] as const) : []), ...groupProblems(groups)];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowProblems(true);
    if (problems.length > 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createProcess({
        title: title.trim(),
        area: area.trim(),
        language,
        groups: groups.map((g) => ({ name: g.name.trim(), invited: parseInvited(g.invited) ?? null })),
      });
      rememberProcess({ code: created.code, title: title.trim(), organiserToken: created.organiserToken, createdAt: Date.now() });
      navigate(`/p/${created.code}#${created.organiserToken}`);
    } catch (err) {
      setError(err instanceof ProcessHttpError ? (err.code ? t(`errors.${err.code}`) : t('errors.http', { status: err.status })) : t('errors.network'));
      setBusy(false);
    }
  };

  return (
    <form className="create-form process-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-process-h">
      <h3 id="new-process-h">{t('process.create.heading')}</h3>
      <p className="field-hint">{t('process.create.intro')}</p>
      <TextField label={t('process.create.titleLabel')} value={title} onChange={setTitle} max={PROCESS_LIMITS.title} placeholder={t('process.create.titlePlaceholder')} required />
      <TextField label={t('process.create.areaLabel')} value={area} onChange={setArea} max={PROCESS_LIMITS.area} placeholder={t('process.create.areaPlaceholder')} hint={t('process.create.areaHint')} />
      <fieldset className="segmented">
        <legend>{t('process.create.language')}</legend>
        <div className="segmented-options">
          {LANGS.map((l) => (
            <label key={l}>
              <input type="radio" name="process-language" value={l} checked={language === l} onChange={() => setLanguageChoice(l)} />
              <span lang={l}>{t(`common.languageNames.${l}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <GroupsInvitedEditor groups={groups} onChange={setEdited} onReset={() => setEdited(null)} />
      {showProblems ? <ProblemList problems={problems} /> : null}
      {error ? (
        <p className="form-problems" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary btn-large" disabled={busy}>
        {busy ? t('process.create.submitting') : t('process.create.submit')}
      </button>
    </form>
  );
}
