import type { Presence, WorkshopState } from '../../shared/index.js';

/**
 * Which participants have at least one open socket, per workshop. A phone that reloads opens
 * a second socket before the first one times out, so connections are counted per participant.
 * Also how many joins a rate limit refused, per workshop since it was loaded.
 */
export class PresenceTracker {
  private readonly open = new Map<string, Map<string, number>>();
  private readonly refused = new Map<string, number>();

  joinRefused(workshopId: string): void {
    this.refused.set(workshopId, (this.refused.get(workshopId) ?? 0) + 1);
  }

  /** The workshop was loaded (again): its count starts afresh. */
  forget(workshopId: string): void {
    this.refused.delete(workshopId);
  }

  connect(workshopId: string, participantId: string): void {
    let byParticipant = this.open.get(workshopId);
    if (!byParticipant) this.open.set(workshopId, (byParticipant = new Map()));
    byParticipant.set(participantId, (byParticipant.get(participantId) ?? 0) + 1);
  }

  disconnect(workshopId: string, participantId: string): void {
    const byParticipant = this.open.get(workshopId);
    const n = byParticipant?.get(participantId);
    if (!byParticipant || n === undefined) return;
    if (n > 1) byParticipant.set(participantId, n - 1);
    else byParticipant.delete(participantId);
    if (byParticipant.size === 0) this.open.delete(workshopId);
  }

  /** Connected participants that are still in the workshop, counted in their current group. */
  presence(state: WorkshopState): Presence {
    const byGroup: Record<string, number> = Object.fromEntries(state.groups.map((g) => [g.id, 0]));
    let connected = 0;
    for (const participantId of this.open.get(state.id)?.keys() ?? []) {
      const p = state.participants[participantId];
      if (!p || p.removed) continue;
      connected += 1;
      byGroup[p.groupId] = (byGroup[p.groupId] ?? 0) + 1;
    }
    return { connected, byGroup, joinsRefused: this.refused.get(state.id) ?? 0 };
  }
}
