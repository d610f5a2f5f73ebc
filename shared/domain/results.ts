import { kindModule } from '../kinds/index.js';
import { computeVoteResults, type VoteResults } from '../consensus/index.js';
import { answerCounts, countingParticipant, voteInput, type ActivityResults, type ChannelResults, type VoteActivity, type VoteOf } from './resultsBase.js';
import type { AnswerChannel } from './onlineModel.js';
import { getOwn } from './own.js';
import type { Activity, StoredAnswer, WorkshopState } from './types.js';

/**
 * The results of one activity, computed from the state with the consensus math. The board,
 * the console, the phones and the export all show these numbers, so they are computed here only.
 */
export * from './resultsBase.js';

/**
 * One vote activity's results from its counted answers. Here, not in resultsBase.ts with the
 * helpers the phone reads (openAnswerId…): the bundler places a module in one chunk as a whole,
 * so a helper module that called the vote math would bring it into the phone's first load.
 */
export function voteResults(state: WorkshopState, activity: VoteActivity): VoteResults {
  return computeVoteResults(voteInput(state, activity));
}

/**
 * Results of an activity, from its kind's module (KindModule.results), with `channels`
 * (channelResults); null for explore (no results) or an unknown id.
 */
export function activityResults(state: WorkshopState, activityId: string, voteOf: VoteOf = voteResults): ActivityResults | null {
  const index = state.activities.findIndex((a) => a.id === activityId);
  const activity = state.activities[index];
  if (!activity) return null;
  const results = kindModule(activity.kind).results(state, activity, { index, voteOf });
  return results ? { ...results, channels: channelResults(state, activity, index, voteOf) } : null;
}

/** The channel an answer came in by; an answer stored before channels existed came in the room. */
export function channelOf(stored: Pick<StoredAnswer, 'channel'>): AnswerChannel {
  return stored.channel ?? 'room';
}

/**
 * Room and online apart: the kind's results over only the room's counted answers and over only
 * the online ones (the activity's own answers are filtered; what else the results read — an
 * options step's weighting vote, a vote's previous round — stays as it is). null while no
 * counted answer came in online, so a live evening computes nothing extra.
 */
export function channelResults(state: WorkshopState, activity: Activity, index: number, voteOf: VoteOf = voteResults): { room: ChannelResults; online: ChannelResults } | null {
  // One channel check per answer, no copies: during the evening no answer is online and this is all it costs.
  const own = getOwn(state.answers, activity.id) ?? {};
  if (!Object.entries(own).some(([participantId, stored]) => channelOf(stored) === 'online' && countingParticipant(state, participantId) !== undefined)) return null;
  const one = (channel: AnswerChannel): ChannelResults => {
    const answers = Object.fromEntries(Object.entries(own).filter(([, stored]) => channelOf(stored) === channel));
    const filtered: WorkshopState = { ...state, answers: { ...state.answers, [activity.id]: answers } };
    // This activity's votes over the filtered answers; any other vote (a previous round) as the caller computes it.
    const channelVoteOf: VoteOf = (s, a) => (a.id === activity.id ? voteResults(s, a) : voteOf(state, a));
    const r = kindModule(activity.kind).results(filtered, activity, { index, voteOf: channelVoteOf });
    const counts = answerCounts(filtered, activity.id);
    return { answers: counts.total, answersByGroup: counts.byGroup, vote: r?.vote ?? null, scan: r?.scan ?? null, options: r?.options ?? null };
  };
  return { room: one('room'), online: one('online') };
}
