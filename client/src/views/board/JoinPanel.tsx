import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayHost, groupJoinCode, joinPageUrl, joinUrl } from '../../lib/format.js';
import { getWorkshop, qrUrl } from '../../net/api.js';

/**
 * The origin participants reach the server at: the server's PUBLIC_URL when it has one (the QR
 * code uses it too), else this page's own origin.
 */
function useJoinOrigin(code: string): string {
  const [origin, setOrigin] = useState(window.location.origin);
  useEffect(() => {
    let live = true;
    getWorkshop(code)
      .then((w) => {
        if (live && w.joinUrl) setOrigin(new URL(w.joinUrl).origin);
      })
      .catch(() => undefined); // the board shows its own origin, which is right without a proxy
    return () => {
      live = false;
    };
  }, [code]);
  return origin;
}

/**
 * The join code in huge letters, the address to type, and the QR (which opens /j/CODE directly):
 * what the room needs to get in. `children` go above the address in the hero variant.
 */
export function JoinPanel({ code, variant, children }: { code: string; variant: 'hero' | 'compact'; children?: ReactNode }) {
  const { t } = useTranslation();
  const origin = useJoinOrigin(code);
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
        <img src={qrUrl(code)} alt={t('board.qrAlt', { url: displayHost(joinUrl(code, origin)) })} />
        {variant === 'hero' ? <figcaption>{t('board.scan')}</figcaption> : null}
      </figure>
    </div>
  );
}
