import { describe, expect, it } from 'vitest';
import { representation, representationOf, turnoutByGroup } from './representation.js';
import type { Group, Participant, WorkshopState } from './types.js';

const END = 5_000;

function person(id: string, groupId: string, joinedAt: number, removed = false): Participant {
  return { id, name: null, groupId, joinedAt, tokenHash: `h-${id}`, removed };
}

function stateOf(groups: Group[], people: Participant[], liveEndedAt: number | null | undefined): Pick<WorkshopState, 'groups' | 'participants' | 'liveEndedAt'> {
  return { groups, participants: Object.fromEntries(people.map((p) => [p.id, p])), ...(liveEndedAt === undefined ? {} : { liveEndedAt }) };
}

function many(n: number, groupId: string, joinedAt: number, prefix: string): Participant[] {
  return Array.from({ length: n }, (_, i) => person(`${prefix}${i}`, groupId, joinedAt));
}

describe('representation', () => {
  it('compares each group with what was invited and warns about the under-represented one', () => {
    const groups: Group[] = [
      { id: 'a', name: 'Bewoners', invited: 100 },
      { id: 'b', name: 'Gemeente', invited: 300 },
      { id: 'c', name: 'Ondernemers', invited: null },
    ];
    const people = [
      ...many(7, 'a', 1_000, 'ar'),
      person('a-online', 'a', END), // joinedAt = liveEndedAt: online
      person('a-gone', 'a', 1_000, true), // removed: not counted
      ...many(2, 'b', 2_000, 'br'),
      ...many(2, 'c', 3_000, 'cr'),
    ];
    const r = representation(stateOf(groups, people, END));
    // Took part: a 8 (7 room + 1 online), b 2, c 2 → 12 (≥ 10). Known invited: a, b (2 groups) → 400.
    expect(r.tookPart).toBe(12);
    expect(r.invited).toBe(400);
    const [a, b, c] = r.groups;
    // a: turnout 8/100 = 0.08; share 8/12 = 2/3; invitedShare 100/400 = 1/4; ratio (2/3)/(1/4) = 8/3; 2/3 < 0.5·1/4? no.
    expect(a).toMatchObject({ groupId: 'a', invited: 100, tookPart: 8, room: 7, online: 1, under: false });
    expect(a?.turnout).toBeCloseTo(0.08, 12);
    expect(a?.share).toBeCloseTo(2 / 3, 12);
    expect(a?.invitedShare).toBeCloseTo(0.25, 12);
    expect(a?.ratio).toBeCloseTo(8 / 3, 12);
    // b: turnout 2/300; share 2/12 = 1/6; invitedShare 300/400 = 3/4; ratio (1/6)/(3/4) = 2/9; 1/6 < 0.5·3/4 = 0.375 → under.
    expect(b).toMatchObject({ groupId: 'b', invited: 300, tookPart: 2, room: 2, online: 0, under: true });
    expect(b?.turnout).toBeCloseTo(2 / 300, 12);
    expect(b?.share).toBeCloseTo(1 / 6, 12);
    expect(b?.invitedShare).toBeCloseTo(0.75, 12);
    expect(b?.ratio).toBeCloseTo(2 / 9, 12);
    // c: invited unknown → turnout, invitedShare, ratio null, never under; share 2/12.
    expect(c).toMatchObject({ groupId: 'c', invited: null, tookPart: 2, turnout: null, invitedShare: null, ratio: null, under: false });
    expect(c?.share).toBeCloseTo(1 / 6, 12);
    expect(r.underGroupIds).toEqual(['b']);
  });

  it('warns only from minParticipants people and two known invited numbers', () => {
    const groups: Group[] = [
      { id: 'a', name: 'A', invited: 100 },
      { id: 'b', name: 'B', invited: 300 },
    ];
    // 7 + 2 = 9 took part (< 10): b's share 2/9 < 0.375 but no warning.
    const nine = representation(stateOf(groups, [...many(7, 'a', 1, 'a'), ...many(2, 'b', 1, 'b')], null));
    expect(nine.tookPart).toBe(9);
    expect(nine.groups.map((g) => g.under)).toEqual([false, false]);
    expect(nine.underGroupIds).toEqual([]);
    // One known invited number: no warning even with 12 people.
    const one = representation(stateOf([{ id: 'a', name: 'A', invited: 100 }, { id: 'b', name: 'B' }], [...many(11, 'a', 1, 'a'), ...many(1, 'b', 1, 'b')], null));
    expect(one.invited).toBe(100);
    expect(one.underGroupIds).toEqual([]);
    // a's invitedShare is 100/100 = 1 (only known group), b's is null (invited absent).
    expect(one.groups.map((g) => g.invitedShare)).toEqual([1, null]);
  });

  it('counts a group invited but absent as under, and a group with invited 0 never', () => {
    const groups: Group[] = [
      { id: 'a', name: 'A', invited: 100 },
      { id: 'b', name: 'B', invited: 100 },
      { id: 'z', name: 'Z', invited: 0 },
    ];
    const r = representation(stateOf(groups, [...many(10, 'a', 1, 'a'), ...many(1, 'z', 1, 'z')], undefined));
    // Took part 11; b: share 0 < 0.5·(100/200) → under, turnout 0/100 = 0. z: invited 0 → turnout null, invitedShare 0/200 = 0, ratio null, share 1/11.
    expect(r.groups[1]).toMatchObject({ groupId: 'b', tookPart: 0, turnout: 0, share: 0, invitedShare: 0.5, ratio: 0, under: true });
    expect(r.groups[2]).toMatchObject({ groupId: 'z', invited: 0, turnout: null, invitedShare: 0, ratio: null, under: false });
    expect(r.groups[2]?.share).toBeCloseTo(1 / 11, 12);
    expect(r.underGroupIds).toEqual(['b']);
    // liveEndedAt absent: everyone is room.
    expect(r.groups.map((g) => g.online)).toEqual([0, 0, 0]);
    expect(r.groups[0]?.room).toBe(10);
  });

  it('gives shares of 0 and no totals when nobody took part and nothing is known', () => {
    const r = representation(stateOf([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], [], null));
    expect(r).toEqual({
      groups: [
        { groupId: 'a', invited: null, tookPart: 0, room: 0, online: 0, turnout: null, share: 0, invitedShare: null, ratio: null, under: false },
        { groupId: 'b', invited: null, tookPart: 0, room: 0, online: 0, turnout: null, share: 0, invitedShare: null, ratio: null, under: false },
      ],
      invited: null,
      tookPart: 0,
      underGroupIds: [],
    });
  });

  it('gives the same from precomputed counts, and ignores participants of an unknown group', () => {
    const groups: Group[] = [
      { id: 'a', name: 'A', invited: 10 },
      { id: 'b', name: 'B', invited: 30 },
    ];
    const people = [...many(6, 'a', 1, 'a'), ...many(4, 'b', END + 1, 'b'), ...many(3, 'x', 1, 'x')];
    const counts = turnoutByGroup(groups, people, END);
    expect([...counts.entries()]).toEqual([['a', { room: 6, online: 0 }], ['b', { room: 0, online: 4 }]]);
    expect(representationOf(groups, counts)).toEqual(representation(stateOf(groups, people, END)));
    // 10 took part; b: share 4/10 = 0.4 ≥ 0.5·30/40 = 0.375 → not under.
    expect(representationOf(groups, counts).underGroupIds).toEqual([]);
  });
});
