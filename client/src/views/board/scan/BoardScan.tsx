import { useTranslation } from 'react-i18next';
import type { Group, PublicActivity } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { useStore } from '../../../store/index.js';
import { BoardChannels } from '../RepresentationWarning.js';
import { ScanMatrix } from './ScanMatrix.js';
import { ScanWall } from './ScanWall.js';
import './boardScan.css';

const NO_GROUPS: Group[] = [];

/**
 * The collaboration scan on the projector. While people answer: how many filled it in, per
 * group (never who). Once the facilitator shows it: per factor the average and spread, per
 * group, and the open answers as a wall.
 */
export function BoardScan({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const total = useStore((s) => s.pub?.participation.total ?? 0);
  const counts = useStore((s) => s.pub?.answerCounts[activity.id] ?? null);
  const results = useStore((s) => (activity.revealed ? (s.pub?.results[activity.id] ?? null) : null));
  const minGroupSize = useStore((s) => s.pub?.settings.minGroupSize ?? 3);

  if (!results?.scan) {
    return (
      <section className="board-scan-waiting" aria-label={t('agenda.board.byGroup')}>
        <p className="board-scan-count">{t('agenda.board.answered', { count: counts?.total ?? 0, total })}</p>
        <ul className="board-scan-groups">
          {groups.map((g, i) => (
            <li key={g.id} className={`group-count swatch-${i % 8}`}>
              <span className="group-count-name">{groupNameById(groups, g.id, lang)}</span>
              <span className="group-count-n">{counts?.byGroup[g.id] ?? 0}</span>
            </li>
          ))}
        </ul>
        <p className="board-scan-hidden">{t('agenda.board.hidden')}</p>
      </section>
    );
  }
  return (
    <section className="board-scan">
      <ScanMatrix scan={results.scan} groups={groups} minGroupSize={minGroupSize} />
      <BoardChannels results={results} />
      <ScanWall answers={results.openAnswers} />
    </section>
  );
}
