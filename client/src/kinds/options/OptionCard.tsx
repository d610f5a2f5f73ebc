import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OPTIONS_LIMITS, type OptionItem, type OptionScore } from '../../../../shared/kinds/options/model.js';
import { TextField } from '../../components/TextField.js';
import { useLang } from '../../i18n/index.js';
import { FiveStepScale } from './FiveStepScale.js';
import { choiceOf, type OptionsDraft } from './optionsDraft.js';
import { optionText } from './optionText.js';
import type { OptionValueItem } from './useOptionValues.js';

interface Props {
  activityId: string;
  option: OptionItem;
  values: OptionValueItem[];
  draft: OptionsDraft;
  onChoice: (valueId: string, choice: OptionScore | null) => void;
  onWhy: (text: string) => void;
}

/**
 * One option on the phone: its title and short description, a five-step choice per value, and
 * the optional "why" sentence. The heading takes the focus when the option is stepped to.
 */
export const OptionCard = forwardRef<HTMLHeadingElement, Props>(function OptionCard({ activityId, option, values, draft, onChoice, onWhy }, headingRef) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = optionText(option, lang);
  const headingId = `opt-h-${option.id}`;
  return (
    <section className="opt-card" aria-labelledby={headingId}>
      <header className="opt-card-head" lang={text.lang === lang ? undefined : text.lang}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {text.title}
        </h2>
        {text.description ? (
          <p className="opt-card-desc">
            {text.description}
          </p>
        ) : null}
      </header>
      <div className="opt-scales">
        {values.map((v) => (
          <FiveStepScale
            key={v.id}
            name={`${activityId}-${option.id}-${v.id}`}
            value={v.title}
            choice={choiceOf(draft, option.id, v.id)}
            onChange={(choice) => onChoice(v.id, choice)}
          />
        ))}
      </div>
      <TextField
        className="opt-why"
        label={t('optionsPhone.why')}
        hint={t('optionsPhone.whyHint')}
        value={Object.hasOwn(draft.why, option.id) ? (draft.why[option.id] ?? '') : ''}
        onChange={onWhy}
        max={OPTIONS_LIMITS.why}
        multiline
        rows={2}
      />
    </section>
  );
});
