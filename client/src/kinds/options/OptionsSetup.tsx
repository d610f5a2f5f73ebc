import { nanoid } from 'nanoid';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/index.js';
import { OPTIONS_LIMITS, WEIGHT_MODES, type OptionItem, type OptionWeights, type WeightMode } from '../../../../shared/kinds/options/model.js';
import { isWeightingVote, optionMissingTitle } from '../../../../shared/kinds/options/validate.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import type { ConfigureChanges, SettingsProps } from '../types.js';
import './OptionsSetup.css';

const LANGS: readonly Lang[] = ['nl', 'en'];
const { options: OPTIONS, values: VALUES } = OPTIONS_LIMITS;

function blankOption(): OptionItem {
  return { id: `o${nanoid(10)}`, text: { nl: { title: '', description: '' }, en: { title: '', description: '' } } };
}

/** The saved options, with blank ones up to the minimum (a new step has none yet). */
function startingOptions(saved: readonly OptionItem[]): OptionItem[] {
  const out = [...saved];
  while (out.length < OPTIONS.min) out.push(blankOption());
  return out;
}

function trimmed(o: OptionItem): OptionItem {
  const side = (l: Lang) => ({ title: o.text[l].title.trim(), description: o.text[l].description.trim() });
  return { id: o.id, text: { nl: side('nl'), en: side('en') } };
}

function sameIds(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/** Equal weights read no vote. */
function normalised(w: OptionWeights): OptionWeights {
  return w.mode === 'equal' ? { mode: 'equal', voteActivityId: null } : w;
}

/**
 * An options step's settings in the agenda's step dialog, saved with the dialog's Save (one
 * `activity:configure` with only what changed): the options (OPTIONS_LIMITS.options, each with a
 * title and description in Dutch and English — the title in the workshop's language required,
 * as the server checks), the values that take part (by default the top values of the latest
 * revealed vote, chosen by the server when the step opens; or picked here) and where the
 * values' weights come from (equal, or a vote before this step: for the whole room or per
 * group). Once answers are in the server refuses all three, so the form is read-only.
 */
export function OptionsSetup({ activity, locked, bind }: SettingsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const id = useId();
  const host = useStore((s) => s.host);
  const language: Lang = host?.language ?? lang;
  const cfg = activity.config;

  const [start] = useState(() => startingOptions(cfg.options));
  const [options, setOptions] = useState<OptionItem[]>(start);
  const [valueIds, setValueIds] = useState<string[] | null>(cfg.valueIds);
  // The last picks, so going back from the default to "pick" does not lose them.
  const [lastPicked, setLastPicked] = useState<string[]>(cfg.valueIds ?? []);
  const [weights, setWeights] = useState<OptionWeights>(cfg.weights);
  // Where the focus goes after a change that moves or removes the control that had it.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const root = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]:not(:disabled)`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const visible = host?.values ?? [];
  const index = host ? host.activities.findIndex((a) => a.id === activity.id) : -1;
  const votesBefore = (host?.activities ?? []).map((a, i) => ({ a, n: i + 1 })).filter(({ a }, i) => i < index && isWeightingVote(a));
  const languageName = (l: Lang) => t(`optionsSetup.languages.${l}`);

  // What the dialog's Save sends; recomputed whenever a field changes.
  useEffect(() => {
    bind(() => {
      if (locked) return { changes: {} };
      const changes: ConfigureChanges = {};
      if (JSON.stringify(options) !== JSON.stringify(start)) {
        const clean = options.map(trimmed);
        const untitled = optionMissingTitle(clean, language);
        if (untitled) return { problem: t('optionsSetup.problems.title', { n: clean.indexOf(untitled) + 1, language: languageName(language) }) };
        changes.options = clean;
      }
      if (!sameIds(valueIds, cfg.valueIds)) {
        if (valueIds !== null && valueIds.length < VALUES.min) return { problem: t('optionsSetup.problems.values', { count: VALUES.min }) };
        changes.valueIds = valueIds;
      }
      const w = normalised(weights);
      if (w.mode !== cfg.weights.mode || w.voteActivityId !== cfg.weights.voteActivityId) changes.weights = w;
      return { changes };
    });
    return () => bind(null);
  });

  const edit = (optionId: string, l: Lang, field: 'title' | 'description', value: string) =>
    setOptions((list) => list.map((o) => (o.id === optionId ? { ...o, text: { ...o.text, [l]: { ...o.text[l], [field]: value } } } : o)));

  const move = (from: number, by: -1 | 1) => {
    const to = from + by;
    const moved = options[from];
    if (!moved || to < 0 || to >= options.length) return;
    const next = [...options];
    next.splice(from, 1);
    next.splice(to, 0, moved);
    setOptions(next);
    // The arrow keeps the focus; at the edge, the other arrow of the same option.
    const edge = (by === -1 && to === 0) || (by === 1 && to === next.length - 1);
    setFocusTarget(`${moved.id}:${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };

  const remove = (at: number) => {
    if (options.length <= OPTIONS.min) return;
    const next = options.filter((_, i) => i !== at);
    setOptions(next);
    const neighbour = next[Math.min(at, next.length - 1)];
    if (neighbour) setFocusTarget(`${neighbour.id}:title`);
  };

  const add = () => {
    if (options.length >= OPTIONS.max) return;
    const o = blankOption();
    setOptions([...options, o]);
    setFocusTarget(`${o.id}:title`);
  };

  const chosen = valueIds ?? [];
  const toggleValue = (valueId: string, on: boolean) => {
    const set = new Set(chosen);
    if (on) set.add(valueId);
    else set.delete(valueId);
    // Keep the display order, whatever the order of clicking.
    const next = visible.map((v) => v.id).filter((x) => set.has(x));
    setValueIds(next);
    setLastPicked(next);
  };

  const setMode = (mode: WeightMode) => setWeights((w) => ({ ...w, mode }));
  const voteSelectId = `${id}-vote`;

  return (
    <fieldset ref={root} className="options-setup" disabled={locked} aria-describedby={locked ? `${id}-locked` : undefined}>
      <legend>{t('optionsSetup.heading')}</legend>
      {locked ? (
        <p id={`${id}-locked`} className="vote-settings-frozen">
          {t('optionsSetup.locked')}
        </p>
      ) : (
        <p className="field-hint">
          {t('optionsSetup.hint', { min: OPTIONS.min, max: OPTIONS.max })} {t('optionsSetup.titleRequired', { language: languageName(language) })}
        </p>
      )}
      <ol className="os-options">
        {options.map((o, i) => {
          const n = i + 1;
          return (
            <li key={o.id} className="os-option">
              <div className="os-option-head">
                <h3 className="os-option-n">{t('optionsSetup.option', { n })}</h3>
                <div className="os-option-tools">
                  <button type="button" className="btn-icon btn-icon-small" data-focus={`${o.id}:up`} aria-label={t('optionsSetup.up', { n })} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="btn-icon btn-icon-small" data-focus={`${o.id}:down`} aria-label={t('optionsSetup.down', { n })} disabled={i === options.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="btn-icon btn-icon-small" aria-label={t('optionsSetup.remove', { n })} disabled={options.length <= OPTIONS.min} onClick={() => remove(i)}>
                    ×
                  </button>
                </div>
              </div>
              <div className="os-langs">
                {LANGS.map((l) => (
                  <div key={l} className="os-lang">
                    <p className="os-lang-name" aria-hidden="true">
                      <abbr>{l.toUpperCase()}</abbr> {languageName(l)}
                    </p>
                    <label className="os-field">
                      <span className="os-field-label" aria-hidden="true">
                        {t('optionsSetup.titleShort')}
                        {l === language ? ' *' : ''}
                      </span>
                      <input
                        type="text"
                        lang={l}
                        value={o.text[l].title}
                        maxLength={OPTIONS_LIMITS.optionTitle}
                        aria-label={t('optionsSetup.title', { n, language: languageName(l) })}
                        aria-required={l === language}
                        data-focus={l === language ? `${o.id}:title` : undefined}
                        onChange={(e) => edit(o.id, l, 'title', e.target.value)}
                      />
                    </label>
                    <label className="os-field">
                      <span className="os-field-label" aria-hidden="true">
                        {t('optionsSetup.descriptionShort')}
                      </span>
                      <textarea
                        rows={4}
                        lang={l}
                        value={o.text[l].description}
                        maxLength={OPTIONS_LIMITS.optionDescription}
                        aria-label={t('optionsSetup.description', { n, language: languageName(l) })}
                        onChange={(e) => edit(o.id, l, 'description', e.target.value)}
                      />
                    </label>
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="os-add">
        <button type="button" className="btn-secondary btn-small" disabled={options.length >= OPTIONS.max} aria-describedby={options.length >= OPTIONS.max ? `${id}-max` : undefined} onClick={add}>
          + {t('optionsSetup.add')}
        </button>
        {options.length >= OPTIONS.max ? (
          <span id={`${id}-max`} className="field-hint">
            {t('optionsSetup.maxReached', { max: OPTIONS.max })}
          </span>
        ) : null}
      </div>

      <fieldset className="os-group">
        <legend>{t('optionsSetup.values.heading')}</legend>
        <label className="check">
          <input type="radio" name={`${id}-values`} checked={valueIds === null} onChange={() => setValueIds(null)} />
          <span>{t('optionsSetup.values.default', { count: OPTIONS_LIMITS.defaultValues })}</span>
        </label>
        <p className="field-hint os-indent">{t('optionsSetup.values.defaultHint', { count: OPTIONS_LIMITS.defaultValues })}</p>
        <label className="check">
          <input type="radio" name={`${id}-values`} checked={valueIds !== null} onChange={() => setValueIds(lastPicked)} />
          <span>{t('optionsSetup.values.pick')}</span>
        </label>
        {valueIds !== null ? (
          <div className="os-indent">
            <p className="field-hint" aria-live="polite">
              {t('optionsSetup.values.chosen', { count: chosen.length, max: VALUES.max })}
            </p>
            {visible.length === 0 ? <p className="field-hint">{t('optionsSetup.values.none')}</p> : null}
            <ul className="vote-settings-list">
              {visible.map((v) => {
                const on = chosen.includes(v.id);
                return (
                  <li key={v.id}>
                    <label className="check">
                      <input type="checkbox" checked={on} disabled={!on && chosen.length >= VALUES.max} onChange={(e) => toggleValue(v.id, e.target.checked)} />
                      <span>{cardText(v, lang).title}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="os-group">
        <legend>{t('optionsSetup.weights.heading')}</legend>
        {WEIGHT_MODES.map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name={`${id}-weights`} value={mode} checked={weights.mode === mode} onChange={() => setMode(mode)} />
            <span>{t(`optionsSetup.weights.${mode}`)}</span>
          </label>
        ))}
        {weights.mode !== 'equal' ? (
          <div className="field os-indent">
            <label htmlFor={voteSelectId}>{t('optionsSetup.weights.vote')}</label>
            <select id={voteSelectId} value={weights.voteActivityId ?? ''} onChange={(e) => setWeights((w) => ({ ...w, voteActivityId: e.target.value === '' ? null : e.target.value }))}>
              <option value="">{t('optionsSetup.weights.latest')}</option>
              {votesBefore.map(({ a, n }) => (
                <option key={a.id} value={a.id}>
                  {t('optionsSetup.weights.voteStep', { n, name: text.name(a) })}
                </option>
              ))}
            </select>
            {votesBefore.length === 0 ? <p className="field-hint">{t('optionsSetup.weights.noVote')}</p> : null}
          </div>
        ) : null}
      </fieldset>
    </fieldset>
  );
}
