import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useStore } from '../store/index.js';

/**
 * What every live page shows before it has a workshop: "connecting…", or why the server
 * refused (unknown code, wrong host link, outdated page). Renders children once a snapshot is in,
 * until the workshop is deleted: then every page says so instead.
 */
export function ConnectionGate({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  const refusal = useStore((s) => s.refusal);
  const hasView = useStore((s) => s.room !== null);
  const deleted = useStore((s) => s.deleted);
  if (deleted) {
    return (
      <main className={`gate ${className}`}>
        <p role="alert" className="gate-message">
          {t('deletion.gate.deleted')}
        </p>
        <p>{t('deletion.gate.deletedBody')}</p>
        <p>
          <Link href="/join">{t('common.goToJoin')}</Link> · <Link href="/">{t('common.backHome')}</Link>
        </p>
      </main>
    );
  }
  if (refusal) {
    return (
      <main className={`gate ${className}`}>
        <p role="alert" className="gate-message">
          {t(`connectErrors.${refusal}`)}
        </p>
        <p>
          <Link href="/join">{t('common.goToJoin')}</Link> · <Link href="/">{t('common.backHome')}</Link>
        </p>
      </main>
    );
  }
  if (!hasView) {
    return (
      <main className={`gate ${className}`} aria-busy="true">
        <p className="gate-message">{t('common.connecting')}</p>
      </main>
    );
  }
  return <>{children}</>;
}
