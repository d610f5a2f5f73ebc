import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';

export const SCAN_SCORES = [1, 2, 3, 4, 5] as const;

interface Props {
  name: string;
  statement: string;
  value: number | null;
  onChange: (score: number) => void;
}

/**
 * One statement with five big radio buttons, 1 (disagree) … 5 (agree). Native radios, so arrow
 * keys, screen readers and the browser's own checks work; each is named with its word
 * ("4: Agree"), the ends are labelled under the row for sighted readers.
 */
export const ScanScale = memo(function ScanScale({ name, statement, value, onChange }: Props) {
  const { t } = useTranslation();
  const legendId = useId();
  return (
    <fieldset className="scan-statement" aria-labelledby={legendId}>
      <legend id={legendId} className="scan-statement-text">
        {statement}
      </legend>
      <div className="scan-scale">
        {SCAN_SCORES.map((score) => (
          <label key={score} className={value === score ? 'scan-option is-chosen' : 'scan-option'}>
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              aria-label={t('agenda.scan.scoreLabel', { score, word: t(`agenda.scan.scale.s${score}`) })}
              onChange={() => onChange(score)}
            />
            <span aria-hidden="true">{score}</span>
          </label>
        ))}
      </div>
      <p className="scan-ends" aria-hidden="true">
        <span>{t('agenda.scan.disagree')}</span>
        <span>{t('agenda.scan.agree')}</span>
      </p>
    </fieldset>
  );
});
