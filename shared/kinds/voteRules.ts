/**
 * The rules the three vote kinds (dots, rank, points) share, zod-free and free of the results
 * math, for KIND_RULES (the phone's part of each kind): which kinds are votes, the common checks,
 * and voteRules, which builds a vote kind's rules from its own answer check.
 */
import { fail, type Result } from '../protocol/errors.js';
import type { Answer } from '../domain/answers.js';
import type { VoteActivity } from '../domain/resultsBase.js';
import type { Activity, ActivityKind } from '../domain/types.js';
import type { AnswerOf, KindRules } from './types.js';

export type VoteKind = 'dots' | 'rank' | 'points';
export const VOTE_KINDS: readonly VoteKind[] = ['dots', 'rank', 'points'];

export function isVoteKind(kind: ActivityKind): kind is VoteKind {
  return kind === 'dots' || kind === 'rank' || kind === 'points';
}

export function isVoteActivity(a: Activity): a is VoteActivity {
  return isVoteKind(a.kind);
}

/** The ids not in `allowed`. */
export function unknownIds(ids: readonly string[], allowed: readonly string[]): string[] {
  const set = new Set(allowed);
  return ids.filter((id) => !set.has(id));
}

/** Drops zero entries so stored answers are canonical. */
export function nonZero(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
}

/** The refusal of an answer of another kind than the activity's. */
export function wrongKind(activity: Pick<Activity, 'kind'>): Result<never> {
  return fail('BAD_REQUEST', `This activity takes a ${activity.kind} answer`);
}

/** A vote kind's own rules: its kind, the fewest values it takes, and its answer check. */
export interface VoteRuleParts<K extends VoteKind> {
  kind: K;
  minValues: number;
  /** The kind's checks of an answer of its own kind (the kind itself is checked before). */
  validate(activity: Pick<Activity, 'kind' | 'config'>, valueIds: readonly string[], answer: AnswerOf<K>): Result<Answer>;
}

export function voteRules<K extends VoteKind>(parts: VoteRuleParts<K>): KindRules<K> {
  const own = (answer: Answer): answer is AnswerOf<K> => answer.kind === parts.kind;
  return {
    kind: parts.kind,
    minValues: parts.minValues,
    valuesOnBallot: true,
    hasResults: true,
    takesAnswers: true,
    defaultConfig: () => ({}),
    openRefusal: () => null,
    validateAnswer: (activity, valueIds, answer) => (own(answer) ? parts.validate(activity, valueIds, answer) : wrongKind(activity)),
  };
}
