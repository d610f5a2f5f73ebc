import { nanoid } from 'nanoid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { validateAnswer } from '../../../../../shared/index.js';
import type { VoteAnswer } from '../../../../../shared/consensus/index.js';
import { keys, readJson, writeJson, writeString } from '../../../lib/storage.js';
import { send, type ClientErrorCode } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import type { VoteActivity } from '../../board/results/voteText.js';
import { asVote, emptyAnswer, isVoteAnswer, sameAnswer } from './voteAnswer.js';

/** While an answer waits for the server, try again this often (and at once on reconnect). */
export const ANSWER_RETRY_MS = 4000;
/** Errors after which the same send can succeed later; anything else is the server's final "no". */
const TRANSIENT: ReadonlySet<ClientErrorCode> = new Set(['OFFLINE', 'TIMEOUT', 'RATE_LIMITED', 'INTERNAL']);

/** An answer on its way: its id stays the same on every retry, so the server counts it once. */
export interface PendingAnswer {
  answerId: string;
  answer: VoteAnswer;
}

/**
 * What this phone keeps per activity in localStorage until the server has it: the answer being
 * edited (null = the server's answer, unchanged) and the one being sent.
 */
interface DraftRecord {
  draft: VoteAnswer | null;
  pending: PendingAnswer | null;
}

const EMPTY: DraftRecord = { draft: null, pending: null };

function isRecord(v: unknown): v is DraftRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const p = r.pending as Record<string, unknown> | null | undefined;
  return (
    (r.draft === null || isVoteAnswer(r.draft)) &&
    (p === null || (typeof p === 'object' && p !== undefined && typeof p.answerId === 'string' && isVoteAnswer(p.answer)))
  );
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
 * with a fresh answerId; retrying the same id until the server acknowledges (a retry is answered
 * `duplicate: true` and counted once). After a reload the answer comes back from the self view.
 */
export function useVoteAnswer(activity: VoteActivity, valueIds: readonly string[]): VoteAnswerApi {
  const code = useStore((s) => s.code) ?? '';
  const stored = useStore((s) => s.self?.answers[activity.id] ?? null);
  const online = useStore((s) => s.status === 'online');
  const selfSeq = useStore((s) => s.self?.seq ?? 0);
  const open = activity.status === 'open';
  const key = keys.draft(code, `vote.${activity.id}`);

  const [record, setRecord] = useState<DraftRecord>(() => readJson(key, EMPTY, isRecord));
  const recordRef = useRef(record);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  // The ack comes a broadcast window before the self view that shows it: until then, this is what counts.
  const [acked, setAcked] = useState<PendingAnswer | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const persist = useCallback(
    (next: DraftRecord) => {
      recordRef.current = next;
      setRecord(next);
      if (next.draft === null && next.pending === null) writeString(key, null);
      else writeJson(key, next);
    },
    [key],
  );

  const storedAnswer = asVote(stored?.answer, activity.kind);
  const current = acked && stored?.answerId !== acked.answerId ? acked.answer : storedAnswer;
  const draft = record.draft ?? current ?? emptyAnswer(activity.kind);

  const attempt = useCallback(
    async (p: PendingAnswer) => {
      if (sendingRef.current) return;
      sendingRef.current = true;
      setSending(true);
      const result = await send('answer:submit', { activityId: activity.id, answerId: p.answerId, answer: p.answer });
      sendingRef.current = false;
      if (!mounted.current) return;
      setSending(false);
      const now = recordRef.current;
      if (now.pending?.answerId !== p.answerId) return; // replaced meanwhile; that one is sent next
      if (result.ok) {
        setError(null);
        setAcked(p);
        persist({ draft: now.draft && !sameAnswer(now.draft, p.answer) ? now.draft : null, pending: null });
      } else if (TRANSIENT.has(result.error.code)) {
        setError(result.error.code);
      } else {
        setError(result.error.code);
        persist({ draft: now.draft ?? p.answer, pending: null });
      }
    },
    [activity.id, persist],
  );

  // Send what is pending whenever the phone is online and the step open: at once after submit,
  // after every reconnect (a fresh self view), and every few seconds while it keeps failing.
  const pendingId = record.pending?.answerId ?? null;
  useEffect(() => {
    const p = recordRef.current.pending;
    if (!p || !online || !open) return;
    if (stored?.answerId === p.answerId) {
      // An earlier send arrived but its ack was lost: the server has it, nothing to resend.
      const now = recordRef.current;
      persist({ draft: now.draft && !sameAnswer(now.draft, p.answer) ? now.draft : null, pending: null });
      return;
    }
    void attempt(p);
    const timer = setInterval(() => {
      const again = recordRef.current.pending;
      if (again) void attempt(again);
    }, ANSWER_RETRY_MS);
    return () => clearInterval(timer);
  }, [pendingId, online, open, selfSeq, stored?.answerId, attempt, persist]);

  // Once the self view shows the acknowledged answer it is the server's answer again.
  useEffect(() => {
    if (acked && stored?.answerId === acked.answerId) setAcked(null);
  }, [acked, stored?.answerId]);

  const setDraft = useCallback(
    (next: VoteAnswer) => {
      setError(null);
      const now = recordRef.current;
      persist({ draft: current && sameAnswer(next, current) ? null : next, pending: now.pending });
    },
    [current, persist],
  );

  const valid = validateAnswer(activity, valueIds, draft);
  const differs = !current || !sameAnswer(draft, current);
  const canSubmit = open && valid.ok && differs && !sending && !(record.pending && sameAnswer(record.pending.answer, draft));

  const submit = useCallback(() => {
    const checked = validateAnswer(activity, valueIds, draft);
    if (!checked.ok || !open) return;
    const answer = checked.value as VoteAnswer;
    const now = recordRef.current;
    // The same answer again keeps its id: if the first send did arrive, the server counts it once.
    const pending = now.pending && sameAnswer(now.pending.answer, answer) ? now.pending : { answerId: nanoid(), answer };
    setError(null);
    persist({ draft: now.draft, pending });
  }, [activity, valueIds, draft, open, persist]);

  let state: AnswerState;
  if (sending) state = 'sending';
  else if (record.pending) state = 'queued';
  else if (current && !differs) state = 'in';
  else if (current) state = 'changed';
  else state = 'draft';

  return { draft, setDraft, current, state, error, canSubmit, valid: valid.ok, submit };
}
