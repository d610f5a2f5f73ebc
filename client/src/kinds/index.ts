/**
 * The client's table of activity kinds: per kind its phone step, board view, console panel,
 * report section, agenda-dialog settings and icon (types.ts). Every screen that shows a step
 * looks its kind up here; a kind missing from the table, or missing a part, does not compile.
 */
import type { ActivityKind } from '../../../shared/index.js';
import { dotsClient } from './dots/index.js';
import { exploreClient } from './explore/index.js';
import { optionsClient } from './options/index.js';
import { pointsClient } from './points/index.js';
import { rankClient } from './rank/index.js';
import { scanClient } from './scan/index.js';
import type { ClientKind } from './types.js';

export type { ClientKind } from './types.js';

export const CLIENT_KINDS: { [K in ActivityKind]: ClientKind<K> } = {
  explore: exploreClient,
  dots: dotsClient,
  rank: rankClient,
  points: pointsClient,
  scan: scanClient,
  options: optionsClient,
};

/** The client module of one kind. */
export function clientKind<K extends ActivityKind>(kind: K): ClientKind<K> {
  return CLIENT_KINDS[kind];
}
