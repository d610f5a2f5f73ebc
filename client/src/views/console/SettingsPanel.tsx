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

/** Below this many answers a group is left out of the groups lens: too few to mean much, and it would reveal individuals. */
const MIN_GROUP_SIZE_RANGE = { min: 1, max: 50 } as const;

function MinGroupSize() {
  const { t } = useTranslation();
  const run = useCommand();
  const server = useStore((s) => s.pub?.settings.minGroupSize ?? 3);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(server);
  const n = Number(value);
  const valid = Number.isInteger(n) && n >= MIN_GROUP_SIZE_RANGE.min && n <= MIN_GROUP_SIZE_RANGE.max;

  const save = async () => {
    if (!valid || n === server) {
      setDraft(null);
      return;
    }
    await run('settings:update', { minGroupSize: n });
    setDraft(null);
  };

  return (
    <div className="setting-number">
      <label htmlFor="min-group-size">{t('console.settings.minGroupSize')}</label>
      <input
        id="min-group-size"
        type="number"
        inputMode="numeric"
        min={MIN_GROUP_SIZE_RANGE.min}
        max={MIN_GROUP_SIZE_RANGE.max}
        value={value}
        aria-invalid={!valid}
        aria-describedby="min-group-size-hint"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
      <p id="min-group-size-hint" className="field-hint">
        {t('console.settings.minGroupSizeHint')}
      </p>
    </div>
  );
}

export function SettingsPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('console.settings.heading')}</h2>
      <SettingSwitch setting="allowProposals" label={t('console.settings.allowProposals')} />
      <SettingSwitch setting="allowNames" label={t('console.settings.allowNames')} hint={t('console.settings.allowNamesHint')} />
      <MinGroupSize />
    </section>
  );
}
