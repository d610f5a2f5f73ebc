import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from './useCommand.js';

/**
 * "Erase data" for one participant, after a confirmation that says what goes: their name,
 * stories, answers and endorsements leave the state, the results, the export and the stored log
 * (`participant:erase`); their phone is told and shows the join form.
 */
export function EraseParticipant({ participantId, who }: { participantId: string; who: string }) {
  const { t } = useTranslation();
  const run = useCommand();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!confirming) {
    return (
      <button type="button" className="btn-link btn-link-danger" aria-label={t('deletion.console.eraseLabel', { who })} onClick={() => setConfirming(true)}>
        {t('deletion.console.erase')}
      </button>
    );
  }
  return (
    <div className="participant-confirm" role="group" aria-label={t('deletion.console.eraseLabel', { who })}>
      <p>{t('deletion.console.eraseWhat', { who })}</p>
      <div className="row">
        <button
          type="button"
          className="btn-danger btn-small"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void run('participant:erase', { participantId }).then(() => {
              setBusy(false);
              setConfirming(false);
            });
          }}
        >
          {t('deletion.console.eraseConfirm')}
        </button>
        <button type="button" className="btn-secondary btn-small" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
