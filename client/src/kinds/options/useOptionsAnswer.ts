import type { PublicActivity } from '../../../../shared/index.js';
import type { OptionsAnswer } from '../../../../shared/kinds/options/model.js';
import { keys } from '../../lib/storage.js';
import { useStore } from '../../store/index.js';
import { useDraftedAnswer, type AnswerState, type DraftedAnswerApi } from '../useDraftedAnswer.js';
import { answerFromDraft, asOptions, draftFromAnswer, EMPTY_DRAFT, isOptionsDraft, sameAnswer, type OptionsDraft } from './optionsDraft.js';

export type OptionsAnswerState = AnswerState;

/** The draft holds the "why" texts as typed; the answer sent is its canonical form (answerFromDraft). */
export type OptionsAnswerApi = DraftedAnswerApi<OptionsDraft, OptionsAnswer>;

/** The storage key of an options draft: one per workshop and activity. */
export const optionsDraftKey = (code: string, activityId: string) => keys.draft(code, `options.${activityId}`);

/**
 * The participant's answer to one "weigh the options" step, through the write path every drafted
 * answer takes (useDraftedAnswer): the draft kept in localStorage, a fresh answerId per change
 * that the outbox retries until the server acknowledges, the answer that counts from the self view.
 */
export function useOptionsAnswer(activity: PublicActivity, optionIds: readonly string[], valueIds: readonly string[]): OptionsAnswerApi {
  const code = useStore((s) => s.code) ?? '';
  return useDraftedAnswer(activity, {
    key: optionsDraftKey(code, activity.id),
    isDraft: isOptionsDraft,
    asAnswer: asOptions,
    toDraft: draftFromAnswer,
    fromDraft: (draft) => answerFromDraft(draft, optionIds, valueIds),
    empty: EMPTY_DRAFT,
    same: (a, b) => sameAnswer(a, b),
    // Typed text is kept as typed; the draft is dropped only when it is exactly the answer that counts.
    sameDraft: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    valueIds,
  });
}
