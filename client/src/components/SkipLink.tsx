import { useTranslation } from 'react-i18next';
import './skipLink.css';

/** The id of the element a page's skip link jumps to: its <main>, which takes focus (tabIndex −1). */
export const MAIN_ID = 'main';

/**
 * "Skip to main content": the first tab stop of a page, out of sight until it has the focus, so
 * a keyboard user passes the header (and the console's side panels) in one key press.
 */
export function SkipLink({ target = MAIN_ID }: { target?: string }) {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${target}`}>
      {t('a11y.skipToMain')}
    </a>
  );
}
