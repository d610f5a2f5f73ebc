/**
 * The parts the three votes (dots, rank, points) share: one phone input, one board, one
 * console panel, one report section and one settings form, each told apart inside by the
 * activity's kind. Each vote's own folder registers these with its own icon.
 */
import type { ActivityResults } from '../../../shared/index.js';
import type { VoteResults } from '../../../shared/consensus/index.js';
import { VoteBoard } from '../views/board/results/VoteBoard.js';
import { VotePanel } from '../views/console/results/VotePanel.js';
import { VoteSettingsSlot } from '../views/console/agenda/voteSettingsSlot.js';
import { ReportVote } from '../views/report/ReportVote.js';
import { reportPart } from './reportPart.js';
import type { ClientKind, StepProps } from './types.js';
import { votePhone } from './votePhone.js';
import type { VoteKind } from '../../../shared/consensus/index.js';

export function VoteBoardView({ activity }: StepProps) {
  return <VoteBoard activityId={activity.id} />;
}

/** The panel of every vote (one tab each), at the top of the console while a vote is current. */
export function VoteConsole(_: StepProps) {
  return <VotePanel />;
}

const pickVote = (r: ActivityResults | null): (ActivityResults & { vote: VoteResults }) | null =>
  r !== null && r.vote !== null && r.vote.answers > 0 ? (r as ActivityResults & { vote: VoteResults }) : null;

/** Everything of a vote kind but its icon. */
export function voteKind<K extends VoteKind>(kind: K, Icon: ClientKind<K>['Icon']): ClientKind<K> {
  return {
    kind,
    Icon,
    answers: true,
    phone: votePhone,
    board: { View: VoteBoardView, revealedAfterClose: true },
    Console: VoteConsole,
    report: reportPart(pickVote, ReportVote),
    Settings: VoteSettingsSlot,
  };
}
