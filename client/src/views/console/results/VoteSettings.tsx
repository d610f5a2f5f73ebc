import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput, HostView, PublicActivity } from '../../../../../shared/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useLang } from '../../../i18n/index.js';
import { cardText } from '../../../lib/localized.js';
import { useStore } from '../../../store/index.js';
import { isVoteActivity, type VoteActivity } from '../../board/results/voteText.js';
import { useCommand } from '../useCommand.js';
import { minBallotValues, VOTE_LIMITS } from '../../../../../shared/domain/permissions.js';
import './voteConsole.css';

/** The limits activity:configure accepts: the schema reads the same object. */
const DOTS = VOTE_LIMITS.dotsPerParticipant;
const PER_VALUE = VOTE_LIMITS.dotsMaxPerValue;
const RANK_K = VOTE_LIMITS.rankK;

/**
 * A vote's settings: dots N and the most per value, K (or rank all), and which values take part
 * (default: every visible value, frozen when the vote opens). Once answers are in the server
 * refuses changes to these — that is a new round — so the form says so and locks.
 * Embedded in the agenda editor's step dialog, and in the console's vote panel.
 */
export function VoteSettings({ activity, host }: { activity: PublicActivity; host: HostView }) {
  if (!isVoteActivity(activity)) return null;
  // A new config from the server (saved here or elsewhere) starts the form afresh.
  return <VoteSettingsForm key={`${activity.id}:${JSON.stringify(activity.config)}`} activity={activity} host={host} />;
}

function sameIds(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id, i) => b[i] === id);
}

/** A whole number from min to max, or null while the field holds anything else. */
function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

function VoteSettingsForm({ activity, host }: { activity: VoteActivity; host: HostView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const run = useCommand();
  const notify = useStore((s) => s.notify);
  const id = useId();
  const cfg = activity.config;
  // Number fields keep what is typed; only a valid number counts (and can be saved).
  const [dotsText, setDotsText] = useState(String(cfg.dotsPerParticipant));
  const [maxText, setMaxText] = useState(String(cfg.dotsMaxPerValue));
  const [rankAll, setRankAll] = useState(cfg.rankK === null);
  const [kText, setKText] = useState(String(cfg.rankK ?? 5));
  const [valueIds, setValueIds] = useState<string[] | null>(cfg.valueIds);
  const [busy, setBusy] = useState(false);

  const visible = host.values;
  const frozen = host.answerShapingLocked[activity.id] === true;
  const chosen = valueIds ?? visible.map((v) => v.id);
  const chosenCount = chosen.length;
  const tooFew = chosenCount < minBallotValues(activity.kind);
  const kMax = Math.min(RANK_K.max, Math.max(RANK_K.min, chosenCount));
  const dots = wholeNumber(dotsText, DOTS.min, DOTS.max);
  const perValueMax = Math.min(PER_VALUE.max, dots ?? DOTS.max);
  const maxPerValue = wholeNumber(maxText, PER_VALUE.min, perValueMax);
  const k = wholeNumber(kText, RANK_K.min, kMax);
  const rankK = rankAll ? null : k;
  const badNumber = activity.kind === 'dots' ? dots === null || maxPerValue === null : activity.kind === 'rank' && !rankAll && k === null;

  const toggle = (valueId: string, on: boolean) => {
    const set = new Set(chosen);
    if (on) set.add(valueId);
    else set.delete(valueId);
    // Keep the display order, whatever the order of clicking.
    setValueIds(visible.map((v) => v.id).filter((x) => set.has(x)));
  };

  const payload: CommandInput<'activity:configure'> = { activityId: activity.id };
  if (activity.kind === 'dots' && dots !== null && dots !== cfg.dotsPerParticipant) payload.dotsPerParticipant = dots;
  if (activity.kind === 'dots' && maxPerValue !== null && maxPerValue !== cfg.dotsMaxPerValue) payload.dotsMaxPerValue = maxPerValue;
  if (activity.kind === 'rank' && (rankAll || k !== null) && rankK !== cfg.rankK) payload.rankK = rankK;
  if (!sameIds(valueIds, cfg.valueIds)) payload.valueIds = valueIds;
  const changed = Object.keys(payload).length > 1;

  const save = async () => {
    if (!changed || tooFew || badNumber) return;
    setBusy(true);
    const ok = await run('activity:configure', payload);
    setBusy(false);
    if (ok) notify({ tone: 'info', message: `${t('vote.settings.saved')}: ${text.name(activity)}` });
  };

  return (
    <fieldset className="vote-settings" disabled={frozen || busy} aria-describedby={frozen ? `${id}-frozen` : undefined}>
      <legend>{t('vote.settings.heading')}</legend>
      {frozen ? (
        <p id={`${id}-frozen`} className="vote-settings-frozen">
          {t('vote.settings.frozen')}
        </p>
      ) : null}
      {activity.kind === 'dots' ? (
        <div className="vote-settings-row">
          <div className="field">
            <label htmlFor={`${id}-n`}>{t('vote.settings.dotsPerParticipant')}</label>
            <input id={`${id}-n`} type="number" min={DOTS.min} max={DOTS.max} value={dotsText} aria-invalid={dots === null} onChange={(e) => setDotsText(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('vote.settings.dotsMaxPerValue')}</label>
            <input id={`${id}-max`} type="number" min={PER_VALUE.min} max={perValueMax} value={maxText} aria-invalid={maxPerValue === null} onChange={(e) => setMaxText(e.target.value)} />
          </div>
        </div>
      ) : null}
      {activity.kind === 'rank' ? (
        <div className="vote-settings-row">
          <label className="switch">
            <input type="checkbox" checked={rankAll} onChange={(e) => setRankAll(e.target.checked)} />
            <span>{t('vote.settings.rankAll')}</span>
          </label>
          {rankAll ? null : (
            <div className="field">
              <label htmlFor={`${id}-k`}>{t('vote.settings.rankK')}</label>
              <input id={`${id}-k`} type="number" min={RANK_K.min} max={kMax} value={kText} aria-invalid={k === null} onChange={(e) => setKText(e.target.value)} />
            </div>
          )}
        </div>
      ) : null}
      <fieldset className="vote-settings-values">
        <legend>
          {t('vote.settings.values')} <span className="muted">{t('vote.settings.valuesChosen', { count: chosenCount, total: visible.length })}</span>
        </legend>
        <label className="switch">
          <input type="checkbox" checked={valueIds === null} onChange={(e) => setValueIds(e.target.checked ? null : visible.map((v) => v.id))} />
          <span>{t('vote.settings.allValues')}</span>
        </label>
        <ul className="vote-settings-list">
          {visible.map((v) => (
            <li key={v.id}>
              <label className="check">
                <input type="checkbox" checked={chosen.includes(v.id)} disabled={valueIds === null} onChange={(e) => toggle(v.id, e.target.checked)} />
                <span>{cardText(v, lang).title}</span>
              </label>
            </li>
          ))}
        </ul>
        {badNumber ? (
          <p className="form-problems" role="alert">
            {activity.kind === 'dots'
              ? t('vote.settings.numberRange', dots === null ? { min: DOTS.min, max: DOTS.max } : { min: PER_VALUE.min, max: perValueMax })
              : t('vote.settings.numberRange', { min: RANK_K.min, max: kMax })}
          </p>
        ) : null}
        {tooFew ? (
          <p className="form-problems" role="alert">
            {activity.kind === 'rank' ? t('vote.settings.needTwoValues') : t('vote.settings.needValue')}
          </p>
        ) : null}
      </fieldset>
      {frozen ? null : (
        <button type="button" className="btn-primary btn-small" disabled={!changed || tooFew || badNumber || busy} onClick={() => void save()}>
          {busy ? t('vote.settings.saving') : t('vote.settings.save')}
        </button>
      )}
    </fieldset>
  );
}
