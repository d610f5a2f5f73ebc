import { BoardWall } from '../../views/board/BoardWall.js';
import { GroupCounts } from '../../views/board/GroupCounts.js';
import { KindSvg } from '../icon.js';
import type { ClientKind } from '../types.js';
import { explorePhone } from './phone.js';

function ExploreIcon() {
  return (
    <KindSvg>
      <path d="M4 5h16v10H9l-5 4z" />
      <path d="M8 9h8M8 12h5" />
    </KindSvg>
  );
}

/** The board: who is in, and the wall of values and stories. */
function ExploreBoard() {
  return (
    <>
      <GroupCounts />
      <BoardWall />
    </>
  );
}

/**
 * Explore: the room collects values and stories. It takes no answers, so it has no results,
 * no console panel of its own (the console's wall and moderation are it) and no report
 * section; its settings are the question and the timer every step has.
 */
export const exploreClient: ClientKind<'explore'> = {
  kind: 'explore',
  Icon: ExploreIcon,
  answers: false,
  phone: explorePhone,
  board: { View: ExploreBoard, revealedAfterClose: false },
  Console: null,
  report: null,
  Settings: null,
};
