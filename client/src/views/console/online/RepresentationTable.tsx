import { useTranslation } from 'react-i18next';
import { groupName, type Group } from '../../../../../shared/index.js';
import { REPRESENTATION_LIMITS, type Representation } from '../../../../../shared/domain/onlineModel.js';
import { useLang } from '../../../i18n/index.js';
import { formatNumber } from '../../board/results/voteText.js';
import './onlineStrings.js';
import './online.css';

/** "Woningcorporaties: 2 of 150 invited — under-represented", one line per group the view marks (representation.underGroupIds). */
export function useUnderWarnings(representation: Representation | null | undefined, groups: Group[]): { groupId: string; text: string }[] {
  const { t } = useTranslation();
  const lang = useLang();
  if (!representation) return [];
  return representation.underGroupIds.flatMap((groupId) => {
    const row = representation.groups.find((g) => g.groupId === groupId);
    const group = groups.find((g) => g.id === groupId);
    if (!row || !group) return [];
    return [{ groupId, text: t('onlineHost.representation.warning', { group: groupName(group, lang), tookPart: row.tookPart, invited: row.invited ?? 0 }) }];
  });
}

/** The warnings as a list, in words (the colour only repeats them). */
export function UnderWarnings({ representation, groups, className }: { representation: Representation | null | undefined; groups: Group[]; className?: string }) {
  const warnings = useUnderWarnings(representation, groups);
  if (warnings.length === 0) return null;
  return (
    <ul className={className ?? 'representation-warnings'}>
      {warnings.map((w) => (
        <li key={w.groupId}>⚠ {w.text}</li>
      ))}
    </ul>
  );
}

/**
 * For the facilitator: per group invited (as the process says), who took part in the room and
 * online, and the turnout; then the under-representation warnings. Shown once a group has an
 * invited number or someone took part online; a group with neither an invited number nor anyone
 * who took part is left out.
 */
export function RepresentationTable({ representation, groups }: { representation: Representation | null | undefined; groups: Group[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!representation) return null;
  const online = representation.groups.some((g) => g.online > 0);
  if (representation.invited === null && !online) return null;
  const under = new Set(representation.underGroupIds);
  return (
    <div className="representation">
      <h3 id="representation-h">{t('onlineHost.representation.heading')}</h3>
      <table className="participation-table representation-table" aria-labelledby="representation-h">
        <thead>
          <tr>
            <th scope="col">{t('onlineHost.representation.group')}</th>
            <th scope="col">{t('onlineHost.representation.invited')}</th>
            <th scope="col">{t('onlineHost.representation.tookPart')}</th>
            <th scope="col">{t('onlineHost.representation.turnout')}</th>
          </tr>
        </thead>
        <tbody>
          {representation.groups.map((row) => {
            const group = groups.find((g) => g.id === row.groupId);
            // A group nobody invited (as far as the process says) and nobody came from says nothing here.
            if (!group || (row.invited === null && row.tookPart === 0)) return null;
            return (
              <tr key={row.groupId}>
                <th scope="row">{groupName(group, lang)}</th>
                <td>{row.invited ?? t('onlineHost.representation.unknown')}</td>
                <td>
                  {row.tookPart}
                  {online ? (
                    <span className="representation-channels">
                      {' '}
                      ({row.room} {t('onlineHost.representation.room')} · {row.online} {t('onlineHost.representation.online')})
                    </span>
                  ) : null}
                </td>
                <td className={under.has(row.groupId) ? 'is-under' : undefined}>
                  {row.turnout === null ? '–' : `${formatNumber(row.turnout * 100, lang, 0, 0)}%`}
                  {under.has(row.groupId) ? ` · ${t('onlineHost.representation.under')}` : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UnderWarnings representation={representation} groups={groups} />
      <p className="field-hint">{t('onlineHost.representation.hint', { percent: REPRESENTATION_LIMITS.underRatio * 100, count: REPRESENTATION_LIMITS.minParticipants })}</p>
    </div>
  );
}
