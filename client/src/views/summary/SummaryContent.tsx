import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementLevel } from '../../../../shared/consensus/index.js';
import type { PublicActivity, Summary } from '../../../../shared/index.js';
import { OptionsSummaryBlock } from '../../kinds/options/OptionsReportSummary.js';
import { useLang } from '../../i18n/index.js';
import { formatNumber, formatPercent } from './format.js';
import './summary.css';

export interface SummaryNames {
  value: (valueId: string) => string;
  group: (groupId: string) => string;
  /** An option of an options activity, in the reader's language. */
  option?: (activityId: string, optionId: string) => string;
  /** What names an activity ("Rank · round 2"): its kind and round; null for one not in the workshop. */
  activity?: (activityId: string) => Pick<PublicActivity, 'kind' | 'round'> | null;
}

interface Props {
  summary: Summary;
  names: SummaryNames;
  /** Where it is shown: sizes differ, the content does not. */
  variant: 'phone' | 'board' | 'console' | 'report';
  /** The heading element, so it fits the page's outline. */
  heading?: (text: string) => ReactNode;
}

/**
 * "What we found together": the top values, common ground, tensions and the scan's headline —
 * the feedback the method asks for, in the reader's language (titles and group names come
 * through `names`, which each screen resolves in its own language).
 */
export function SummaryContent({ summary: s, names, variant, heading }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = t('agenda.summary.heading');
  const factor = (f: string) => t(`agenda.factors.${f as 'motivation'}`);
  const scanMeans = s.scan.filter((f) => f.mean !== null);

  return (
    <div className={`summary summary-${variant}${s.options ? ' summary-with-options' : ''}`}>
      {heading ? heading(title) : <h2 className="summary-title">{title}</h2>}
      <p className="summary-people">{t('agenda.summary.participants', { count: s.participants })}</p>

      {s.voteActivityId === null ? (
        <p className="summary-empty">{t('agenda.summary.noVotes')}</p>
      ) : (
        <>
          <section className="summary-block summary-top">
            <h3>{t('agenda.summary.topValues')}</h3>
            <ol>
              {s.topValues.map((v) => (
                <li key={v.valueId}>
                  <span className="summary-pos" aria-hidden="true">
                    {v.position}
                  </span>
                  <span className="summary-value">{names.value(v.valueId)}</span>
                  <span className="summary-share">{formatPercent(v.share, lang)}</span>
                </li>
              ))}
            </ol>
            {s.kendallW !== null ? <p className="summary-note">{t('agenda.summary.agreement', { level: t(`agenda.levels.${agreementLevel(s.kendallW)}`) })}</p> : null}
          </section>

          <section className="summary-block summary-ground">
            <h3>{t('agenda.summary.commonGround')}</h3>
            {s.commonGround.length === 0 ? (
              <p className="summary-empty">{t('agenda.summary.noneFound')}</p>
            ) : (
              <ul>
                {s.commonGround.map((c) => (
                  <li key={c.valueId}>
                    <span className="summary-value">{names.value(c.valueId)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="summary-block summary-tension">
            <h3>{t('agenda.summary.tensions')}</h3>
            {s.tensions.length === 0 ? (
              <p className="summary-empty">{t('agenda.summary.noneFound')}</p>
            ) : (
              <ul>
                {s.tensions.map((x) => (
                  <li key={x.valueId}>
                    <span className="summary-value">{names.value(x.valueId)}</span>
                    <span className="summary-detail">{t('agenda.summary.tension', { high: names.group(x.highGroupId), low: names.group(x.lowGroupId) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      {s.scanActivityId !== null && (s.strongestFactor || s.factorsEqual) ? (
        <section className="summary-block summary-scan">
          <h3>{t('agenda.summary.scan')}</h3>
          <p className="summary-headline">
            {s.factorsEqual || !s.strongestFactor
              ? t('agenda.summary.scanEqual')
              : s.weakestFactor
                ? t('agenda.summary.scanHeadline', { strong: factor(s.strongestFactor), weak: factor(s.weakestFactor) })
                : t('agenda.summary.scanStrongOnly', { strong: factor(s.strongestFactor) })}
          </p>
          <ul className="summary-factors">
            {scanMeans.map((f) => (
              <li key={f.factor}>
                <span>{factor(f.factor)}</span>
                <span className="summary-meter" aria-hidden="true">
                  <span style={{ width: `${(((f.mean ?? 1) - 1) / 4) * 100}%` }} />
                </span>
                <span className="summary-mean">{t('agenda.summary.outOf5', { mean: formatNumber(f.mean ?? 0, lang, 1) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.options ? <OptionsSummaryBlock options={s.options} names={names} /> : null}
    </div>
  );
}
