import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseJoinCode, type Settings } from '../../../../shared/index.js';
import { forgetWorkshop } from '../../lib/myWorkshops.js';
import { deleteWorkshop, HttpError } from '../../net/api.js';
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

/**
 * Deleting the workshop, in two steps: the first names what goes, the second asks for the join
 * code to be typed, so a stray click deletes nothing. Once the server confirms (204), this browser
 * forgets the workshop and the console shows that it is deleted (the server's `workshop:deleted`
 * says the same to every screen).
 */
export function DeleteWorkshop({ code, hostToken }: { code: string; hostToken: string }) {
  const { t } = useTranslation();
  const participants = useStore((s) => s.host?.participants.filter((p) => !p.removed).length ?? 0);
  const markDeleted = useStore((s) => s.markDeleted);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const matches = normaliseJoinCode(typed) === code;

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteWorkshop(code, hostToken);
      forgetWorkshop(code);
      markDeleted();
    } catch (err) {
      setBusy(false);
      const reason = !(err instanceof HttpError) ? t('errors.network') : err.code ? t(`errors.${err.code}`) : t('errors.http', { status: err.status });
      setError(t('deletion.console.failed', { reason }));
    }
  };

  return (
    <div className="delete-workshop">
      <h3 id="delete-h">{t('deletion.console.heading')}</h3>
      {open ? (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="delete-h" noValidate>
          <p id="delete-what">{t('deletion.console.what', { count: participants })}</p>
          <label htmlFor="delete-code">{t('deletion.console.typeCode', { code })}</label>
          <input
            id="delete-code"
            ref={input}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="delete-what"
            onChange={(e) => setTyped(e.target.value)}
          />
          {error ? (
            <p role="alert" className="form-problems">
              {error}
            </p>
          ) : null}
          <div className="profile-actions">
            <button type="submit" className="btn-danger" disabled={!matches || busy}>
              {busy ? t('deletion.console.deleting') : t('deletion.console.confirm')}
            </button>
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setOpen(false);
                setTyped('');
                setError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="field-hint">{t('deletion.console.intro')}</p>
          <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
            {t('deletion.console.start')}
          </button>
        </>
      )}
    </div>
  );
}

export function SettingsPanel({ code, hostToken }: { code: string; hostToken: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('console.settings.heading')}</h2>
      <SettingSwitch setting="allowProposals" label={t('console.settings.allowProposals')} />
      <SettingSwitch setting="allowNames" label={t('console.settings.allowNames')} hint={t('console.settings.allowNamesHint')} />
      <MinGroupSize />
      <DeleteWorkshop code={code} hostToken={hostToken} />
    </section>
  );
}
