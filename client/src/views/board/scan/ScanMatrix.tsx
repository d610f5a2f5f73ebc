import { useTranslation } from 'react-i18next';
import type { Group, ScanFactor } from '../../../../../shared/index.js';
import type { ScanResults } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { formatNumber } from '../../summary/format.js';

/** Where a score 1..5 sits on the track, in percent. */
export const pos = (score: number): number => ((Math.min(5, Math.max(1, score)) - 1) / 4) * 100;

function Cell({ mean, sd, swatch, label }: { mean: number | null; sd: number | null; swatch: string | null; label: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (mean === null) {
    return (
      <td className="sm-cell is-empty">
        <span className="sm-num">–</span>
        <span className="sr-only">{t('agenda.board.noScores')}</span>
      </td>
    );
  }
  const text = formatNumber(mean, lang, 1);
  const aria = sd === null ? t('agenda.board.meanLabel', { who: label, mean: text }) : t('agenda.board.meanSdLabel', { who: label, mean: text, sd: formatNumber(sd, lang, 1) });
  return (
    <td className="sm-cell" aria-label={aria}>
      <span className="sm-track" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className="sm-tick" style={{ left: `${pos(n)}%` }} />
        ))}
        {sd !== null ? <span className="sm-band" style={{ left: `${pos(mean - sd)}%`, right: `${100 - pos(mean + sd)}%` }} /> : null}
        {swatch ? <span className={`sm-bar ${swatch}`} style={{ width: `${pos(mean)}%` }} /> : null}
        <span className={swatch ? `sm-dot ${swatch}` : 'sm-dot is-all'} style={{ left: `${pos(mean)}%` }} />
      </span>
      <span className="sm-num" aria-hidden="true">
        {text}
      </span>
    </td>
  );
}

/**
 * The scan as a matrix a room can read: one column per factor, a row for everyone (average
 * with a ± standard deviation band) and one per group with enough answers (its average, in
 * the group's colour next to its name). Groups with too few answers are named underneath.
 */
export function ScanMatrix({ scan, groups, minGroupSize }: { scan: ScanResults; groups: Group[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const factor = (f: ScanFactor) => t(`agenda.factors.${f}`);
  const everyone = t('agenda.board.everyone');
  const excluded = scan.excludedGroups.filter((g) => g.answers > 0).map((g) => groupNameById(groups, g.groupId, lang));

  return (
    <div className="scan-matrix">
      <table>
        <caption>
          <span className="sm-title">{t('agenda.board.chartTitle')}</span>
          <span className="sm-scale">{t('agenda.board.chartScale')}</span>
        </caption>
        <thead>
          <tr>
            <td />
            {scan.factors.map((f) => (
              <th key={f.factor} scope="col">
                {factor(f.factor)}
              </th>
            ))}
          </tr>
          <tr className="sm-axis-row" aria-hidden="true">
            <td />
            {scan.factors.map((f) => (
              <td key={f.factor} className="sm-axis">
                <span className="sm-axis-track">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <span key={n} style={{ left: `${pos(n)}%` }}>
                      {n}
                    </span>
                  ))}
                </span>
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="sm-all">
            <th scope="row">
              {everyone} <span className="sm-n">({scan.answers})</span>
            </th>
            {scan.factors.map((f) => (
              <Cell key={f.factor} mean={f.mean} sd={f.sd} swatch={null} label={`${factor(f.factor)}, ${everyone}`} />
            ))}
          </tr>
          {scan.includedGroupIds.map((groupId) => {
            const index = groups.findIndex((g) => g.id === groupId);
            const swatch = `swatch-${(index < 0 ? 7 : index) % 8}`;
            const name = groupNameById(groups, groupId, lang);
            const n = scan.factors[0]?.byGroup.find((b) => b.groupId === groupId)?.answers;
            return (
              <tr key={groupId}>
                <th scope="row">
                  <span className={`sm-swatch ${swatch}`} aria-hidden="true" />
                  <span className="sm-group">{name}</span> {n !== undefined ? <span className="sm-n">({n})</span> : null}
                </th>
                {scan.factors.map((f) => {
                  const g = f.byGroup.find((b) => b.groupId === groupId);
                  return <Cell key={f.factor} mean={g?.mean ?? null} sd={null} swatch={swatch} label={`${factor(f.factor)}, ${name}`} />;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="sm-legend">
        <span className="sm-legend-band" aria-hidden="true" /> {t('agenda.board.band')}
      </p>
      {excluded.length > 0 ? <p className="sm-excluded">{t('agenda.board.excluded', { min: minGroupSize, list: excluded.join(', ') })}</p> : null}
    </div>
  );
}
