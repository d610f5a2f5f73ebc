import { nanoid } from 'nanoid';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { validateAnswer, type Answer, type PublicActivity } from '../../../../shared/index.js';
import type { OptionsAnswer } from '../../../../shared/kinds/options/model.js';
import { keys, readJson, writeJson, writeString } from '../../lib/storage.js';
import { discard, enqueue } from '../../net/outbox.js';
import type { ClientErrorCode } from '../../net/send.js';
import type { PendingCommand } from '../../store/outboxSlice.js';
import { useStore } from '../../store/index.js';
import { answerFromDraft, asOptions, draftFromAnswer, EMPTY_DRAFT, isOptionsDraft, sameAnswer, type OptionsDraft } from './optionsDraft.js';

type PendingAnswerCommand = Extract<PendingCommand, { name: 'answer:submit' }>;

/** What this phone keeps per activity in localStorage: the draft being edited (null = the server's answer, unchanged). */
interface DraftRecord {
  draft: OptionsDraft | null;
}

const EMPTY: DraftRecord = { draft: null };

function isRecord(v: unknown): v is DraftRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.draft === null || isOptionsDraft(r.draft);
}

export type OptionsAnswerState =
  /** Nothing sent yet (or the last send was refused: see `error`). */
  | 'draft'
  | 'sending'
  /** Kept on the phone; sent when the connection is back. */
  | 'queued'
  /** The server has exactly what is on screen. */
  | 'in'
  /** The server has an earlier answer; the one on screen is not sent yet. */
  | 'changed';

export interface OptionsAnswerApi {
  draft: OptionsDraft;
  setDraft: (next: OptionsDraft) => void;
  /** The answer that counts now (the server's, or one it just acknowledged). */
  current: OptionsAnswer | null;
  state: OptionsAnswerState;
  error: ClientErrorCode | null;
  /** The draft passes validateAnswer (the server's own rule). */
  valid: boolean;
  /** Open, valid, and different from what the server has or is being sent. */
  canSubmit: boolean;
  submit: () => void;
}

/** The storage key of an options draft: one per workshop and activity. */
export const optionsDraftKey = (code: string, activityId: string) => keys.draft(code, `options.${activityId}`);

/**
 * The participant's answer to one "weigh the options" step: the draft on screen is kept in
 * localStorage, so it survives a reload or a phone that sleeps offline. Submitting hands the
 * answer to the outbox with a fresh answerId, which retries that same id until the server
 * acknowledges (a retry is counted once). The answer that counts comes from the self view.
 */
export function useOptionsAnswer(activity: PublicActivity, optionIds: readonly string[], valueIds: readonly string[]): OptionsAnswerApi {
  const code = useStore((s) => s.code) ?? '';
  const stored = useStore((s) => s.self?.answers[activity.id] ?? null);
  // The newest answer to this activity in the outbox (sending, queued, acknowledged or refused).
  const entry = useStore((s) => s.outbox.findLast((c): c is PendingAnswerCommand => c.name === 'answer:submit' && c.payload.activityId === activity.id) ?? null);
  const open = activity.status === 'open';
  const key = optionsDraftKey(code, activity.id);

  const [record, setRecord] = useState<DraftRecord>(() => readJson(key, EMPTY, isRecord));
  const recordRef = useRef(record);
  const [refused, setRefused] = useState<ClientErrorCode | null>(null);
  // The ack comes a broadcast window before the self view that shows it: until then, this is what counts.
  const [acked, setAcked] = useState<{ answerId: string; answer: OptionsAnswer } | null>(null);

  const persist = useCallback(
    (next: DraftRecord) => {
      recordRef.current = next;
      setRecord(next);
      if (next.draft === null) writeString(key, null);
      else writeJson(key, next);
    },
    [key],
  );

  const storedAnswer = asOptions(stored?.answer);
  const current = acked && stored?.answerId !== acked.answerId ? acked.answer : storedAnswer;
  const draft = useMemo(() => record.draft ?? (current ? draftFromAnswer(current) : EMPTY_DRAFT), [record.draft, current]);
  const answer = useMemo(() => answerFromDraft(draft, optionIds, valueIds), [draft, optionIds, valueIds]);
  const pending = entry && (entry.status === 'queued' || entry.status === 'sending') ? asOptions(entry.payload.answer as Answer) : null;

  // What the outbox reports back: acknowledged → this is the answer now; refused → the draft stays, with the reason.
  useEffect(() => {
    if (!entry) return;
    const sent = asOptions(entry.payload.answer as Answer);
    if (!sent) return;
    if (entry.status === 'delivered') {
      setRefused(null);
      setAcked({ answerId: entry.payload.answerId, answer: sent });
      const now = recordRef.current.draft;
      if (now && sameAnswer(answerFromDraft(now, optionIds, valueIds), sent)) persist({ draft: null });
    } else if (entry.status === 'failed') {
      setRefused(entry.error ?? 'INTERNAL');
      persist({ draft: recordRef.current.draft ?? draftFromAnswer(sent) });
      discard(entry.id);
    }
  }, [entry, persist, optionIds, valueIds]);

  // Once the self view shows the acknowledged answer it is the server's answer again.
  useEffect(() => {
    if (acked && stored?.answerId === acked.answerId) setAcked(null);
  }, [acked, stored?.answerId]);

  const setDraft = useCallback(
    (next: OptionsDraft) => {
      setRefused(null);
      // Typed text is kept as typed; the draft is dropped only when it is exactly the answer that counts.
      const same = current !== null && sameAnswer(answerFromDraft(next, optionIds, valueIds), current) && JSON.stringify(next) === JSON.stringify(draftFromAnswer(current));
      persist({ draft: same ? null : next });
    },
    [current, persist, optionIds, valueIds],
  );

  const valid = validateAnswer(activity, valueIds, answer).ok;
  const differs = !current || !sameAnswer(answer, current);
  const sending = entry?.status === 'sending';
  const canSubmit = open && valid && differs && !sending && !(pending && sameAnswer(pending, answer));

  const submit = useCallback(() => {
    const checked = validateAnswer(activity, valueIds, answer);
    if (!checked.ok || !open) return;
    // The same answer again keeps its id: if the first send did arrive, the server counts it once.
    if (pending && sameAnswer(pending, answer)) return;
    setRefused(null);
    enqueue('answer:submit', { activityId: activity.id, answerId: nanoid(), answer });
  }, [activity, valueIds, answer, open, pending]);

  let state: OptionsAnswerState;
  if (sending) state = 'sending';
  else if (pending) state = 'queued';
  else if (current && !differs) state = 'in';
  else if (current) state = 'changed';
  else state = 'draft';

  const error = refused ?? (pending ? (entry?.error ?? null) : null);
  return { draft, setDraft, current, state, error, valid, canSubmit, submit };
}
