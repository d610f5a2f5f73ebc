import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayHost, groupJoinCode, joinPageUrl, joinUrl } from '../../lib/format.js';
import { qrUrl } from '../../net/api.js';

/**
 * The join code in huge letters, the address to type, and the QR (which opens /j/CODE directly):
 * what the room needs to get in. `children` go above the address in the hero variant.
 */
export function JoinPanel({ code, variant, children }: { code: string; variant: 'hero' | 'compact'; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`join-panel join-panel-${variant}`}>
      <div className="join-panel-text">
        {children}
        <p className="join-panel-url">{t('board.joinAt', { url: displayHost(joinPageUrl()) })}</p>
        <p className="join-panel-with">{t('board.joinWithCode')}</p>
        <p className="join-code" aria-label={`${t('common.joinCode')}: ${code.split('').join(' ')}`}>
          {groupJoinCode(code)}
        </p>
      </div>
      <figure className="join-panel-qr">
        <img src={qrUrl(code)} alt={t('board.qrAlt', { url: displayHost(joinUrl(code)) })} />
        {variant === 'hero' ? <figcaption>{t('board.scan')}</figcaption> : null}
      </figure>
    </div>
  );
}
