/**
 * Who counts, and in which group: one answer per participant, and which stakeholder groups are
 * large enough for the groups lens. Shared by the vote and the scan.
 */
import type { ExcludedGroup, GroupId, ParticipantId } from './types.js';

/** The minimum group size when the configured one is not a usable number. */
export const DEFAULT_MIN_GROUP_SIZE = 3;

/** The ids with repeats removed, first occurrence kept, order kept. */
export function uniqueIds<T extends string>(ids: readonly T[]): T[] {
  return [...new Set(ids)];
}

/**
 * One response per participant: the last one in `responses` wins (a participant who changed
 * their answer counts once, with their latest answer and their latest group). The result keeps
 * the order in which participants first appear, so every sum downstream is deterministic.
 */
export function lastPerParticipant<R extends { participantId: ParticipantId }>(responses: readonly R[]): R[] {
  // Map.set on an existing key keeps the key's first position and replaces its value.
  const latest = new Map<ParticipantId, R>();
  for (const r of responses) latest.set(r.participantId, r);
  return [...latest.values()];
}

/**
 * The minimum group size actually applied: `minGroupSize` rounded up, at least 1 (a group with
 * no answers is never "included"); not a finite number → DEFAULT_MIN_GROUP_SIZE.
 */
export function effectiveMinGroupSize(minGroupSize: number): number {
  return Number.isFinite(minGroupSize) ? Math.max(1, Math.ceil(minGroupSize)) : DEFAULT_MIN_GROUP_SIZE;
}

/** Answers per group, for every group in `groupIds` (0 when none). Answers from unknown groups are not counted here. */
export function countByGroup(groupIds: readonly GroupId[], memberGroupIds: readonly GroupId[]): Record<GroupId, number> {
  const counts = new Map<GroupId, number>(groupIds.map((g) => [g, 0]));
  for (const g of memberGroupIds) {
    const c = counts.get(g);
    if (c !== undefined) counts.set(g, c + 1);
  }
  return Object.fromEntries(counts);
}

/**
 * Splits the groups into those shown in the groups lens (answers ≥ effectiveMinGroupSize) and
 * those left out and named (fewer answers, including 0), both in `groupIds` order.
 */
export function partitionGroups(
  groupIds: readonly GroupId[],
  answersByGroup: Record<GroupId, number>,
  minGroupSize: number,
): { includedGroupIds: GroupId[]; excludedGroups: ExcludedGroup[] } {
  const min = effectiveMinGroupSize(minGroupSize);
  const includedGroupIds: GroupId[] = [];
  const excludedGroups: ExcludedGroup[] = [];
  for (const groupId of uniqueIds(groupIds)) {
    const answers = Object.hasOwn(answersByGroup, groupId) ? (answersByGroup[groupId] ?? 0) : 0;
    if (answers >= min) includedGroupIds.push(groupId);
    else excludedGroups.push({ groupId, answers });
  }
  return { includedGroupIds, excludedGroups };
}
