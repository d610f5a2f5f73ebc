import { KindSvg } from '../icon.js';
import { voteKind } from '../vote.js';

function PointsIcon() {
  return (
    <KindSvg>
      <circle cx="12" cy="12" r="8" />
      <path d="M12 4v8l6 4" />
    </KindSvg>
  );
}

/** 100 points: split a hundred points over the values. */
export const pointsClient = voteKind('points', PointsIcon);
