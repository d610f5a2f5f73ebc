import type { Answer } from '../../../../../shared/index.js';
import type { VoteAnswer, VoteKind } from '../../../../../shared/consensus/index.js';

/** A fresh answer of a kind: no dots, nothing ranked, no points. */
export function emptyAnswer(kind: VoteKind): VoteAnswer {
  switch (kind) {
    case 'dots':
      return { kind, dots: {} };
    case 'rank':
      return { kind, order: [] };
    case 'points':
      return { kind, points: {} };
  }
}

/** The vote answer in a stored answer, when it is one of this kind. */
export function asVote(answer: Answer | null | undefined, kind: VoteKind): VoteAnswer | null {
  if (!answer || answer.kind !== kind) return null;
  return answer as VoteAnswer;
}

function nonZeroEntries(r: Record<string, number>): [string, number][] {
  return Object.entries(r)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Same answer, ignoring zero entries and key order (the server stores answers without zeros). */
export function sameAnswer(a: VoteAnswer | null, b: VoteAnswer | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'rank':
      return b.kind === 'rank' && a.order.length === b.order.length && a.order.every((id, i) => b.order[i] === id);
    case 'dots':
      return b.kind === 'dots' && JSON.stringify(nonZeroEntries(a.dots)) === JSON.stringify(nonZeroEntries(b.dots));
    case 'points':
      return b.kind === 'points' && JSON.stringify(nonZeroEntries(a.points)) === JSON.stringify(nonZeroEntries(b.points));
  }
}

function isCountRecord(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((n) => Number.isInteger(n) && n >= 0 && n <= 100);
}

export function isVoteAnswer(v: unknown): v is VoteAnswer {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  switch (a.kind) {
    case 'dots':
      return isCountRecord(a.dots);
    case 'points':
      return isCountRecord(a.points);
    case 'rank':
      return Array.isArray(a.order) && a.order.every((id) => typeof id === 'string');
    default:
      return false;
  }
}

/** A participant's own picks, most weight first: ranked order, or the values with dots/points. */
export function picksOf(answer: VoteAnswer): { valueId: string; amount: number }[] {
  switch (answer.kind) {
    case 'rank':
      return answer.order.map((valueId, i) => ({ valueId, amount: i + 1 }));
    case 'dots':
      return nonZeroEntries(answer.dots)
        .sort((x, y) => y[1] - x[1])
        .map(([valueId, amount]) => ({ valueId, amount }));
    case 'points':
      return nonZeroEntries(answer.points)
        .sort((x, y) => y[1] - x[1])
        .map(([valueId, amount]) => ({ valueId, amount }));
  }
}
