import { describe, expect, it } from 'vitest';
import { countByGroup, effectiveMinGroupSize, lastPerParticipant, partitionGroups, uniqueIds } from './groups.js';
import { competitionPositions, indicesByScoreDesc } from './ordering.js';

describe('lastPerParticipant', () => {
  it('keeps the last answer, in first-appearance order', () => {
    const rs = [
      { participantId: 'a', v: 1 },
      { participantId: 'b', v: 2 },
      { participantId: 'a', v: 3 },
    ];
    expect(lastPerParticipant(rs)).toEqual([
      { participantId: 'a', v: 3 },
      { participantId: 'b', v: 2 },
    ]);
    expect(lastPerParticipant([])).toEqual([]);
  });
});

describe('groups', () => {
  it('uniqueIds keeps the first of each id', () => {
    expect(uniqueIds(['b', 'a', 'b'])).toEqual(['b', 'a']);
  });

  it('countByGroup counts listed groups only, zeros included', () => {
    expect(countByGroup(['g1', 'g2'], ['g1', 'x', 'g1'])).toEqual({ g1: 2, g2: 0 });
  });

  it('countByGroup and partitionGroups handle ids named like Object.prototype members', () => {
    const counts = countByGroup(['__proto__', 'constructor'], ['__proto__', 'constructor', 'constructor']);
    expect(Object.keys(counts)).toEqual(['__proto__', 'constructor']);
    expect(partitionGroups(['__proto__', 'constructor', 'toString'], counts, 2)).toEqual({
      includedGroupIds: ['constructor'],
      excludedGroups: [
        { groupId: '__proto__', answers: 1 },
        { groupId: 'toString', answers: 0 },
      ],
    });
  });

  it('effectiveMinGroupSize: rounded up, at least 1, default 3', () => {
    expect(effectiveMinGroupSize(3)).toBe(3);
    expect(effectiveMinGroupSize(2.5)).toBe(3);
    expect(effectiveMinGroupSize(0)).toBe(1);
    expect(effectiveMinGroupSize(-4)).toBe(1);
    expect(effectiveMinGroupSize(Number.NaN)).toBe(3);
  });
});

describe('ordering', () => {
  it('competitionPositions: 1224 ranking, highest first', () => {
    expect(competitionPositions([5, 3, 3, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionPositions([1, 3, 5, 3])).toEqual([4, 2, 1, 2]);
    expect(competitionPositions([0, 0, 0])).toEqual([1, 1, 1]);
    expect(competitionPositions([])).toEqual([]);
  });

  it('indicesByScoreDesc: ties keep index order', () => {
    expect(indicesByScoreDesc([1, 3, 5, 3])).toEqual([2, 1, 3, 0]);
    expect(indicesByScoreDesc([2, 2, 2])).toEqual([0, 1, 2]);
  });
});
