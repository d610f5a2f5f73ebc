import type { ActivityKind } from '../../../../../shared/index.js';
import { CLIENT_KINDS } from '../../../kinds/index.js';

/**
 * A small pictogram per kind of step, drawn in SVG (no emoji font needed), from the kind's
 * module. Decoration only: the kind's name is always next to it.
 */
export function KindIcon({ kind }: { kind: ActivityKind }) {
  const { Icon } = CLIENT_KINDS[kind];
  return <Icon />;
}
