import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  max: number;
  multiline?: boolean;
  rows?: number;
  hint?: ReactNode;
  placeholder?: string;
  required?: boolean;
  autoFocus?: boolean;
  /** The field's purpose for autofill (WCAG 1.3.5), e.g. "name" for the person's own name. */
  autoComplete?: string;
  className?: string;
}

/** A labelled text input with a character counter against its limit (from shared LIMITS). */
export function TextField({ label, value, onChange, max, multiline, rows = 4, hint, placeholder, required, autoFocus, autoComplete, className = '' }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const count = value.length;
  const near = count > max * 0.9;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`].filter(Boolean).join(' ');
  const common = {
    id,
    value,
    maxLength: max,
    placeholder,
    required,
    autoFocus,
    autoComplete,
    'aria-describedby': describedBy,
  };
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <p id={`${id}-count`} className={near ? 'field-count is-near' : 'field-count'} aria-label={t('common.charCountLabel', { count, max })}>
        {t('common.charCount', { count, max })}
      </p>
    </div>
  );
}
