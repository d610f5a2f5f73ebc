import { useTranslation } from 'react-i18next';
import type { OptionsSummary } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import type { SummaryNames } from '../../views/summary/SummaryContent.js';
import { formatShare } from './OptionsBoardText.js';
import './optionsSummary.css';

/**
 * The options part of "what we found together" (phone, board, console, report): the option
 * every group can live with and its lowest group, the room's best fit, and whether the choice
 * of weights flips it.
 */
export function OptionsSummaryBlock({ options: o, names }: { options: OptionsSummary; names: SummaryNames }) {
  const { t } = useTranslation();
  const lang = useLang();
  const and = t('optionsResults.and');
  const titles = (ids: readonly string[]) => {
    const list = ids.map((id) => names.option?.(o.activityId, id) ?? '').filter(Boolean);
    return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`;
  };
  const live = titles(o.liveWithIds);
  const winner = titles(o.winnerIds);
  return (
    <section className="summary-block summary-options">
      <h3>{t('optionsResults.summary.heading')}</h3>
      {live ? (
        <p className="summary-headline">
          {o.lowestGroupId !== null && o.lowestShare !== null
            ? t('optionsResults.summary.liveWith', { option: live, group: names.group(o.lowestGroupId), share: formatShare(o.lowestShare, lang) })
            : t('optionsResults.summary.liveWithOnly', { option: live })}
        </p>
      ) : (
        <p className="summary-empty">{t('optionsResults.summary.noLiveWith')}</p>
      )}
      {winner ? <p className="summary-note">{t('optionsResults.summary.winner', { option: winner })}</p> : null}
      {winner ? <p className="summary-note">{o.flips ? t('optionsResults.summary.flips') : t('optionsResults.summary.stays')}</p> : null}
    </section>
  );
}
