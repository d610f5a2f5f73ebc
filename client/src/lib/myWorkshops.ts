import { keys, readJson, writeJson } from './storage.js';

/** A workshop this browser created (or opened with a host link), so the facilitator can reopen it. */
export interface MyWorkshop {
  code: string;
  title: string;
  hostToken: string;
  createdAt: number;
}

function isMyWorkshops(v: unknown): v is MyWorkshop[] {
  return (
    Array.isArray(v) &&
    v.every((w) => typeof w === 'object' && w !== null && typeof w.code === 'string' && typeof w.hostToken === 'string' && typeof w.title === 'string' && typeof w.createdAt === 'number')
  );
}

export function listMyWorkshops(): MyWorkshop[] {
  return readJson(keys.workshops, [], isMyWorkshops).sort((a, b) => b.createdAt - a.createdAt);
}

/** Adds or updates by code; an existing entry keeps its creation date. */
export function rememberWorkshop(w: MyWorkshop): void {
  const all = listMyWorkshops();
  const existing = all.find((x) => x.code === w.code);
  const next = existing ? all.map((x) => (x.code === w.code ? { ...w, createdAt: x.createdAt } : x)) : [w, ...all];
  writeJson(keys.workshops, next);
}

export function forgetWorkshop(code: string): void {
  writeJson(
    keys.workshops,
    listMyWorkshops().filter((w) => w.code !== code),
  );
}

export function hostTokenFor(code: string): string | null {
  return listMyWorkshops().find((w) => w.code === code)?.hostToken ?? null;
}
