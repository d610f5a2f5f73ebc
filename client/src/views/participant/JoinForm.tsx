import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Group } from '../../../../shared/index.js';
import { TextField } from '../../components/TextField.js';
import { send } from '../../net/send.js';
import { setParticipantToken } from '../../net/socket.js';
import { useStore } from '../../store/index.js';
import { GroupPicker } from './GroupPicker.js';
import { PhoneFeedback, useHasFeedback } from './FeedbackSection.js';

// A constant, not a fresh [] per call: zustand re-renders when a selector's result changes identity.
const NO_GROUPS: Group[] = [];

/**
 * Optional name (only when names are allowed), a group as big buttons, and "join" — or, while
 * the facilitator has closed joining, why this phone can't join, until it opens again (live).
 */
export function JoinForm() {
  const { t } = useTranslation();
  const joiningOpen = useStore((s) => s.room?.settings.joiningOpen !== false);
  const lostReason = useStore((s) => s.lostReason);
  // Said once it changes, so someone who can't see the screen hears the doors close and open.
  const wasClosed = useRef(!joiningOpen);
  if (!joiningOpen) wasClosed.current = true;
  const status = !joiningOpen ? t('doors.phone.closedTitle') : wasClosed.current ? t('phone.joinTitle') : '';
  return (
    <>
      <p role="status" className="sr-only">
        {status}
      </p>
      {joiningOpen ? (
        <OpenJoinForm />
      ) : (
        <section className="join-form join-closed" aria-labelledby="join-closed-h">
          <h1 id="join-closed-h">{t('doors.phone.closedTitle')}</h1>
          {lostReason ? <p className="notice">{t(`phone.${lostReason}`)}</p> : null}
          <p className="lead">{t('doors.phone.closedBody')}</p>
        </section>
      )}
      {/* Someone opening the link after the meeting: what was done with what was said, once published. */}
      <PhoneFeedback />
    </>
  );
}

function OpenJoinForm() {
  const { t } = useTranslation();
  const groups = useStore((s) => s.room?.groups ?? NO_GROUPS);
  const allowNames = useStore((s) => s.room?.settings.allowNames ?? false);
  const lostReason = useStore((s) => s.lostReason);
  const hasFeedback = useHasFeedback();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!groupId) {
      setError(t('phone.pickGroup'));
      return;
    }
    setBusy(true);
    setError(null);
    const trimmed = allowNames ? name.trim() : '';
    const result = await send('participant:join', { groupId, ...(trimmed ? { name: trimmed } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(t(`errors.${result.error.code}`));
      return;
    }
    setParticipantToken(result.data.token);
    useStore.getState().becomeParticipant(result.data.token, { id: result.data.participantId, name: trimmed || null, groupId });
  };

  return (
    <form className="join-form" onSubmit={submit} noValidate>
      <h1>{t('phone.joinTitle')}</h1>
      {hasFeedback ? (
        <p>
          <a href="#feedback">{t('feedback.jump')}</a>
        </p>
      ) : null}
      {lostReason ? (
        <p role="alert" className="notice">
          {t(`phone.${lostReason}`)}
        </p>
      ) : null}
      {allowNames ? (
        <TextField
          label={
            <>
              {t('phone.nameLabel')} <span className="optional">{t('common.optional')}</span>
            </>
          }
          hint={t('phone.nameHint')}
          value={name}
          onChange={setName}
          max={LIMITS.participantName}
          autoComplete="name"
        />
      ) : null}
      <GroupPicker groups={groups} value={groupId} onChange={setGroupId} name="group" />
      {error ? (
        <p role="alert" className="form-problems">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary btn-large" disabled={busy}>
        {busy ? t('phone.joining') : t('phone.joinButton')}
      </button>
    </form>
  );
}
