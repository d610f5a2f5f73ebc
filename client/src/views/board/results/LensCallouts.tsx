import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, PublicView } from '../../../../../shared/index.js';
import { effectiveMinGroupSize, lensGroupSizeToCompare, type GroupsLens, type LensCell, type VoteResults } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { score100, valueTitle } from './voteText.js';

function cellOf(lens: GroupsLens, valueId: string, groupId: string): LensCell | undefined {
  return lens.cells[valueId]?.find((c) => c.groupId === groupId);
}

interface Props {
  lens: GroupsLens;
  titles: PublicView['valueTitles'];
  groups: Group[];
  max?: number;
}

/**
 * Values at least half of every included group supports, each with its place in the priority
 * and every group's supporters: the values the consensus math flags as common ground
 * (CommonGroundItem.flagged, the one definition the summary, report and export share), in its
 * order. The place is there because support is a low bar for some votes (in a points vote with
 * many values an equal share is a few points), so a flagged value can rank low; the room should
 * see that. Every group's count, not "the lowest": the lowest by smoothed support can be a small
 * group where everyone supports it (2 of 2), which "lowest support" would misstate.
 */
export function CommonGround({ vote, titles, groups, max = 2 }: Omit<Props, 'lens'> & { vote: VoteResults }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const lens = vote.lens;
  const items = lens.commonGround.filter((c) => c.flagged).slice(0, max);
  const position = new Map(vote.values.map((v) => [v.valueId, v.position]));
  let body;
  if (lens.includedGroupIds.length === 0) body = <p className="vr-none">{t('vote.board.lensNoGroups')}</p>;
  else if (lens.includedGroupIds.length === 1) body = <p className="vr-none">{t('vote.board.commonGroundOneGroup')}</p>;
  else if (items.length === 0) body = <p className="vr-none">{t('vote.board.commonGroundNone')}</p>;
  else
    body = (
      <ul className="vr-items">
        {items.map((c) => {
          const perGroup = (lens.cells[c.valueId] ?? []).map((cell) => t('vote.board.commonGroundGroup', { group: groupNameById(groups, cell.groupId, lang), supporters: cell.supporters, answers: cell.answers }));
          return (
            <li key={c.valueId}>
              <span className="vr-item-title">{valueTitle(titles, c.valueId, lang)}</span>
              <span className="vr-item-detail">{[t('vote.board.commonGroundPlace', { position: position.get(c.valueId) ?? '–' }), ...perGroup].join(' · ')}</span>
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
      {lens.includedGroupIds.length >= 2 ? <p className="vr-item-detail vr-rule">{t(`vote.board.commonGroundRule.${vote.kind}`)}</p> : null}
      {body}
    </section>
  );
}

/**
 * Why the lens compares fewer than two groups, and the smallest-group setting that would let it
 * (lensGroupSizeToCompare, one rule in shared). Nothing when two or more groups are compared.
 * `action` is the console's one-click button; the board only says it.
 */
export function LensWhyEmpty({ lens, minGroupSize, action }: { lens: GroupsLens; minGroupSize: number; action?: (size: number) => ReactNode }) {
  const { t } = useTranslation();
  if (lens.includedGroupIds.length >= 2) return null;
  const size = lensGroupSizeToCompare(lens);
  return (
    <div className="vr-why">
      <p className="vr-why-text">
        {t('vote.board.lensWhy', { count: effectiveMinGroupSize(minGroupSize) })}
        {size !== null ? <> {t('vote.board.lensWouldShow', { count: size })}</> : null}
      </p>
      {size !== null && action ? action(size) : null}
    </div>
  );
}

/** Values the groups score most differently (TensionItem.flagged), naming the highest and the lowest group. */
export function Tension({ lens, titles, groups, max = 2 }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const items = lens.tension.filter((x) => x.flagged).slice(0, max);
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
