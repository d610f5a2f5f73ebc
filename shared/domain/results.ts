import { compareRounds, computeScanResults, computeVoteResults } from '../consensus/index.js';
import type { RoundComparison, ScanResults, VoteAnswer, VoteResults } from '../consensus/index.js';
import type { Answer } from './answers.js';
import { activityValueIds } from './rules.js';
import type { Activity, StoredAnswer, WorkshopState } from './types.js';

/**
 * The results of one activity, computed from the state with the consensus math. The board,
 * the console, the phones and the export all show these numbers, so they are computed here only.
 */
export interface OpenAnswer {
  /** `<answerId>:wentWell` or `<answerId>:couldBeBetter`: what `open-answer:endorse` takes. */
  id: string;
  field: 'wentWell' | 'couldBeBetter';
  text: string;
  endorsements: number;
  at: number;
}

export interface ActivityResults {
  activityId: string;
  kind: 'dots' | 'rank' | 'points' | 'scan';
  vote: VoteResults | null;
  /** For a repeated vote: how priorities and agreement moved since the previous round. */
  previousRound: { activityId: string; comparison: RoundComparison } | null;
  scan: ScanResults | null;
  /** Scan: "what goes well?" and "what could be better?", most endorsed first. */
  openAnswers: OpenAnswer[];
}

export interface AnswerCounts {
  total: number;
  byGroup: Record<string, number>;
}

/** Answers that count: the latest of each participant who was not removed, with their group now. */
function countedAnswers(state: WorkshopState, activityId: string): { participantId: string; groupId: string; stored: StoredAnswer }[] {
  return Object.entries(state.answers[activityId] ?? {}).flatMap(([participantId, stored]) => {
    const p = state.participants[participantId];
    return p && !p.removed ? [{ participantId, groupId: p.groupId, stored }] : [];
  });
}

export function answerCounts(state: WorkshopState, activityId: string): AnswerCounts {
  const byGroup: Record<string, number> = Object.fromEntries(state.groups.map((g) => [g.id, 0]));
  const answers = countedAnswers(state, activityId);
  for (const a of answers) byGroup[a.groupId] = (byGroup[a.groupId] ?? 0) + 1;
  return { total: answers.length, byGroup };
}

function voteResults(state: WorkshopState, activity: Activity & { kind: 'dots' | 'rank' | 'points' }): VoteResults {
  const responses = countedAnswers(state, activity.id).flatMap(({ participantId, groupId, stored }) =>
    isVote(stored.answer) ? [{ participantId, groupId, answer: stored.answer }] : [],
  );
  const valueIds = activityValueIds(state, activity);
  return computeVoteResults({
    kind: activity.kind,
    valueIds,
    groupIds: state.groups.map((g) => g.id),
    responses,
    minGroupSize: state.settings.minGroupSize,
    dotsPerParticipant: activity.config.dotsPerParticipant,
    dotsMaxPerValue: activity.config.dotsMaxPerValue,
    topK: Math.min(activity.config.rankK ?? valueIds.length, valueIds.length),
  });
}

function isVote(answer: Answer): answer is VoteAnswer {
  return answer.kind !== 'scan';
}

function isVoteActivity(a: Activity): a is Activity & { kind: 'dots' | 'rank' | 'points' } {
  return a.kind === 'dots' || a.kind === 'rank' || a.kind === 'points';
}

/** Results of a vote or scan activity; null for explore or an unknown id. */
export function activityResults(state: WorkshopState, activityId: string): ActivityResults | null {
  const index = state.activities.findIndex((a) => a.id === activityId);
  const activity = state.activities[index];
  if (!activity || activity.kind === 'explore') return null;
  if (isVoteActivity(activity)) {
    const vote = voteResults(state, activity);
    const previous = state.activities.slice(0, index).reverse().find((a) => a.kind === activity.kind);
    const previousRound =
      previous && isVoteActivity(previous) ? { activityId: previous.id, comparison: compareRounds(voteResults(state, previous), vote) } : null;
    return { activityId, kind: activity.kind, vote, previousRound, scan: null, openAnswers: [] };
  }
  const answers = countedAnswers(state, activity.id);
  const scan = computeScanResults({
    statements: activity.config.statements.map((s) => ({ id: s.id, factor: s.factor })),
    groupIds: state.groups.map((g) => g.id),
    responses: answers.flatMap(({ participantId, groupId, stored }) =>
      stored.answer.kind === 'scan' ? [{ participantId, groupId, answer: { kind: 'scan' as const, scores: stored.answer.scores } }] : [],
    ),
    minGroupSize: state.settings.minGroupSize,
  });
  const openAnswers = answers
    .flatMap(({ stored }): OpenAnswer[] => {
      const a = stored.answer;
      if (a.kind !== 'scan') return [];
      return (['wentWell', 'couldBeBetter'] as const).flatMap((field) => {
        const id = `${stored.answerId}:${field}`;
        return a[field] ? [{ id, field, text: a[field], endorsements: state.openAnswerEndorsements[id]?.length ?? 0, at: stored.at }] : [];
      });
    })
    .sort((x, y) => y.endorsements - x.endorsements || x.at - y.at);
  return { activityId, kind: 'scan', vote: null, previousRound: null, scan, openAnswers };
}
