import { useTranslation } from 'react-i18next';
import type { ActivityResults, Group } from '../../../../shared/index.js';
import { useStore } from '../../store/index.js';
import { useUnderWarnings } from '../console/online/RepresentationTable.js';
import '../console/online/onlineStrings.js';
import './representation.css';

const NO_GROUPS: Group[] = [];

/**
 * The board's under-representation warning, in words ("Woningcorporaties: 2 of 150 invited —
 * under-represented"), one line per group the view marks (representation.underGroupIds).
 */
export function RepresentationWarning() {
  const groups = useStore((s) => s.pub?.groups ?? NO_GROUPS);
  const representation = useStore((s) => s.pub?.representation ?? null);
  const warnings = useUnderWarnings(representation, groups);
  if (warnings.length === 0) return null;
  return (
    <ul className="board-under">
      {warnings.map((w) => (
        <li key={w.groupId}>
          <span aria-hidden="true">⚠ </span>
          {w.text}
        </li>
      ))}
    </ul>
  );
}

/** On the board's results, once answers came in online: "Answers in the room 40 · online 12" (the console can show the two apart). */
export function BoardChannels({ results }: { results: ActivityResults | undefined }) {
  const { t } = useTranslation();
  const channels = results?.channels ?? null;
  if (!channels) return null;
  return <p className="board-channels">{t('onlineHost.split.board', { room: channels.room.answers, online: channels.online.answers })}</p>;
}
