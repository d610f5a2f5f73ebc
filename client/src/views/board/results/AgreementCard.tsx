import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundComparison, VoteResults } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { formatNumber, formatP } from './voteText.js';

/**
 * The room's agreement: Kendall's W in words first (what the room reads), the number and its
 * p-value small underneath (for whoever asks), and for a second round how W moved.
 */
export function AgreementCard({ vote, comparison, previousRoundNumber }: { vote: VoteResults; comparison: RoundComparison | null; previousRoundNumber: number | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const w = vote.kendallW;
  const level = vote.agreementLevel;
  const w2 = (x: number) => formatNumber(x, lang, 2, 2);
  const p = w ? formatP(w.p, lang) : null;
  const moved = comparison && comparison.wBefore !== null && comparison.wAfter !== null && previousRoundNumber !== null ? comparison : null;
  const delta = moved?.wChange ?? 0;

  return (
    <section className="vr-card vr-agreement" aria-labelledby={headingId}>
      <h2 id={headingId} className="vr-card-h">
        {t('vote.board.agreementHeading')}
      </h2>
      {w && level ? (
        <>
          <p className={`vr-level level-${level}`}>{t(`vote.levelsTitle.${level}`)}</p>
          <div className="vr-meter" aria-hidden="true">
            <span className="vr-meter-fill" style={{ width: `${Math.round(w.w * 100)}%` }} />
          </div>
          <p className="vr-stat">
            {t('vote.board.agreementStat', {
              w: w2(w.w),
              p: p ? (p.kind === 'less' ? t('vote.board.pLess', { p: p.text }) : t('vote.board.pEquals', { p: p.text })) : '',
            })}
          </p>
          <p className="vr-note">{t(`vote.board.agreementImplied.${vote.kind}`)}</p>
        </>
      ) : (
        <p className="vr-level level-unknown">{t('vote.board.agreementTooFew')}</p>
      )}
      {moved && moved.wBefore !== null && moved.wAfter !== null ? (
        <p className={delta > 0 ? 'vr-wchange is-up' : delta < 0 ? 'vr-wchange is-down' : 'vr-wchange'}>
          {delta > 0 ? '▲ ' : delta < 0 ? '▼ ' : ''}
          {t('vote.board.wChange', { round: previousRoundNumber, before: w2(moved.wBefore), after: w2(moved.wAfter) })}
        </p>
      ) : null}
    </section>
  );
}
