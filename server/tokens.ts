import { createHash, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';

/** Host and participant tokens: 32 nanoid characters = 192 bits. Only their hashes are stored. */
export const newToken = (): string => nanoid(32);

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
