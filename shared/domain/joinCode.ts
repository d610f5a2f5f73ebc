/**
 * Join codes are read aloud and typed on phones: six characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L). 31^6 ≈ 887 million codes.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE_RE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Upper-cases and drops spaces and dashes, so "abc-def" typed on a phone still works. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
  return JOIN_CODE_RE.test(code);
}
