import type { VoteAnswer } from '../../../../../shared/consensus/index.js';
import { keys } from '../../../lib/storage.js';
import { useStore } from '../../../store/index.js';
import { useDraftedAnswer, type AnswerState as DraftedAnswerState, type DraftedAnswerApi } from '../../../kinds/useDraftedAnswer.js';
import type { VoteActivity } from '../../board/results/voteText.js';
import { asVote, emptyAnswer, isVoteAnswer, sameAnswer } from './voteAnswer.js';

/** An answer on its way: its id stays the same on every retry, so the server counts it once. */
export interface PendingAnswer {
  answerId: string;
  answer: VoteAnswer;
}

export type AnswerState = DraftedAnswerState;

/** A vote's draft is its answer: the dots, the order or the points on screen. */
export type VoteAnswerApi = DraftedAnswerApi<VoteAnswer, VoteAnswer>;

const identity = (a: VoteAnswer): VoteAnswer => a;

/**
 * The participant's answer to one vote: the draft on screen, kept in localStorage; submitting it
 * hands it to the outbox with a fresh answerId, which retries that same id until the server
 * acknowledges (a retry is answered `duplicate: true` and counted once). After a reload the
 * queued answer comes back from the outbox, the answer that counts from the self view
 * (useDraftedAnswer, which the options step shares).
 */
export function useVoteAnswer(activity: VoteActivity, valueIds: readonly string[]): VoteAnswerApi {
  const code = useStore((s) => s.code) ?? '';
  return useDraftedAnswer(activity, {
    key: keys.draft(code, `vote.${activity.id}`),
    isDraft: isVoteAnswer,
    asAnswer: (answer) => asVote(answer, activity.kind),
    toDraft: identity,
    fromDraft: identity,
    empty: emptyAnswer(activity.kind),
    same: sameAnswer,
    valueIds,
  });
}
