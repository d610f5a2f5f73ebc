import { KindSvg } from '../icon.js';
import { voteKind } from '../vote.js';

function RankIcon() {
  return (
    <KindSvg>
      <path d="M4 6h16M4 12h11M4 18h6" />
    </KindSvg>
  );
}

/** Rank: put the values (or the top K) in order. */
export const rankClient = voteKind('rank', RankIcon);
