import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupName, type Group } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { ParticipantList } from './agenda/ParticipantList.js';
import { BulkRemove } from './doors/BulkRemove.js';
import { JoiningControls } from './doors/JoiningControls.js';
import { JoinsOverTime } from './doors/JoinsOverTime.js';
import { RepresentationTable } from './online/RepresentationTable.js';
import './doors/doors.css';

const NO_GROUPS: Group[] = [];

/**
 * Who is in the room: joined per group (from the view) and connected right now (from presence);
 * the doors (close or open joining, joins over time, the burst warning, removing everyone who
 * joined from a moment on); and the list of participants with what can be done to each one.
 */
export function ParticipationPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const participation = useStore((s) => s.pub?.participation ?? null);
  const presence = useStore((s) => s.presence);
  const representation = useStore((s) => s.host?.representation ?? s.pub?.representation ?? null);
  // A minute picked in the chart or the burst warning, for the bulk removal's confirm step.
  const [pick, setPick] = useState<{ from: number; n: number } | null>(null);
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
      {/* Invited against who took part (room and online) and the under-representation warning. */}
      <RepresentationTable representation={representation} groups={groups} />
      <div className="doors">
        <JoiningControls />
        <JoinsOverTime onPick={(from) => setPick((p) => ({ from, n: (p?.n ?? 0) + 1 }))} />
        <BulkRemove from={pick?.from ?? null} pickedAt={pick?.n ?? 0} />
      </div>
      {/* Each participant, with the actions on one person (remove, and whatever else one person can undergo). */}
      <ParticipantList />
    </section>
  );
}
