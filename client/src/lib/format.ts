/** "ABCDEF" → "ABC DEF": easier to read aloud and to copy from a projector. */
export function groupJoinCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The address participants type, without the scheme, for showing in text. */
export function joinUrl(code: string, origin: string = window.location.origin): string {
  return `${origin}/j/${code}`;
}

export function displayHost(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** The short address to type on a phone, where the code is asked for. */
export function joinPageUrl(origin: string = window.location.origin): string {
  return `${origin}/join`;
}
