import { useTranslation } from 'react-i18next';
import { useStore } from '../store/index.js';

/** The facilitator's message line; errors are announced assertively, the rest politely. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  return (
    <div className="notice-bar-slot">
      <div role="alert" className="sr-only-if-empty">
        {notice?.tone === 'error' ? <NoticeBody message={notice.message} tone="error" onDismiss={dismiss} label={t('console.notice.dismiss')} /> : null}
      </div>
      <div role="status">
        {notice?.tone === 'info' ? <NoticeBody message={notice.message} tone="info" onDismiss={dismiss} label={t('console.notice.dismiss')} /> : null}
      </div>
    </div>
  );
}

function NoticeBody({ message, tone, onDismiss, label }: { message: string; tone: 'error' | 'info'; onDismiss: () => void; label: string }) {
  return (
    <p className={`notice-bar is-${tone}`}>
      <span>{message}</span>
      <button type="button" className="btn-icon" aria-label={label} onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
