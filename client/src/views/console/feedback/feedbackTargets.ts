import type { FeedbackEntry, FeedbackTarget, HostView, PublicActivity } from '../../../../../shared/index.js';

/** A heading in the editor and what can be answered under it. */
export interface TargetGroup {
  key: string;
  kind: 'value' | 'commonGround' | 'tension' | 'option';
  /** The options activity, for an option group. */
  activity: PublicActivity | null;
  targets: FeedbackTarget[];
}

const valueTarget = (kind: 'value' | 'tension', id: string): FeedbackTarget => ({ kind, id, activityId: null });

/**
 * What the organiser can write feedback on, read from the host view: the summary's top values,
 * its common ground (values not already among the top ones) and its tensions, and every option of
 * every options activity. Nothing is computed here: the summary says what is top, common and split.
 */
export function feedbackTargetGroups(host: Pick<HostView, 'summary' | 'activities'>): TargetGroup[] {
  const groups: TargetGroup[] = [];
  const s = host.summary;
  if (s) {
    const top = s.topValues.map((v) => valueTarget('value', v.valueId));
    const topIds = new Set(s.topValues.map((v) => v.valueId));
    const ground = s.commonGround.filter((c) => !topIds.has(c.valueId)).map((c) => valueTarget('value', c.valueId));
    const tensions = s.tensions.map((x) => valueTarget('tension', x.valueId));
    if (top.length > 0) groups.push({ key: 'value', kind: 'value', activity: null, targets: top });
    if (ground.length > 0) groups.push({ key: 'commonGround', kind: 'commonGround', activity: null, targets: ground });
    if (tensions.length > 0) groups.push({ key: 'tension', kind: 'tension', activity: null, targets: tensions });
  }
  for (const a of host.activities) {
    if (a.kind !== 'options' || a.config.options.length === 0) continue;
    groups.push({ key: `option:${a.id}`, kind: 'option', activity: a, targets: a.config.options.map((o) => ({ kind: 'option', id: o.id, activityId: a.id })) });
  }
  return groups;
}

export function sameTarget(a: FeedbackTarget, b: FeedbackTarget): boolean {
  return a.kind === b.kind && a.id === b.id && (a.kind !== 'option' || a.activityId === b.activityId);
}

/** Entries about none of the targets shown (the summary changed since) and not general: listed on their own. */
export function entriesElsewhere(entries: readonly FeedbackEntry[], groups: readonly TargetGroup[]): FeedbackEntry[] {
  const shown = groups.flatMap((g) => g.targets);
  return entries.filter((e) => e.target.kind !== 'general' && !shown.some((t) => sameTarget(t, e.target)));
}
