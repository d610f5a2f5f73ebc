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

/*
 * Getters, not values: the modules import the domain (results, rules…) that imports this table,
 * so when that cycle is entered from a module, the table is built before the module is; a getter
 * reads the module when it is asked for, by then loaded.
 */
export const KIND_MODULES = {
  get explore() {
    return exploreModule;
  },
  get dots() {
    return dotsModule;
  },
  get rank() {
    return rankModule;
  },
  get points() {
    return pointsModule;
  },
  get scan() {
    return scanModule;
  },
  get options() {
    return optionsModule;
  },
} satisfies { readonly [K in ActivityKind]: KindModule<K> };

/** The module of one kind. */
export function kindModule<K extends ActivityKind>(kind: K): KindModule<K> {
  return KIND_MODULES[kind] as KindModule<K>;
}

export type { AnswerOf, CsvItem, ExportActivity, KindModule, ResultsContext } from './types.js';
