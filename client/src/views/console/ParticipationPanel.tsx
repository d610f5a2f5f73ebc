import { useTranslation } from 'react-i18next';
import { groupName, type Group } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { ParticipantList } from './agenda/ParticipantList.js';

const NO_GROUPS: Group[] = [];

/** Joined per group (from the view) and connected right now (from presence). */
export function ParticipationPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const participation = useStore((s) => s.pub?.participation ?? null);
  const presence = useStore((s) => s.presence);
  return (
    <section className="panel" aria-labelledby="participation-h">
      <h2 id="participation-h">{t('console.participation.heading')}</h2>
      <p className="panel-figure">
        <strong>{t('console.participation.total', { count: participation?.total ?? 0 })}</strong>
        {presence ? <span> · {t('console.participation.connected', { count: presence.connected })}</span> : null}
      </p>
      <table className="participation-table">
        <thead>
          <tr>
            <th scope="col">{t('console.participation.group')}</th>
            <th scope="col">{t('console.participation.joinedCol')}</th>
            <th scope="col">{t('console.participation.connectedCol')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{groupName(g, lang)}</th>
              <td>{participation?.byGroup[g.id] ?? 0}</td>
              <td>{presence?.byGroup[g.id] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ParticipantList />
    </section>
  );
}
