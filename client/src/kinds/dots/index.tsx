import { KindSvg } from '../icon.js';
import { voteKind } from '../vote.js';

function DotsIcon() {
  return (
    <KindSvg>
      <circle cx="6" cy="12" r="2.5" fill="currentColor" />
      <circle cx="12" cy="12" r="2.5" fill="currentColor" />
      <circle cx="18" cy="12" r="2.5" />
    </KindSvg>
  );
}

/** Dots: spread a number of dots over the values. */
export const dotsClient = voteKind('dots', DotsIcon);
