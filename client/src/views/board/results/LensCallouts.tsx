import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, PublicView } from '../../../../../shared/index.js';
import type { GroupsLens, LensCell } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { score100, valueTitle } from './voteText.js';

/**
 * Common ground is only called out when every group's smoothed support averages (geometrically)
 * at least one half: roughly, at least half of each group supports it. Below that the board
 * would be naming a "shared" value most of some group did not choose.
 */
export const COMMON_GROUND_MIN_SCORE = 0.5;
/** Tension is only called out from a gap of 25 on the lens's 0–100 scale between two groups. */
export const TENSION_MIN_SPREAD = 0.25;

function cellOf(lens: GroupsLens, valueId: string, groupId: string): LensCell | undefined {
  return lens.cells[valueId]?.find((c) => c.groupId === groupId);
}

interface Props {
  lens: GroupsLens;
  titles: PublicView['valueTitles'];
  groups: Group[];
  max?: number;
}

/** Values every group supports (geometric mean of smoothed support), with the lowest group beside each. */
export function CommonGround({ lens, titles, groups, max = 2 }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const items = lens.commonGround.filter((c) => c.score >= COMMON_GROUND_MIN_SCORE).slice(0, max);
  let body;
  if (lens.includedGroupIds.length === 0) body = <p className="vr-none">{t('vote.board.lensNoGroups')}</p>;
  else if (lens.includedGroupIds.length === 1) body = <p className="vr-none">{t('vote.board.commonGroundOneGroup')}</p>;
  else if (items.length === 0) body = <p className="vr-none">{t('vote.board.commonGroundNone')}</p>;
  else
    body = (
      <ul className="vr-items">
        {items.map((c) => {
          const low = cellOf(lens, c.valueId, c.lowestGroupId);
          return (
            <li key={c.valueId}>
              <span className="vr-item-title">{valueTitle(titles, c.valueId, lang)}</span>
              <span className="vr-item-detail">
                {t('vote.board.commonGroundLowest', {
                  group: groupNameById(groups, c.lowestGroupId, lang),
                  supporters: low?.supporters ?? 0,
                  answers: low?.answers ?? 0,
                })}
              </span>
            </li>
          );
        })}
      </ul>
    );
  return (
    <section className="vr-card vr-common" aria-labelledby={headingId}>
      <h2 id={headingId} className="vr-card-h">
        {t('vote.board.commonGround')}
      </h2>
      {body}
    </section>
  );
}

/** Values the groups score most differently, naming the highest and the lowest group. */
export function Tension({ lens, titles, groups, max = 2 }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const items = lens.tension.filter((x) => x.spread >= TENSION_MIN_SPREAD).slice(0, max);
  let body;
  if (lens.includedGroupIds.length < 2) body = <p className="vr-none">{t('vote.board.tensionOneGroup')}</p>;
  else if (items.length === 0) body = <p className="vr-none">{t('vote.board.tensionNone')}</p>;
  else
    body = (
      <ul className="vr-items">
        {items.map((x) => (
          <li key={x.valueId}>
            <span className="vr-item-title">{valueTitle(titles, x.valueId, lang)}</span>
            <span className="vr-item-detail">
              {t('vote.board.tensionItem', {
                high: groupNameById(groups, x.highGroupId, lang),
                highScore: score100(cellOf(lens, x.valueId, x.highGroupId)?.score ?? 0),
                low: groupNameById(groups, x.lowGroupId, lang),
                lowScore: score100(cellOf(lens, x.valueId, x.lowGroupId)?.score ?? 0),
              })}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <section className="vr-card vr-tension" aria-labelledby={headingId}>
      <h2 id={headingId} className="vr-card-h">
        {t('vote.board.tension')}
      </h2>
      {body}
    </section>
  );
}

/** "Business, Other: too few answers to show" and, apart, the groups nobody answered for. */
export function ExcludedGroups({ lens, groups }: { lens: GroupsLens; groups: Group[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = (answered: boolean) =>
    lens.excludedGroups
      .filter((g) => (g.answers > 0) === answered)
      .map((g) => groupNameById(groups, g.groupId, lang))
      .join(', ');
  const few = names(true);
  const none = names(false);
  if (!few && !none) return null;
  return (
    <p className="vr-excluded">
      {few ? <span className="vr-excluded-few">{t('vote.board.excluded', { groups: few })}</span> : null}
      {none ? <span className="vr-excluded-none">{t('vote.board.noAnswersFrom', { groups: none })}</span> : null}
    </p>
  );
}
