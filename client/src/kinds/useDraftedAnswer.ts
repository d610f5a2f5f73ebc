import { nanoid } from 'nanoid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { validateAnswer, type Answer, type PublicActivity } from '../../../shared/index.js';
import { readJson, writeJson, writeString } from '../lib/storage.js';
import { discard, enqueue } from '../net/outbox.js';
import type { ClientErrorCode } from '../net/send.js';
import type { PendingCommand } from '../store/outboxSlice.js';
import { useStore } from '../store/index.js';

type PendingAnswerCommand = Extract<PendingCommand, { name: 'answer:submit' }>;

export type AnswerState =
  /** Nothing sent yet (or the last send was refused: see `error`). */
  | 'draft'
  | 'sending'
  /** Kept on the phone; sent when the connection is back. */
  | 'queued'
  /** The server has exactly what is on screen. */
  | 'in'
  /** The server has an earlier answer; the one on screen is not sent yet. */
  | 'changed';

export interface DraftedAnswerApi<D, A> {
  draft: D;
  setDraft: (next: D) => void;
  /** The answer that counts now (the server's, or one it just acknowledged). */
  current: A | null;
  state: AnswerState;
  error: ClientErrorCode | null;
  /** The draft passes validateAnswer (the server's own rule). */
  valid: boolean;
  /** Open, valid, and different from what the server has or is being sent. */
  canSubmit: boolean;
  submit: () => void;
}

/** How one kind's phone edits its answer: the draft on screen (which may hold more than the answer, such as text being typed) and the answer it sends. */
export interface DraftSpec<D, A extends Answer> {
  /** localStorage key, one per workshop and activity. */
  key: string;
  isDraft: (v: unknown) => v is D;
  /** This kind's answer, or null for anything else (another kind's, or none). */
  asAnswer: (answer: Answer | undefined) => A | null;
  toDraft: (answer: A) => D;
  fromDraft: (draft: D) => A;
  empty: D;
  same: (a: A, b: A) => boolean;
  /** Besides giving the same answer, is this draft the one `toDraft(current)` makes? (Default: yes; a kind with free text keeps the text as typed.) */
  sameDraft?: (a: D, b: D) => boolean;
  valueIds: readonly string[];
}

/** What this phone keeps per activity in localStorage: the draft being edited (null = the server's answer, unchanged). */
interface DraftRecord<D> {
  draft: D | null;
}

/**
 * A participant's answer to one step, for every kind that answers through a draft (the votes, the
 * options): the draft on screen is kept in localStorage, so it survives a reload or a phone that
 * sleeps offline. Submitting hands the answer to the outbox with a fresh answerId, which retries
 * that same id until the server acknowledges (a retry is counted once). After a reload a queued
 * answer comes back from the outbox, the answer that counts from the self view.
 */
export function useDraftedAnswer<D, A extends Answer>(activity: PublicActivity, spec: DraftSpec<D, A>): DraftedAnswerApi<D, A> {
  const { key, isDraft, asAnswer, toDraft, fromDraft, empty, valueIds } = spec;
  // The effects and callbacks read the kind's functions from here, so a caller may pass new
  // function objects on every render without re-running them.
  const specRef = useRef(spec);
  specRef.current = spec;
  const stored = useStore((s) => s.self?.answers[activity.id] ?? null);
  // The newest answer to this activity in the outbox (sending, queued, acknowledged or refused).
  const entry = useStore((s) => s.outbox.findLast((c): c is PendingAnswerCommand => c.name === 'answer:submit' && c.payload.activityId === activity.id) ?? null);
  const open = activity.status === 'open';

  const isRecord = (v: unknown): v is DraftRecord<D> => {
    if (typeof v !== 'object' || v === null) return false;
    const r = v as Record<string, unknown>;
    return r.draft === null || isDraft(r.draft);
  };
  // A record from an older version may also hold a `pending` answer: its draft is still read.
  const [record, setRecord] = useState<DraftRecord<D>>(() => ({ draft: readJson<DraftRecord<D>>(key, { draft: null }, isRecord).draft }));
  const recordRef = useRef(record);
  const [refused, setRefused] = useState<ClientErrorCode | null>(null);
  // The ack comes a broadcast window before the self view that shows it: until then, this is what counts.
  const [acked, setAcked] = useState<{ answerId: string; answer: A } | null>(null);

  const persist = useCallback(
    (next: DraftRecord<D>) => {
      recordRef.current = next;
      setRecord(next);
      if (next.draft === null) writeString(key, null);
      else writeJson(key, next);
    },
    [key],
  );

  const storedAnswer = asAnswer(stored?.answer);
  const current = acked && stored?.answerId !== acked.answerId ? acked.answer : storedAnswer;
  const draft = record.draft ?? (current ? toDraft(current) : empty);
  const answer = fromDraft(draft);
  const pending = entry && (entry.status === 'queued' || entry.status === 'sending') ? asAnswer(entry.payload.answer as Answer) : null;

  // What the outbox reports back: acknowledged → this is the answer now; refused → the draft stays, with the reason.
  useEffect(() => {
    if (!entry) return;
    const kind = specRef.current;
    const sent = kind.asAnswer(entry.payload.answer as Answer);
    if (!sent) return;
    if (entry.status === 'delivered') {
      setRefused(null);
      setAcked({ answerId: entry.payload.answerId, answer: sent });
      const now = recordRef.current.draft;
      if (now !== null && kind.same(kind.fromDraft(now), sent)) persist({ draft: null });
    } else if (entry.status === 'failed') {
      setRefused(entry.error ?? 'INTERNAL');
      persist({ draft: recordRef.current.draft ?? kind.toDraft(sent) });
      discard(entry.id);
    }
  }, [entry, persist]);

  // Once the self view shows the acknowledged answer it is the server's answer again.
  useEffect(() => {
    if (acked && stored?.answerId === acked.answerId) setAcked(null);
  }, [acked, stored?.answerId]);

  const setDraft = useCallback(
    (next: D) => {
      setRefused(null);
      const kind = specRef.current;
      const unchanged = current !== null && kind.same(kind.fromDraft(next), current) && (kind.sameDraft?.(next, kind.toDraft(current)) ?? true);
      persist({ draft: unchanged ? null : next });
    },
    [current, persist],
  );

  const valid = validateAnswer(activity, valueIds, answer).ok;
  const differs = !current || !spec.same(answer, current);
  const sending = entry?.status === 'sending';
  const canSubmit = open && valid && differs && !sending && !(pending && spec.same(pending, answer));

  const submit = useCallback(() => {
    const checked = validateAnswer(activity, valueIds, answer);
    if (!checked.ok || !open) return;
    // The same answer again keeps its id: if the first send did arrive, the server counts it once.
    if (pending && specRef.current.same(pending, checked.value as A)) return;
    setRefused(null);
    enqueue('answer:submit', { activityId: activity.id, answerId: nanoid(), answer: checked.value });
  }, [activity, valueIds, answer, open, pending]);

  let state: AnswerState;
  if (sending) state = 'sending';
  else if (pending) state = 'queued';
  else if (current && !differs) state = 'in';
  else if (current) state = 'changed';
  else state = 'draft';

  const error = refused ?? (pending ? (entry?.error ?? null) : null);
  return { draft, setDraft, current, state, error, valid, canSubmit, submit };
}
