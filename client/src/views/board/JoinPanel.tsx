import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayHost, groupJoinCode, joinPageUrl, joinUrl } from '../../lib/format.js';
import { qrUrl } from '../../net/api.js';
import { useJoinAddress } from '../../net/joinAddress.js';
import { useStore } from '../../store/index.js';

/**
 * The join code in huge letters, the address to type, and the QR (which opens /j/CODE directly):
 * what the room needs to get in. `children` go above the address in the hero variant.
 */
export function JoinPanel({ code, variant, children }: { code: string; variant: 'hero' | 'compact'; children?: ReactNode }) {
  const { t } = useTranslation();
  // The server names the address (PUBLIC_URL, the laptop's LAN address or the facilitator's
  // pick); until it answers, this page's own origin, which is right behind a proxy.
  const { address, version } = useJoinAddress(code);
  const origin = address ? new URL(address.joinUrl).origin : window.location.origin;
  // While the facilitator has closed joining, the board invites nobody: no code, no QR.
  const joiningOpen = useStore((s) => s.room?.settings.joiningOpen !== false);
  if (!joiningOpen) {
    return (
      <div className={`join-panel join-panel-${variant} join-panel-closed`}>
        <div className="join-panel-text">
          {children}
          <p className="join-panel-url" role="status">
            {t('doors.board.closedTitle')}
          </p>
          <p className="join-panel-with">{t('doors.board.closedBody')}</p>
        </div>
      </div>
    );
  }
  if (address && !address.reachable) {
    return (
      <div className={`join-panel join-panel-${variant} join-panel-unreachable`}>
        <div className="join-panel-text">
          {children}
          <p className="join-panel-url" role="alert">
            {t('joinAddress.unreachable')}
          </p>
          <p className="join-panel-with">{t('common.joinCode')}</p>
          <p className="join-code" aria-label={`${t('common.joinCode')}: ${code.split('').join(' ')}`}>
            {groupJoinCode(code)}
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className={`join-panel join-panel-${variant}`}>
      <div className="join-panel-text">
        {children}
        <p className="join-panel-url">{t('board.joinAt', { url: displayHost(joinPageUrl(origin)) })}</p>
        <p className="join-panel-with">{t('board.joinWithCode')}</p>
        <p className="join-code" aria-label={`${t('common.joinCode')}: ${code.split('').join(' ')}`}>
          {groupJoinCode(code)}
        </p>
      </div>
      <figure className="join-panel-qr">
        {/* The query only makes the browser fetch the QR again after the address changed; the server ignores it. */}
        <img src={version ? `${qrUrl(code)}?v=${version}` : qrUrl(code)} alt={t('board.qrAlt', { url: displayHost(joinUrl(code, origin)) })} />
        {variant === 'hero' ? <figcaption>{t('board.scan')}</figcaption> : null}
      </figure>
    </div>
  );
}
