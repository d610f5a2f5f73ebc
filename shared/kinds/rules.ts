/**
 * The table of the kinds' rules (KindRules: what a kind is about, may it open, the answer
 * checks), keyed by the kind. It is the part of KIND_MODULES the phone and the console's buttons
 * need, in a table of its own so that their bundle does not carry the results, the consensus
 * math, the export or zod (a browser test fails when the phone's code holds zod). Each module
 * spreads its rules, so KIND_MODULES[kind] and KIND_RULES[kind] give the same functions.
 */
import type { ActivityKind } from '../domain/types.js';
import { dotsRules } from './dots/rules.js';
import { exploreRules } from './explore/rules.js';
import { optionsRules } from './options/rules.js';
import { pointsRules } from './points/rules.js';
import { rankRules } from './rank/rules.js';
import { scanRules } from './scan/rules.js';
import type { KindRules } from './types.js';

export const KIND_RULES: { readonly [K in ActivityKind]: KindRules<K> } = {
  explore: exploreRules,
  dots: dotsRules,
  rank: rankRules,
  points: pointsRules,
  scan: scanRules,
  options: optionsRules,
};

/** The rules of one kind. */
export function kindRules<K extends ActivityKind>(kind: K): KindRules<K> {
  return KIND_RULES[kind] as KindRules<K>;
}
