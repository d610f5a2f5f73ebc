import { REPRESENTATION_LIMITS, type GroupRepresentation, type Representation } from './onlineModel.js';
import type { Group, Participant, WorkshopState } from './types.js';

/** Per group: how many took part in the room (joined before the live session ended) and online (at or after it). */
export interface GroupTurnout {
  room: number;
  online: number;
}

/**
 * Who took part per group: participants not removed, split by joinedAt against `liveEndedAt`
 * (room: before it, or always while it is null; online: joinedAt ≥ liveEndedAt). A participant
 * whose group is not among `groups` is not counted.
 */
export function turnoutByGroup(
  groups: readonly Pick<Group, 'id'>[],
  participants: Iterable<Pick<Participant, 'groupId' | 'joinedAt' | 'removed'>>,
  liveEndedAt: number | null | undefined,
): Map<string, GroupTurnout> {
  const counts = new Map<string, GroupTurnout>(groups.map((g) => [g.id, { room: 0, online: 0 }]));
  const ended = liveEndedAt ?? null;
  for (const p of participants) {
    if (p.removed) continue;
    const c = counts.get(p.groupId);
    if (!c) continue;
    if (ended !== null && p.joinedAt >= ended) c.online += 1;
    else c.room += 1;
  }
  return counts;
}

/**
 * Invited against who took part, per group, from counts already made (turnoutByGroup, or a
 * cache that keeps them): turnout, shares and the under-representation warning of
 * REPRESENTATION_LIMITS. A group is `under` when at least 2 groups have a known invited number,
 * at least `minParticipants` took part in all, and its share of those who took part is below
 * `underRatio` × its share of those invited (so a group with invited > 0 and nobody there is
 * under). When the known invited numbers add up to 0, every known invitedShare is 0.
 */
export function representationOf(
  groups: readonly Pick<Group, 'id' | 'invited'>[],
  counts: ReadonlyMap<string, GroupTurnout>,
): Representation {
  const known = groups.filter((g) => g.invited !== undefined && g.invited !== null);
  const invitedTotal = known.length > 0 ? known.reduce((sum, g) => sum + (g.invited ?? 0), 0) : null;
  const tookPartTotal = groups.reduce((sum, g) => {
    const c = counts.get(g.id);
    return sum + (c ? c.room + c.online : 0);
  }, 0);
  const warn = known.length >= 2 && tookPartTotal >= REPRESENTATION_LIMITS.minParticipants;
  const rows = groups.map((g): GroupRepresentation => {
    const c = counts.get(g.id) ?? { room: 0, online: 0 };
    const invited = g.invited ?? null;
    const tookPart = c.room + c.online;
    const share = tookPartTotal > 0 ? tookPart / tookPartTotal : 0;
    const invitedShare = invited === null || invitedTotal === null ? null : invitedTotal > 0 ? invited / invitedTotal : 0;
    return {
      groupId: g.id,
      invited,
      tookPart,
      room: c.room,
      online: c.online,
      turnout: invited === null || invited === 0 ? null : tookPart / invited,
      share,
      invitedShare,
      ratio: invitedShare === null || invitedShare === 0 ? null : share / invitedShare,
      under: warn && invitedShare !== null && share < REPRESENTATION_LIMITS.underRatio * invitedShare,
    };
  });
  return { groups: rows, invited: invitedTotal, tookPart: tookPartTotal, underGroupIds: rows.filter((r) => r.under).map((r) => r.groupId) };
}

/** Invited (state.groups[].invited) against who took part, per group, in the room and online. */
export function representation(state: Pick<WorkshopState, 'groups' | 'participants' | 'liveEndedAt'>): Representation {
  return representationOf(state.groups, turnoutByGroup(state.groups, Object.values(state.participants), state.liveEndedAt));
}
