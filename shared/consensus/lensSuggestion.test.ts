import { describe, expect, it } from 'vitest';
import type { Response, VoteAnswer } from './types.js';
import { computeVoteResults } from './vote.js';
import { lensGroupSizeToCompare, LENS_SUGGESTION_FLOOR } from './lens.js';

const dot = (participantId: string, groupId: string): Response<VoteAnswer> => ({ participantId, groupId, answer: { kind: 'dots', dots: { A: 1 } } });

/** A dots vote on one value with the given answers per group (group ids g0, g1, …), lensed at minGroupSize. */
function lensOf(answersPerGroup: number[], minGroupSize: number) {
  const groupIds = answersPerGroup.map((_, i) => `g${i}`);
  const responses = answersPerGroup.flatMap((n, gi) => Array.from({ length: n }, (_, k) => dot(`p${gi}-${k}`, `g${gi}`)));
  return computeVoteResults({ kind: 'dots', valueIds: ['A'], groupIds, responses, dotsPerParticipant: 1, minGroupSize }).lens;
}

describe('lensGroupSizeToCompare: the least lowering of the smallest group that lets the lens compare two groups', () => {
  it('three groups of two at the default 3: none shown, 2 would show all three', () => {
    const lens = lensOf([2, 2, 2], 3);
    expect(lens.includedGroupIds).toEqual([]);
    expect(lensGroupSizeToCompare(lens)).toBe(2);
    // The suggestion does what it says: at 2 every group is in.
    expect(lensOf([2, 2, 2], 2).includedGroupIds).toEqual(['g0', 'g1', 'g2']);
  });

  it('one group shown (5 answers), the others 2 and 4 at a setting of 5: 4, the largest one left out', () => {
    const lens = lensOf([5, 2, 4], 5);
    expect(lens.includedGroupIds).toEqual(['g0']);
    expect(lensGroupSizeToCompare(lens)).toBe(4);
    expect(lensOf([5, 2, 4], 4).includedGroupIds).toEqual(['g0', 'g2']);
    // One more than the suggestion compares only one group again.
    expect(lensOf([5, 2, 4], 5).includedGroupIds).toHaveLength(1);
  });

  it('none shown, counts 6, 3, 4 at a setting of 7: the second largest, 4', () => {
    const lens = lensOf([6, 3, 4], 7);
    expect(lens.includedGroupIds).toEqual([]);
    expect(lensGroupSizeToCompare(lens)).toBe(4);
    expect(lensOf([6, 3, 4], 4).includedGroupIds).toEqual(['g0', 'g2']);
  });

  it('no suggestion when two groups are compared already', () => {
    expect(lensGroupSizeToCompare(lensOf([3, 3, 1], 3))).toBeNull();
  });

  it('never suggests a group of one person, nor a group without answers', () => {
    expect(LENS_SUGGESTION_FLOOR).toBe(2);
    // 3 and 1: the second group has one answer.
    expect(lensGroupSizeToCompare(lensOf([3, 1], 3))).toBeNull();
    // One group with answers, another with none.
    expect(lensGroupSizeToCompare(lensOf([2, 0], 3))).toBeNull();
    // Only one group at all.
    expect(lensGroupSizeToCompare(lensOf([8], 3))).toBeNull();
  });
});
