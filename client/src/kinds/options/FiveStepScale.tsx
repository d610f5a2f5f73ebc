import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OPTION_SCORES, type OptionScore } from '../../../../shared/kinds/options/model.js';
import { scoreText, scoreWordKey } from './scoreWords.js';

interface Props {
  /** The radio group's name (unique per option and value). */
  name: string;
  /** The value's title: the group's visible legend. */
  value: string;
  /** A score, null for "don't know", undefined when nothing is chosen yet. */
  choice: OptionScore | null | undefined;
  onChange: (choice: OptionScore | null) => void;
  disabled?: boolean;
}

/**
 * One value of one option: five big radio buttons from −2 ("works against it") to +2 ("serves it
 * well") and a sixth, "don't know". Native radios in one group, so arrow keys, screen readers
 * and the browser's own focus handling work; each is named with its word ("+1: Helps it a
 * little"), and the two ends are printed under the row for sighted readers. Laid out as a grid:
 * the value's name and "don't know" on the first line, the five steps, then the two ends.
 */
export const FiveStepScale = memo(function FiveStepScale({ name, value, choice, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <fieldset className="opt-scale" aria-labelledby={legendId} disabled={disabled}>
      {/* The legend names the group for assistive technology; the same name is drawn in the grid
          beside "don't know", where a legend can't go, so a long name wraps instead of running under it. */}
      <legend id={legendId} className="sr-only">
        {value}
      </legend>
      <span className="opt-scale-value" aria-hidden="true">
        {value}
      </span>
      <div className="opt-steps">
        {OPTION_SCORES.map((score) => (
          <label key={score} className={choice === score ? 'opt-step is-chosen' : 'opt-step'}>
            <input
              type="radio"
              name={name}
              value={String(score)}
              checked={choice === score}
              aria-label={t('optionsPhone.scoreLabel', { score: scoreText(score), word: t(`optionsPhone.scale.${scoreWordKey(score)}`) })}
              onChange={() => onChange(score)}
            />
            <span aria-hidden="true">{scoreText(score)}</span>
          </label>
        ))}
      </div>
      <p className="opt-ends" aria-hidden="true">
        <span>{t('optionsPhone.endLow')}</span>
        <span>{t('optionsPhone.endHigh')}</span>
      </p>
      <label className={choice === null ? 'opt-dontknow is-chosen' : 'opt-dontknow'}>
        <input type="radio" name={name} value="dont-know" checked={choice === null} onChange={() => onChange(null)} />
        <span>{t('optionsPhone.scale.dontKnow')}</span>
      </label>
    </fieldset>
  );
});
