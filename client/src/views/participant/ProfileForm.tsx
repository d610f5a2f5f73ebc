import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Group } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { selectMe } from '../../store/selfSlice.js';
import { GroupPicker } from './GroupPicker.js';

const NO_GROUPS: Group[] = [];

/**
 * "Erase my data", in two steps: the first names what goes (and what stays), the second erases.
 * The server then tells this phone `participant:erased`, which forgets the token and shows the
 * join form with a note (net/socket.ts).
 */
export function EraseMyData() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const erase = async () => {
    setBusy(true);
    setError(null);
    const result = await send('participant:eraseSelf', {});
    if (result.ok) return;
    setBusy(false);
    setError(t('deletion.phone.failed', { reason: t(`errors.${result.error.code}`) }));
  };

  if (!open) {
    return (
      <button type="button" className="btn-secondary erase-start" onClick={() => setOpen(true)}>
        {t('deletion.phone.start')}
      </button>
    );
  }
  return (
    <div className="erase-confirm" role="group" aria-labelledby="erase-what">
      <p id="erase-what">{t('deletion.phone.what')}</p>
      {error ? (
        <p role="alert" className="form-problems">
          {error}
        </p>
      ) : null}
      <div className="profile-actions">
        <button type="button" className="btn-danger" disabled={busy} onClick={() => void erase()}>
          {busy ? t('deletion.phone.erasing') : t('deletion.phone.confirm')}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Change one's group (picked the wrong one?) and, when names are allowed, one's name. */
export function ProfileForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useStore(selectMe);
  const groups = useStore((s) => s.room?.groups ?? NO_GROUPS);
  const allowNames = useStore((s) => s.room?.settings.allowNames ?? false);
  const [name, setName] = useState(me?.name ?? '');
  const [groupId, setGroupId] = useState<string | null>(me?.groupId ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!groupId) return;
    setBusy(true);
    setError(null);
    const result = await send('participant:update', { groupId, ...(allowNames ? { name: name.trim() } : {}) });
    setBusy(false);
    if (result.ok) onDone();
    else setError(t(`errors.${result.error.code}`));
  };

  return (
    <form className="profile-form" onSubmit={submit} noValidate aria-label={t('phone.profile.heading')}>
      <h2>{t('phone.profile.heading')}</h2>
      {allowNames ? <TextField label={t('phone.nameLabel')} hint={t('phone.nameHint')} value={name} onChange={setName} max={LIMITS.participantName} autoComplete="name" /> : null}
      <GroupPicker groups={groups} value={groupId} onChange={setGroupId} name="profile-group" />
      {error ? (
        <p role="alert" className="form-problems">
          {error}
        </p>
      ) : null}
      <div className="profile-actions">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('common.sending') : t('common.save')}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <EraseMyData />
    </form>
  );
}
