import { useState } from 'react';
import type { OpenAnswer } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';

const NO_IDS: string[] = [];

/**
 * Supporting an open answer on the phone (the scan's, or a "why" sentence of the options), once
 * per participant: which ones this phone already endorsed (the self view), and per answer whether
 * its endorsement is on its way or failed. An answer endorsed before (CONFLICT) counts as done.
 */
export function useEndorseOpenAnswer(): { endorsed: readonly string[]; stateOf: (id: string) => 'sending' | 'failed' | undefined; endorse: (a: OpenAnswer) => Promise<void> } {
  const endorsed = useStore((s) => s.self?.endorsedOpenAnswerIds ?? NO_IDS);
  const [sending, setSending] = useState<Record<string, 'sending' | 'failed'>>({});
  const endorse = async (a: OpenAnswer) => {
    setSending((s) => ({ ...s, [a.id]: 'sending' }));
    const r = await send('open-answer:endorse', { openAnswerId: a.id });
    setSending(({ [a.id]: _done, ...rest }) => (r.ok || r.error.code === 'CONFLICT' ? rest : { ...rest, [a.id]: 'failed' }));
  };
  return { endorsed, stateOf: (id) => (Object.hasOwn(sending, id) ? sending[id] : undefined), endorse };
}
