import { describe, expect, it } from 'vitest';
import { ERROR_CODES, CONNECT_ERRORS, ACTIVITY_KINDS } from '../../../shared/index.js';
import { en } from './en.js';
import { nl } from './nl.js';
import { processNl } from './process.nl.js';
import { processEn } from './process.en.js';
import { recordNl } from './record.nl.js';
import { recordEn } from './record.en.js';
import { feedbackEditNl } from './feedbackEdit.nl.js';
import { feedbackEditEn } from './feedbackEdit.en.js';
import { onlineHostNl } from './onlineHost.nl.js';
import { onlineHostEn } from './onlineHost.en.js';
import { i18n } from './index.js';
import { registerStrings } from './lazy.js';

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

/** The namespaces pages register when they load (lazy.ts): the same checks as the eager ones. */
const LAZY = { process: [processNl, processEn], record: [recordNl, recordEn], feedbackEdit: [feedbackEditNl, feedbackEditEn], onlineHost: [onlineHostNl, onlineHostEn] } as const;

describe('i18n resources', () => {
  const nlKeys = leaves({ ...nl, ...Object.fromEntries(Object.entries(LAZY).map(([k, [n]]) => [k, n])) } as Tree);
  const enKeys = leaves({ ...en, ...Object.fromEntries(Object.entries(LAZY).map(([k, [, e]]) => [k, e])) } as Tree);

  it('a lazily registered namespace translates in both languages, and is not in the first load', () => {
    expect(i18n.getResource('nl', 'translation', 'record')).toBeUndefined();
    registerStrings('record', { nl: recordNl, en: recordEn });
    expect(i18n.getFixedT('nl')('record.title')).toBe(recordNl.title);
    expect(i18n.getFixedT('en')('record.title')).toBe(recordEn.title);
  });

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
