/**
 * The table of activity kinds: one module per kind (shared/kinds/<kind>/), keyed by the kind.
 * Its type makes a kind that is missing, or misses a part, a compile error. Every place that
 * differs per kind (answer schema and checks, config checks, what opening freezes, results,
 * live-view cache inputs, open answers, CSV items, summary, template file) asks this table.
 */
import type { ActivityKind } from '../domain/types.js';
import { dotsModule } from './dots/index.js';
import { exploreModule } from './explore/index.js';
import { optionsModule } from './options/index.js';
import { pointsModule } from './points/index.js';
import { rankModule } from './rank/index.js';
import { scanModule } from './scan/index.js';
import type { KindModule } from './types.js';

export const KIND_MODULES = {
  explore: exploreModule,
  dots: dotsModule,
  rank: rankModule,
  points: pointsModule,
  scan: scanModule,
  options: optionsModule,
} satisfies { [K in ActivityKind]: KindModule<K> };

/** The module of one kind. */
export function kindModule<K extends ActivityKind>(kind: K): KindModule<K> {
  return KIND_MODULES[kind] as KindModule<K>;
}

export type { AnswerOf, CsvItem, ExportActivity, KindModule, ResultsContext } from './types.js';
