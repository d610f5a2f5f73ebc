/** Clock times for the console's joins panel, in the browser's own time zone. */

export function clockFormat(lang: 'nl' | 'en'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function dateFormat(lang: 'nl' | 'en'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long' });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" for an `<input type="time">`. */
export function toTimeInput(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The moment an "HH:MM" names on the day of `reference` (local time); null for anything else. */
export function fromTimeInput(value: string, reference: number): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  const d = new Date(reference);
  d.setHours(hours, minutes, 0, 0);
  return d.getTime();
}

export function secondsFormat(lang: 'nl' | 'en'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
