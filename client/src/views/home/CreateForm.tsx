import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DEFAULT_GROUPS, LANGS, LIMITS, TEMPLATE_IDS, TEMPLATES, type Lang, type TemplateId } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { useLang } from '../../i18n/index.js';
import { rememberWorkshop } from '../../lib/myWorkshops.js';
import { createWorkshop, HttpError } from '../../net/api.js';
import { MyTemplatesPicker } from '../console/agenda/MyTemplatesPicker.js';
import type { MyTemplate } from '../console/agenda/myTemplates.js';
import { GroupsEditor } from './GroupsEditor.js';
import { createProblems, isDefaultGroups } from './validateCreate.js';

const defaultGroups = (lang: Lang) => DEFAULT_GROUPS.map((g) => g[lang]);

export function CreateForm() {
  const { t } = useTranslation();
  const uiLang = useLang();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('heat-transition');
  // One of the facilitator's own templates, chosen instead of a built-in one.
  const [custom, setCustom] = useState<MyTemplate | null>(null);
  // Until the facilitator picks a language (or a template that has one), the workshop's language
  // is the screen's: tapping NL makes the form Dutch and the workshop Dutch, with Dutch groups.
  const [languageChoice, setLanguageChoice] = useState<Lang | null>(null);
  const language = languageChoice ?? uiLang;
  // Groups the facilitator typed; until then the chosen template's own groups or the defaults in the workshop's language.
  const [editedGroups, setEditedGroups] = useState<string[] | null>(null);
  const groups = editedGroups ?? custom?.file.groups ?? defaultGroups(language);
  const [allowNames, setAllowNames] = useState(false);
  const [allowProposals, setAllowProposals] = useState(true);
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problems = createProblems(title, groups, language);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowProblems(true);
    if (problems.length > 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createWorkshop({
        title: title.trim(),
        ...(custom ? { custom: custom.file } : { template }),
        language,
        ...(isDefaultGroups(groups, language) ? {} : { groups: groups.map((g) => g.trim()) }),
        allowNames,
        allowProposals,
      });
      rememberWorkshop({ code: created.code, title: title.trim(), hostToken: created.hostToken, createdAt: Date.now() });
      navigate(`/f/${created.code}#${created.hostToken}`);
    } catch (err) {
      setError(err instanceof HttpError ? t('errors.http', { status: err.status }) : t('errors.network'));
      setBusy(false);
    }
  };

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <TextField label={t('home.create.titleLabel')} value={title} onChange={setTitle} max={LIMITS.workshopTitle} placeholder={t('home.create.titlePlaceholder')} required />

      <fieldset className="template-picker">
        <legend>{t('home.create.template')}</legend>
        {TEMPLATE_IDS.map((id) => {
          const tpl = TEMPLATES[id];
          const cards = tpl.cards.length;
          return (
            <label key={id} className="choice-card">
              <input
                type="radio"
                name="template"
                value={id}
                checked={!custom && template === id}
                onChange={() => {
                  setTemplate(id);
                  setCustom(null);
                }}
              />
              <span className="choice-title">{tpl.name[uiLang]}</span>
              <span className="choice-desc">
                {tpl.description[uiLang]}
                {cards > 0 ? ` · ${t('home.create.cards', { count: cards })}` : null}
              </span>
            </label>
          );
        })}
        <MyTemplatesPicker
          selectedId={custom?.id ?? null}
          onSelect={(entry) => {
            setCustom(entry);
            // The template's own language (its groups follow, unless the facilitator edited them).
            if (entry) setLanguageChoice(entry.file.language);
          }}
        />
      </fieldset>

      <fieldset className="segmented">
        <legend>{t('home.create.language')}</legend>
        <p className="field-hint">{t('home.create.languageHint')}</p>
        <div className="segmented-options">
          {LANGS.map((l) => (
            <label key={l}>
              <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguageChoice(l)} />
              <span lang={l}>{t(`common.languageNames.${l}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <GroupsEditor
        groups={groups}
        onChange={setEditedGroups}
        onReset={() => setEditedGroups(null)}
      />

      <div className="toggles">
        <label className="switch">
          <input type="checkbox" checked={allowProposals} onChange={(e) => setAllowProposals(e.target.checked)} />
          <span>{t('home.create.allowProposals')}</span>
        </label>
        <label className="switch">
          <input type="checkbox" checked={allowNames} onChange={(e) => setAllowNames(e.target.checked)} aria-describedby="allow-names-hint" />
          <span>{t('home.create.allowNames')}</span>
        </label>
        <p id="allow-names-hint" className="field-hint">
          {t('home.create.allowNamesHint')}
        </p>
      </div>

      {showProblems && problems.length > 0 ? (
        // The alert wraps the list, so the list keeps its role and its items stay list items.
        <div className="form-problems" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p}>{t(`home.create.errors.${p}`, { max: LIMITS.groupName })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="form-problems" role="alert">
          {error}
        </p>
      ) : null}

      <button type="submit" className="btn-primary btn-large" disabled={busy}>
        {busy ? t('home.create.submitting') : t('home.create.submit')}
      </button>
    </form>
  );
}
