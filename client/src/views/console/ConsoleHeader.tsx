import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LangToggle } from '../../components/LangToggle.js';
import { groupJoinCode, joinUrl } from '../../lib/format.js';
import { downloadExport, HttpError } from '../../net/api.js';
import { useJoinAddress } from '../../net/joinAddress.js';
import { useStore } from '../../store/index.js';
import { JoinAddressPicker } from './JoinAddressPicker.js';

export function ConsoleHeader({ code, hostToken }: { code: string; hostToken: string }) {
  const { t } = useTranslation();
  const title = useStore((s) => s.pub?.title ?? '');
  const offline = useStore((s) => s.status === 'offline');
  const notify = useStore((s) => s.notify);
  const [exporting, setExporting] = useState(false);
  // The link phones can open (the server's join address), not this console's own address.
  const { address } = useJoinAddress(code);

  const openBoard = () => {
    // A separate window, so it can be dragged to the projector and made full screen.
    window.open(`/b/${code}`, `raakvlak-board-${code}`, 'popup,width=1280,height=720');
  };

  const copyLink = async () => {
    const url = address?.joinUrl ?? joinUrl(code);
    try {
      await navigator.clipboard.writeText(url);
      notify({ tone: 'info', message: t('console.copied') });
    } catch {
      notify({ tone: 'error', message: t('console.copyFailed', { url }) });
    }
  };

  const exportJson = async () => {
    setExporting(true);
    try {
      await downloadExport(code, hostToken);
    } catch (err) {
      const reason = err instanceof HttpError ? t('errors.http', { status: err.status }) : t('errors.network');
      notify({ tone: 'error', message: t('console.exportFailed', { reason }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <header className="console-header">
      <div className="console-title">
        <h1>{title}</h1>
        <p>
          {t('console.joinCode')} <strong className="code-chip code-chip-large">{groupJoinCode(code)}</strong>
          {offline ? <span className="tag tag-warn">{t('common.reconnecting')}</span> : null}
        </p>
        <JoinAddressPicker code={code} hostToken={hostToken} />
      </div>
      <div className="console-actions">
        <button type="button" className="btn-primary" onClick={openBoard} title={t('console.openBoardHint')}>
          {t('console.openBoard')} ↗
        </button>
        <button type="button" className="btn-secondary" onClick={copyLink}>
          {t('console.copyLink')}
        </button>
        <button type="button" className="btn-secondary" onClick={exportJson} disabled={exporting}>
          {exporting ? t('console.exporting') : t('console.export')}
        </button>
        <LangToggle />
      </div>
    </header>
  );
}
