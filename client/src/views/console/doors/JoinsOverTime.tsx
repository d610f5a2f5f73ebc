import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinBurst, JoinMinute } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';
import { clockFormat, secondsFormat } from './time.js';

const NO_MINUTES: JoinMinute[] = [];
/** Minutes with joins shown until "show all". */
const RECENT = 8;

/**
 * Joins per minute as a table with a bar in each row: the table is the text alternative, the
 * bars only draw it. Each minute offers "remove everyone from here"; the burst warning (the rule
 * is the server's, in the host view) offers closing joining and removing the burst.
 */
export function JoinsOverTime({ onPick }: { onPick: (from: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const minutes = useStore((s) => s.host?.joins.perMinute ?? NO_MINUTES);
  const burst = useStore((s) => s.host?.joins.burst ?? null);
  const open = useStore((s) => s.host?.settings.joiningOpen !== false);
  const [all, setAll] = useState(false);
  const time = clockFormat(lang);
  const shown = all ? minutes : minutes.slice(-RECENT);
  const most = Math.max(1, ...shown.map((m) => m.joined));

  return (
    <div className="doors-joins">
      {burst ? <BurstWarning burst={burst} open={open} onClose={() => void run('settings:update', { joiningOpen: false })} onPick={onPick} /> : null}
      <h3 id="doors-chart-h">{t('doors.console.chartHeading')}</h3>
      {minutes.length === 0 ? (
        <p className="muted">{t('doors.console.chartEmpty')}</p>
      ) : (
        <table className="doors-chart" aria-labelledby="doors-chart-h">
          <caption className="sr-only">{t('doors.console.chartCaption', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doors.console.minuteCol')}</th>
              <th scope="col">{t('doors.console.joinedCol')}</th>
              <th scope="col">{t('doors.console.removedCol')}</th>
              <th scope="col">
                <span className="sr-only">{t('doors.console.pickCol')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => {
              const at = time.format(m.at);
              return (
                <tr key={m.at}>
                  <th scope="row">{at}</th>
                  <td>
                    <span className="doors-bar" aria-hidden="true">
                      <span className="doors-bar-in" style={{ inlineSize: `${((m.joined - m.removed) / most) * 100}%` }} />
                      <span className="doors-bar-out" style={{ inlineSize: `${(m.removed / most) * 100}%` }} />
                    </span>
                    <span className="doors-count">{m.joined}</span>
                  </td>
                  <td>{m.removed}</td>
                  <td>
                    {m.joined > m.removed ? (
                      <button type="button" className="btn-link btn-link-danger" aria-label={t('doors.console.pickMinuteLabel', { time: at })} onClick={() => onPick(m.at)}>
                        {t('doors.console.pickMinute', { time: at })}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {minutes.length > RECENT ? (
        <button type="button" className="btn-link" onClick={() => setAll(!all)}>
          {all ? t('doors.console.showRecent') : t('doors.console.showAll', { count: minutes.length })}
        </button>
      ) : null}
    </div>
  );
}

function BurstWarning({ burst, open, onClose, onPick }: { burst: JoinBurst; open: boolean; onClose: () => void; onPick: (from: number) => void }) {
  const { t } = useTranslation();
  // A burst lasts seconds: its times to the second.
  const time = secondsFormat(useLang());
  return (
    <div className="notice doors-burst" role="alert" aria-labelledby="doors-burst-h">
      <h3 id="doors-burst-h">{t('doors.console.burstTitle')}</h3>
      <p>{t('doors.console.burst', { joins: burst.joins, before: burst.before, start: time.format(burst.from), end: time.format(burst.to) })}</p>
      <div className="row">
        {open ? (
          <button type="button" className="btn-primary btn-small" onClick={onClose}>
            {t('doors.console.close')}
          </button>
        ) : null}
        {/* The burst is everyone who joined after `from`: removal takes "from this moment on". */}
        <button type="button" className="btn-secondary btn-small" onClick={() => onPick(burst.from + 1)}>
          {t('doors.console.burstRemove', { count: burst.joins })}
        </button>
      </div>
    </div>
  );
}
