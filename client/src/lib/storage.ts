/**
 * Everything this browser remembers, in localStorage under one prefix. Reads never throw:
 * private mode, a full quota or a hand-edited value just mean "nothing remembered".
 */
const PREFIX = 'raakvlak.';

export function readJson<T>(key: string, fallback: T, isValid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or private mode: the app keeps working, it just forgets on reload.
  }
}

export function readString(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writeString(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // See writeJson.
  }
}

export const keys = {
  lang: 'lang',
  workshops: 'workshops',
  processes: 'processes',
  participantToken: (code: string) => `participant.${code}`,
  outbox: (code: string) => `outbox.${code}`,
  draft: (code: string, field: string) => `draft.${code}.${field}`,
};
