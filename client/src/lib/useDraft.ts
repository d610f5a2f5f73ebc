import { useCallback, useState } from 'react';
import { keys, readString, writeString } from './storage.js';

/**
 * A text field's content, kept in localStorage while typing: an old phone that drops the tab
 * in the background still has the half-written story when it comes back.
 */
export function useDraft(code: string, field: string): [string, (v: string) => void, () => void] {
  const key = keys.draft(code, field);
  const [value, setValue] = useState(() => readString(key) ?? '');
  const set = useCallback(
    (v: string) => {
      setValue(v);
      writeString(key, v === '' ? null : v);
    },
    [key],
  );
  const clear = useCallback(() => set(''), [set]);
  return [value, set, clear];
}
