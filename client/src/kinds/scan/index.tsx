import type { ActivityResults } from '../../../../shared/index.js';
import type { ScanResults } from '../../../../shared/consensus/index.js';
import { BoardScan } from '../../views/board/scan/BoardScan.js';
import { GroupCounts } from '../../views/board/GroupCounts.js';
import { ReportScan } from '../../views/report/ReportScan.js';
import { KindSvg } from '../icon.js';
import { reportPart } from '../reportPart.js';
import type { ClientKind, StepProps } from '../types.js';
import { scanPhone } from './phone.js';
import { ScanSettings } from './ScanSettings.js';

function ScanIcon() {
  return (
    <KindSvg>
      <path d="M4 7l2 2 3-3M4 15l2 2 3-3" />
      <path d="M12 8h8M12 16h8" />
    </KindSvg>
  );
}

/** The board: who is in, then the scan's progress or, after reveal, its matrix and open answers. */
function ScanBoard({ activity }: StepProps) {
  return (
    <>
      <GroupCounts />
      <BoardScan activity={activity} />
    </>
  );
}

const pickScan = (r: ActivityResults | null): (ActivityResults & { scan: ScanResults }) | null =>
  r !== null && r.scan !== null && r.scan.answers > 0 ? (r as ActivityResults & { scan: ScanResults }) : null;

/**
 * The collaboration scan: statements per factor on a five-point scale and two open questions.
 * Its results show on the board and the phones after reveal; the console has no panel of its
 * own for it (the board's view is the facilitator's too).
 */
export const scanClient: ClientKind<'scan'> = {
  kind: 'scan',
  Icon: ScanIcon,
  answers: true,
  phone: scanPhone,
  board: { View: ScanBoard, revealedAfterClose: true },
  Console: null,
  report: reportPart(pickScan, ReportScan),
  Settings: ScanSettings,
};
