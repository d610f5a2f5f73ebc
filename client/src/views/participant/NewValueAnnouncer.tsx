import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicValue } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';

/** A polite live region that names values added while the phone is open (not the initial ones). */
export function NewValueAnnouncer({ values }: { values: PublicValue[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(values.map((v) => v.id));
      return;
    }
    const added = values.filter((v) => !seen.current?.has(v.id));
    for (const v of added) seen.current.add(v.id);
    if (added.length > 0) setMessage(added.map((v) => t('phone.newValue', { title: cardText(v, lang).title })).join('. '));
  }, [values, t, lang]);

  return (
    <div className="sr-only" aria-live="polite" data-testid="new-values">
      {message}
    </div>
  );
}
