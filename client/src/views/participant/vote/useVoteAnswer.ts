import { nanoid } from 'nanoid';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { validateAnswer } from '../../../../../shared/index.js';
import type { VoteAnswer } from '../../../../../shared/consensus/index.js';
import { keys, readJson, writeJson, writeString } from '../../../lib/storage.js';
import { discard, enqueue } from '../../../net/outbox.js';
import type { ClientErrorCode } from '../../../net/send.js';
import type { PendingCommand } from '../../../store/outboxSlice.js';
import { useStore } from '../../../store/index.js';
import type { VoteActivity } from '../../board/results/voteText.js';
import { asVote, emptyAnswer, isVoteAnswer, sameAnswer } from './voteAnswer.js';

type PendingAnswerCommand = Extract<PendingCommand, { name: 'answer:submit' }>;

/** An answer on its way: its id stays the same on every retry, so the server counts it once. */
export interface PendingAnswer {
  answerId: string;
  answer: VoteAnswer;
}

/** What this phone keeps per activity in localStorage: the answer being edited (null = the server's answer, unchanged). */
interface DraftRecord {
  draft: VoteAnswer | null;
}

const EMPTY: DraftRecord = { draft: null };

// A record from an older version may also hold a `pending` answer: its draft is still read.
function isRecord(v: unknown): v is DraftRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.draft === null || isVoteAnswer(r.draft);
}

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

export interface VoteAnswerApi {
  draft: VoteAnswer;
  setDraft: (next: VoteAnswer) => void;
  /** The answer that counts now (the server's, or one it just acknowledged). */
  current: VoteAnswer | null;
  state: AnswerState;
  error: ClientErrorCode | null;
  /** validateAnswer says yes, and it differs from what the server has. */
  canSubmit: boolean;
  /** The draft passes validateAnswer (the server's own rule). */
  valid: boolean;
  submit: () => void;
}

/**
 * The participant's answer to one vote: the draft on screen, kept in localStorage; submitting it
 * hands it to the outbox with a fresh answerId, which retries that same id until the server
 * acknowledges (a retry is answered `duplicate: true` and counted once). After a reload the
 * queued answer comes back from the outbox, the answer that counts from the self view.
 */
export function useVoteAnswer(activity: VoteActivity, valueIds: readonly string[]): VoteAnswerApi {
  const code = useStore((s) => s.code) ?? '';
  const stored = useStore((s) => s.self?.answers[activity.id] ?? null);
  // The newest answer to this activity still in the outbox (sending, queued, acknowledged or refused).
  const entry = useStore((s) => s.outbox.findLast((c): c is PendingAnswerCommand => c.name === 'answer:submit' && c.payload.activityId === activity.id) ?? null);
  const open = activity.status === 'open';
  const key = keys.draft(code, `vote.${activity.id}`);

  const [record, setRecord] = useState<DraftRecord>(() => ({ draft: readJson(key, EMPTY, isRecord).draft }));
  const recordRef = useRef(record);
  const [refused, setRefused] = useState<ClientErrorCode | null>(null);
  // The ack comes a broadcast window before the self view that shows it: until then, this is what counts.
  const [acked, setAcked] = useState<PendingAnswer | null>(null);

  const persist = useCallback(
    (next: DraftRecord) => {
      recordRef.current = next;
      setRecord(next);
      if (next.draft === null) writeString(key, null);
      else writeJson(key, next);
    },
    [key],
  );

  const storedAnswer = asVote(stored?.answer, activity.kind);
  const current = acked && stored?.answerId !== acked.answerId ? acked.answer : storedAnswer;
  const draft = record.draft ?? current ?? emptyAnswer(activity.kind);
  const pending = useMemo(
    () => (entry && (entry.status === 'queued' || entry.status === 'sending') ? { answerId: entry.payload.answerId, answer: entry.payload.answer as VoteAnswer } : null),
    [entry],
  );

  // What the outbox reports back: acknowledged → this is the answer now; refused → back to the draft, with the reason.
  useEffect(() => {
    if (!entry) return;
    const answer = entry.payload.answer as VoteAnswer;
    if (entry.status === 'delivered') {
      setRefused(null);
      setAcked({ answerId: entry.payload.answerId, answer });
      const now = recordRef.current;
      if (now.draft && sameAnswer(now.draft, answer)) persist({ draft: null });
    } else if (entry.status === 'failed') {
      setRefused(entry.error ?? 'INTERNAL');
      persist({ draft: recordRef.current.draft ?? answer });
      discard(entry.id);
    }
  }, [entry, persist]);

  // Once the self view shows the acknowledged answer it is the server's answer again.
  useEffect(() => {
    if (acked && stored?.answerId === acked.answerId) setAcked(null);
  }, [acked, stored?.answerId]);

  const setDraft = useCallback(
    (next: VoteAnswer) => {
      setRefused(null);
      persist({ draft: current && sameAnswer(next, current) ? null : next });
    },
    [current, persist],
  );

  const valid = validateAnswer(activity, valueIds, draft);
  const differs = !current || !sameAnswer(draft, current);
  const sending = entry?.status === 'sending';
  const canSubmit = open && valid.ok && differs && !sending && !(pending && sameAnswer(pending.answer, draft));

  const submit = useCallback(() => {
    const checked = validateAnswer(activity, valueIds, draft);
    if (!checked.ok || !open) return;
    const answer = checked.value as VoteAnswer;
    // The same answer again keeps its id: if the first send did arrive, the server counts it once.
    if (pending && sameAnswer(pending.answer, answer)) return;
    setRefused(null);
    enqueue('answer:submit', { activityId: activity.id, answerId: nanoid(), answer });
  }, [activity, valueIds, draft, open, pending]);

  let state: AnswerState;
  if (sending) state = 'sending';
  else if (pending) state = 'queued';
  else if (current && !differs) state = 'in';
  else if (current) state = 'changed';
  else state = 'draft';

  const error = refused ?? (pending ? (entry?.error ?? null) : null);
  return { draft, setDraft, current, state, error, canSubmit, valid: valid.ok, submit };
}
