/**
 * Structural sharing for snapshots: every `workshop:public` replaces the whole view, but items
 * that did not change keep their previous object identity, so memoised cards and selectors
 * skip re-rendering. Items are compared by id and by their JSON, which is cheap at workshop size.
 */
export function shareUnchanged<T extends { id: string }>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length === 0) return next;
  const byId = new Map(prev.map((item) => [item.id, item]));
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const old = byId.get(item.id);
    const keep = old !== undefined && JSON.stringify(old) === JSON.stringify(item) ? old : item;
    if (keep !== prev[i]) same = false;
    return keep;
  });
  return same ? (prev as T[]) : out;
}
