/**
 * The activity `options` against the workshop's state: which values and which weighting vote it
 * takes when it opens, and its results (the math is in math.ts).
 */
import { getOwn } from '../../domain/own.js';
import { byEndorsements, countedAnswers, endorsementCount, lateAnswers, voteInput, voteResults, type ActivityResults, type OpenAnswer, type VoteActivity } from '../../domain/results.js';
import { activityValueIds, resolveValueId, visibleValueIds } from '../../domain/rules.js';
import type { Activity, ActivityConfig, StoredAnswer, WorkshopState } from '../../domain/types.js';
import { whyOpenAnswerId } from './labels.js';
import { collectBallots, type BallotBox } from '../../consensus/ballots.js';
import { computeOptionsResults, weightsFromBallots } from './math.js';
import { OPTIONS_LIMITS, type OptionWeights, type OptionsAnswer } from './model.js';
import { isVoteActivity } from '../voteRules.js';

function agendaIndex(state: Pick<WorkshopState, 'activities'>, activityId: string): number {
  return state.activities.findIndex((a) => a.id === activityId);
}

/**
 * The latest dots, rank or points vote before this activity in the agenda that the facilitator
 * has revealed and that has at least one counted answer; null when there is none. Its top values
 * and its shares are what an options activity takes by default (configAtOpen).
 */
export function latestRevealedVote(state: WorkshopState, activity: Pick<Activity, 'id'>): VoteActivity | null {
  const index = agendaIndex(state, activity.id);
  for (let i = index - 1; i >= 0; i--) {
    const a = state.activities[i];
    if (a && isVoteActivity(a) && a.revealed && countedAnswers(state, a.id).length > 0) return a;
  }
  return null;
}

/**
 * The values an options activity takes when the facilitator picked none: the top
 * OPTIONS_LIMITS.defaultValues (6) of the latest revealed vote (by position, ties in the vote's
 * order; a value merged since counts as the card it lives on now; hidden or merged-away values
 * are skipped), else the first 6 visible values in display order.
 */
export function defaultOptionValueIds(state: WorkshopState, activity: Pick<Activity, 'id'>): string[] {
  const n = OPTIONS_LIMITS.defaultValues;
  const visible = visibleValueIds(state);
  const vote = latestRevealedVote(state, activity);
  if (!vote) return visible.slice(0, n);
  const shown = new Set(visible);
  const picked: string[] = [];
  for (const v of voteResults(state, vote).values) {
    const id = resolveValueId(state, v.valueId);
    if (shown.has(id) && !picked.includes(id)) picked.push(id);
    if (picked.length === n) break;
  }
  return picked;
}

/**
 * What the config freezes when an options activity opens:
 * - `valueIds` null → defaultOptionValueIds (the top 6 of the latest revealed vote, else the first 6 visible values);
 * - `weights.voteActivityId` null with mode 'room' or 'group' → the latest revealed vote; with no
 *   such vote the mode becomes 'equal'.
 * The facilitator's own choices are kept as they are. {} when there is nothing to fill in.
 */
export function optionsConfigAtOpen(state: WorkshopState, activity: Activity): Partial<ActivityConfig> {
  const out: Partial<ActivityConfig> = {};
  if (activity.config.valueIds === null) out.valueIds = defaultOptionValueIds(state, activity);
  const { weights } = activity.config;
  if (weights.voteActivityId === null && weights.mode !== 'equal') {
    const vote = latestRevealedVote(state, activity);
    out.weights = vote ? { mode: weights.mode, voteActivityId: vote.id } : { mode: 'equal', voteActivityId: null };
  }
  return out;
}

/**
 * The vote the weights come from: `weights.voteActivityId` when that is still a dots, rank or
 * points vote before this activity (the agenda can change after it was picked), else null —
 * and always null with mode 'equal'.
 */
export function weightingVote(state: WorkshopState, activity: Activity): VoteActivity | null {
  const { mode, voteActivityId } = activity.config.weights;
  if (mode === 'equal' || voteActivityId === null) return null;
  const index = agendaIndex(state, voteActivityId);
  const vote = state.activities[index];
  if (!vote || !isVoteActivity(vote) || index >= agendaIndex(state, activity.id)) return null;
  return vote;
}

/** The weights as they are applied, given the usable weighting vote (weightingVote): its mode and id, or equal ones (mode 'equal', no vote) without one. */
export function effectiveWeights(activity: Activity, vote: VoteActivity | null): OptionWeights {
  return vote ? { mode: activity.config.weights.mode, voteActivityId: vote.id } : { mode: 'equal', voteActivityId: null };
}

/**
 * The values' weights from the weighting vote: its ballots (collectBallots, as its own results
 * read them) with merges followed — the score a participant gave a value that was merged since
 * into a value that takes part counts for that value (S_Y + S_X for X merged into Y), as the
 * options' values are the cards the values live on now — then weightsFromBallots.
 */
function weightsFromVote(state: WorkshopState, vote: VoteActivity, valueIds: readonly string[]): ReturnType<typeof weightsFromBallots> {
  const box = collectBallots(voteInput(state, vote));
  const columns = valueIds.map((v) => box.valueIds.flatMap((id, i) => (resolveValueId(state, id) === v ? [i] : [])));
  const folded: BallotBox = {
    ...box,
    valueIds: [...valueIds],
    ballots: box.ballots.map((b) => ({
      ...b,
      scores: columns.map((cols) => cols.reduce((sum, i) => sum + (b.scores[i] ?? 0), 0)),
      supports: columns.map((cols) => cols.some((i) => b.supports[i] === true)),
    })),
  };
  return weightsFromBallots(folded, valueIds, state.settings.minGroupSize);
}

function isOptionsAnswer(answer: StoredAnswer['answer']): answer is OptionsAnswer {
  return answer.kind === 'options';
}

/**
 * The results of an options activity: the counted answers (the latest of each participant still
 * in the room), the values that take part (activityValueIds), the weights from the weighting
 * vote's counted answers (weightsFromVote; equal when there is no usable vote), computeOptionsResults,
 * and the "why" sentences as open answers, most endorsed first (then oldest first).
 */
export function optionsResults(state: WorkshopState, activity: Activity): ActivityResults {
  const answers = countedAnswers(state, activity.id);
  const valueIds = activityValueIds(state, activity);
  const vote = weightingVote(state, activity);
  const weights = effectiveWeights(activity, vote);
  const fromVote = vote ? weightsFromVote(state, vote, valueIds) : null;
  const options = computeOptionsResults({
    optionIds: activity.config.options.map((o) => o.id),
    valueIds,
    groupIds: state.groups.map((g) => g.id),
    responses: answers.flatMap(({ participantId, groupId, stored }) => (isOptionsAnswer(stored.answer) ? [{ participantId, groupId, ratings: stored.answer.ratings }] : [])),
    minGroupSize: state.settings.minGroupSize,
    weights: { mode: weights.mode, voteActivityId: weights.voteActivityId, room: fromVote?.room ?? null, byGroup: fromVote?.byGroup ?? {} },
  });
  const optionOrder = activity.config.options.map((o) => o.id);
  const openAnswers = answers
    .flatMap(({ participantId, stored }): OpenAnswer[] => {
      const a = stored.answer;
      if (!isOptionsAnswer(a)) return [];
      return optionOrder.flatMap((optionId) => {
        const text = getOwn(a.why, optionId);
        if (!text) return [];
        const id = whyOpenAnswerId(activity.id, participantId, stored.answerId, optionId);
        return [{ id, field: 'why', optionId, text, endorsements: endorsementCount(state, id), at: stored.at }];
      });
    })
    .sort(byEndorsements);
  return { activityId: activity.id, kind: 'options', vote: null, previousRound: null, scan: null, options, openAnswers, answers: lateAnswers(state, activity) };
}

/** The activities the results read besides the options activity's own answers: the weighting vote. */
export function optionsResultsInputs(state: WorkshopState, activity: Activity): { activityIds: string[]; endorsements: boolean } {
  const vote = weightingVote(state, activity);
  return { activityIds: vote ? [vote.id] : [], endorsements: true };
}
