import { describe, expect, it } from 'vitest';
import { ERROR_CODES, CONNECT_ERRORS, ACTIVITY_KINDS } from '../../../shared/index.js';
import { en } from './en.js';
import { nl } from './nl.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const nlKeys = leaves(nl);
  const enKeys = leaves(en);

  it('Dutch and English have exactly the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  it('no string is empty, and both languages use the same placeholders', () => {
    for (const [key, text] of nlKeys) {
      const other = enKeys.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('has a message for every error code, connect error and activity kind', () => {
    for (const code of ERROR_CODES) expect(nlKeys.has(`errors.${code}`), code).toBe(true);
    for (const code of Object.values(CONNECT_ERRORS)) expect(nlKeys.has(`connectErrors.${code}`), code).toBe(true);
    for (const kind of ACTIVITY_KINDS) {
      expect(nlKeys.has(`kinds.${kind}.name`), kind).toBe(true);
      expect(nlKeys.has(`kinds.${kind}.question`), kind).toBe(true);
    }
  });
});
