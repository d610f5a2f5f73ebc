import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/index.js';
import { useStore } from '../../store/index.js';
import { useCommand } from './useCommand.js';

type Toggle = 'allowProposals' | 'allowNames';

/**
 * A settings checkbox that shows the facilitator's choice at once and then follows the server:
 * the snapshot confirming it arrives a broadcast window after the ack, and a refusal reverts it.
 */
function SettingSwitch({ setting, label, hint }: { setting: Toggle; label: string; hint?: ReactNode }) {
  const run = useCommand();
  const server = useStore((s) => s.pub?.settings[setting] ?? false);
  const [wanted, setWanted] = useState<boolean | null>(null);

  useEffect(() => {
    if (wanted === server) setWanted(null);
  }, [server, wanted]);

  const change = async (value: boolean) => {
    setWanted(value);
    const payload: Partial<Pick<Settings, Toggle>> = { [setting]: value };
    if (!(await run('settings:update', payload))) setWanted(null);
  };

  const hintId = `${setting}-hint`;
  return (
    <>
      <label className="switch">
        <input type="checkbox" checked={wanted ?? server} onChange={(e) => void change(e.target.checked)} aria-describedby={hint ? hintId : undefined} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function SettingsPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('console.settings.heading')}</h2>
      <SettingSwitch setting="allowProposals" label={t('console.settings.allowProposals')} />
      <SettingSwitch setting="allowNames" label={t('console.settings.allowNames')} hint={t('console.settings.allowNamesHint')} />
    </section>
  );
}
