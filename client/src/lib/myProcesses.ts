import { keys, readJson, writeJson } from './storage.js';

/** A process this browser created (or opened with its organiser link), so the organiser can reopen it. */
export interface MyProcess {
  code: string;
  title: string;
  organiserToken: string;
  createdAt: number;
}

function isMyProcesses(v: unknown): v is MyProcess[] {
  return (
    Array.isArray(v) &&
    v.every((p) => typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.organiserToken === 'string' && typeof p.title === 'string' && typeof p.createdAt === 'number')
  );
}

/** Newest first. */
export function listMyProcesses(): MyProcess[] {
  return readJson(keys.processes, [], isMyProcesses).sort((a, b) => b.createdAt - a.createdAt);
}

/** Adds or updates by code; an existing entry keeps its creation date. */
export function rememberProcess(p: MyProcess): void {
  const all = listMyProcesses();
  const existing = all.find((x) => x.code === p.code);
  const next = existing ? all.map((x) => (x.code === p.code ? { ...p, createdAt: x.createdAt } : x)) : [p, ...all];
  writeJson(keys.processes, next);
}

export function forgetProcess(code: string): void {
  writeJson(
    keys.processes,
    listMyProcesses().filter((p) => p.code !== code),
  );
}

export function organiserTokenFor(code: string): string | null {
  return listMyProcesses().find((p) => p.code === code)?.organiserToken ?? null;
}
