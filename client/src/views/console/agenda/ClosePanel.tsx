import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/index.js';
import { useStore } from '../../../store/index.js';
import { viewNames } from '../../summary/PublishedSummary.js';
import { SummaryContent } from '../../summary/SummaryContent.js';
import { useCommand } from '../useCommand.js';
import { downloadExportFile, ExportError, type ExportFormat } from './exports.js';
import { TemplatesSection } from './TemplatesSection.js';
import './agenda.css';

const FORMATS: { format: ExportFormat; label: 'json' | 'csv' | 'csvNl'; aria: 'jsonLabel' | 'csvLabel' | 'csvNlLabel' }[] = [
  { format: 'csv-nl', label: 'csvNl', aria: 'csvNlLabel' },
  { format: 'csv', label: 'csv', aria: 'csvLabel' },
  { format: 'json', label: 'json', aria: 'jsonLabel' },
];

/**
 * Closing the workshop: the summary to send to everyone (previewed from the host view), the
 * downloads (JSON, CSV, CSV for Dutch Excel), the printable report, and saving the agenda as a template.
 */
export function ClosePanel({ code, hostToken }: { code: string; hostToken: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useCommand();
  const host = useStore((s) => s.host);
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  if (!host) return null;

  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await downloadExportFile(code, hostToken, format);
    } catch (err) {
      const reason = err instanceof ExportError ? t('errors.http', { status: err.status }) : t('errors.network');
      notify({ tone: 'error', message: t('agenda.close.exportFailed', { reason }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel close-panel" aria-labelledby="close-h">
      <h2 id="close-h">{t('agenda.close.heading')}</h2>

      <div className="close-block">
        <h3>{t('agenda.close.summaryHeading')}</h3>
        <p className="field-hint">{t('agenda.close.summaryHint')}</p>
        <details className="summary-preview">
          <summary>{t('agenda.close.preview')}</summary>
          {host.summary ? <SummaryContent summary={host.summary} names={viewNames(host, lang)} variant="console" heading={(text) => <h4 className="summary-title">{text}</h4>} /> : null}
        </details>
        {host.summaryPublished ? (
          <p className="close-sent" role="status">
            ✓ {t('agenda.close.published')}
          </p>
        ) : null}
        {/* One button whose action flips (send / take back), so the focus stays on it. */}
        <button
          type="button"
          className={host.summaryPublished ? 'btn-secondary' : 'btn-primary'}
          onClick={() => void run('summary:publish', { published: !host.summaryPublished })}
        >
          {host.summaryPublished ? t('agenda.close.unpublish') : t('agenda.close.publish')}
        </button>
      </div>

      <div className="close-block">
        <h3>{t('agenda.close.exportsHeading')}</h3>
        <div className="row">
          {FORMATS.map(({ format, label, aria }) => (
            <button key={format} type="button" className="btn-secondary btn-small" aria-label={t(`agenda.close.${aria}`)} disabled={busy !== null} onClick={() => void download(format)}>
              ↓ {t(`agenda.close.${label}`)}
            </button>
          ))}
        </div>
        <p>
          <a href={`/r/${code}#${encodeURIComponent(hostToken)}`} target="_blank" rel="noopener" className="btn-link close-report">
            {t('agenda.close.report')}
          </a>{' '}
          <span className="field-hint">{t('agenda.close.reportHint')}</span>
        </p>
        <p>
          <a href={`/r/${code}/record#${encodeURIComponent(hostToken)}`} target="_blank" rel="noopener" className="btn-link close-report">
            {t('agenda.close.record')}
          </a>{' '}
          <span className="field-hint">{t('agenda.close.recordHint')}</span>
        </p>
        {host.process ? (
          <p>
            <a href={`/p/${host.process.code}#${encodeURIComponent(hostToken)}`} className="btn-link close-report">
              {t('agenda.close.process', { title: host.process.title, n: host.process.meeting })}
            </a>
          </p>
        ) : null}
      </div>

      <TemplatesSection />
    </section>
  );
}
