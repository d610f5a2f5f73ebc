import { useTranslation } from 'react-i18next';
import { agreementLevel, type GroupsLens } from '../../../../../shared/consensus/index.js';
import { groupName, type Group } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { formatNumber } from '../../board/results/voteText.js';

/**
 * For the facilitator: how alike each group ranked (Kendall's W within the group) and how alike
 * two groups' orders of the values are (Spearman's rho between their group scores). Only the
 * groups the lens includes; the board leaves this out to stay readable from the back row.
 */
export function GroupsAgreement({ lens, groups }: { lens: GroupsLens; groups: Group[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = (id: string) => {
    const g = groups.find((x) => x.id === id);
    return g ? groupName(g, lang) : id;
  };
  const within = Object.entries(lens.withinGroupW);
  if (within.length === 0 && lens.betweenGroups.length === 0) return null;
  return (
    <section className="vr-card groups-agreement" aria-labelledby="groups-agreement-h">
      <h4 id="groups-agreement-h" className="vr-card-h">{t('vote.console.groups.heading')}</h4>
      {within.length > 0 ? (
        <>
          <p className="vr-item-detail">{t('vote.console.groups.within')}</p>
          <ul>
            {within.map(([groupId, w]) => (
              <li key={groupId}>
                {name(groupId)}:{' '}
                {w ? (
                  <b>
                    {t(`vote.levels.${agreementLevel(w.w)}`)} (W = {formatNumber(w.w, lang, 2, 2)})
                  </b>
                ) : (
                  <b>{t('vote.console.groups.undefined')}</b>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {lens.betweenGroups.length > 0 ? (
        <>
          <p className="vr-item-detail">{t('vote.console.groups.between')}</p>
          <ul>
            {lens.betweenGroups.map((pair) => (
              <li key={`${pair.a}-${pair.b}`}>
                {t('vote.console.groups.pair', { a: name(pair.a), b: name(pair.b) })}{' '}
                <b>{pair.rho === null ? t('vote.console.groups.undefined') : `ρ = ${formatNumber(pair.rho, lang, 2, 2)}`}</b>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('vote.console.groups.rhoHint')}</p>
        </>
      ) : null}
    </section>
  );
}
