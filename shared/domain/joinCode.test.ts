import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, isJoinCode, normaliseJoinCode } from './joinCode.js';

describe('join codes', () => {
  it('use no look-alike characters', () => {
    for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
  it('accept what people type', () => {
    expect(normaliseJoinCode(' abc-def ')).toBe('ABCDEF');
    expect(isJoinCode('ABCDEF')).toBe(true);
    expect(isJoinCode('ABCDE0')).toBe(false);
    expect(isJoinCode('ABCDEFG')).toBe(false);
  });
});
