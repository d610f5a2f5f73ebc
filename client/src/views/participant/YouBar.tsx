import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.js';
import { groupNameById } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { selectMe } from '../../store/selfSlice.js';
import { ProfileForm } from './ProfileForm.js';

/** Who this phone is in the workshop: name (if any) and group, with a way to correct them. */
export function YouBar() {
  const { t } = useTranslation();
  const lang = useLang();
  const name = useStore((s) => selectMe(s)?.name ?? null);
  const group = useStore((s) => groupNameById(s.room?.groups ?? [], selectMe(s)?.groupId ?? null, lang));
  const [editing, setEditing] = useState(false);
  return (
    <div className="you-bar">
      <p>
        <span className="you-label">{t('phone.you')}:</span> <strong>{name ?? t('phone.anonymous')}</strong>
        <span aria-hidden="true"> · </span>
        <span>{t('phone.yourGroup', { group })}</span>
        {editing ? null : (
          <button type="button" className="you-change" onClick={() => setEditing(true)}>
            {t('phone.profile.change')}
          </button>
        )}
      </p>
      {editing ? <ProfileForm onDone={() => setEditing(false)} /> : null}
    </div>
  );
}
