import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';

/**
 * Always in the DOM (an empty live region), so screen readers announce it when it fills up
 * as the connection drops.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const offline = useStore((s) => s.status === 'offline');
  return (
    <div role="status" className={offline ? 'offline-banner' : 'offline-banner is-empty'}>
      {offline ? t('offline.banner') : null}
    </div>
  );
}
