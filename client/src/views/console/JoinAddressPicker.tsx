import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinAddressOptions, OfferedJoinOrigin } from '../../../../shared/index.js';
import { displayHost } from '../../lib/format.js';
import { chooseJoinOrigin, fetchJoinOptions, useJoinAddress } from '../../net/joinAddress.js';
import { useStore } from '../../store/index.js';

/**
 * Which address the phones use (the board's QR code and join address follow it): one of the
 * origins the server offers — its LAN addresses, PUBLIC_URL, ALLOWED_HOSTS — never a typed one.
 * When the laptop has no network a phone could reach, it says so.
 */
export function JoinAddressPicker({ code, hostToken }: { code: string; hostToken: string }) {
  const { t } = useTranslation();
  const id = useId();
  const notify = useStore((s) => s.notify);
  const { address } = useJoinAddress(code);
  const [options, setOptions] = useState<JoinAddressOptions | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    fetchJoinOptions(code, hostToken)
      .then(setOptions)
      .catch(() => undefined); // offline: the picker stays as it is and the console says it is reconnecting
  }, [code, hostToken]);
  // Again whenever the address changes (another console picked one, or a network appeared).
  const joinUrl = address?.joinUrl;
  const reachable = address?.reachable;
  useEffect(load, [load, joinUrl, reachable]);

  if (!options) return null;

  const pick = async (origin: string) => {
    setBusy(true);
    try {
      const next = await chooseJoinOrigin(code, hostToken, origin);
      setOptions(next);
      notify({ tone: 'info', message: t('joinAddress.changed', { url: displayHost(next.joinUrl) }) });
    } catch (err) {
      notify({ tone: 'error', message: t('joinAddress.failed', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const label = (o: OfferedJoinOrigin) => {
    const host = displayHost(o.origin);
    if (o.kind === 'lan' && o.interface) return `${host} (${o.interface})`;
    if (o.kind === 'public') return `${host} (${t('joinAddress.public')})`;
    if (o.kind === 'allowed') return `${host} (${t('joinAddress.allowed')})`;
    return host;
  };

  if (!options.reachable) {
    return (
      <div className="join-address join-address-unreachable">
        <p role="alert" className="tag tag-warn">
          {t('joinAddress.unreachable')}
        </p>
        <button type="button" className="btn-secondary" onClick={load}>
          {t('joinAddress.checkAgain')}
        </button>
      </div>
    );
  }
  if (options.offered.length < 2) {
    return (
      <p className="join-address">
        {t('joinAddress.label')}: <strong>{displayHost(options.joinUrl)}</strong>
      </p>
    );
  }
  return (
    <div className="join-address">
      <label htmlFor={`${id}-origin`}>{t('joinAddress.label')}</label>{' '}
      <select id={`${id}-origin`} aria-describedby={`${id}-hint`} value={options.origin} disabled={busy} onChange={(e) => void pick(e.target.value)}>
        {options.offered.some((o) => o.origin === options.origin) ? null : <option value={options.origin}>{displayHost(options.origin)}</option>}
        {options.offered.map((o) => (
          <option key={o.origin} value={o.origin}>
            {label(o)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('joinAddress.hint')}
      </p>
    </div>
  );
}
