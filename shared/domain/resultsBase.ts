import type { RoundComparison, ScanResults, VoteAnswer, VoteInput, VoteResults } from '../consensus/index.js';
import type { Answer } from './answers.js';
import type { OptionsResults } from '../kinds/options/model.js';
import { getOwn } from './own.js';
import { activityValueIds } from './rules.js';
import type { Activity, Participant, StoredAnswer, WorkshopState } from './types.js';

/**
 * What results are made of: their types, the answers that count, open-answer ids, and a vote's
 * results. The kind modules (shared/kinds/) build on these; results.ts, which re-exports them,
 * adds activityResults, which dispatches to the modules. This file imports no kind module, so
 * the modules can import it without an import cycle.
 */
export type OpenAnswerField = 'wentWell' | 'couldBeBetter';
export const OPEN_ANSWER_FIELDS: readonly OpenAnswerField[] = ['wentWell', 'couldBeBetter'];

/**
 * The id of one open answer on the scan wall, what `open-answer:endorse` takes:
 * `<activityId>:<participantId>:<answerId>:<field>`. The participant id makes it unique in the
 * room (answer ids are made by the phone and unique only per participant), the activity id
 * keeps two scans apart, and the answer id names the submission: when a participant changes
 * their answer it is a new entry, so an endorsement always counts for the text it was given
 * to (the earlier one's endorsements stay in `openAnswerEndorsements` but count no more).
 */
export function openAnswerId(activityId: string, participantId: string, answerId: string, field: OpenAnswerField): string {
  return `${activityId}:${participantId}:${answerId}:${field}`;
}

/**
 * The field of an open-answer id: a scan's `wentWell` / `couldBeBetter`, or `why.<optionId>`
 * for the "why" sentence about one option of an options activity.
 */
export type OpenAnswerIdField = OpenAnswerField | `why.${string}`;

/** The parts of an open-answer id; null when it is not one. Which text it names is the kind's (KindModule.openAnswerText). */
export function parseOpenAnswerId(id: string): { activityId: string; participantId: string; answerId: string; field: OpenAnswerIdField } | null {
  const m = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64}):(wentWell|couldBeBetter|why\.[A-Za-z0-9_-]{1,64})$/.exec(id);
  if (!m) return null;
  return { activityId: m[1] as string, participantId: m[2] as string, answerId: m[3] as string, field: m[4] as OpenAnswerIdField };
}

export interface OpenAnswer {
  /** `<activityId>:<participantId>:<answerId>:<field>` (openAnswerId): what `open-answer:endorse` takes. */
  id: string;
  /** A scan's field, or 'why' for an options activity's "why" sentence (then optionId names the option). */
  field: OpenAnswerField | 'why';
  /** The option a 'why' sentence is about (options only). */
  optionId?: string;
  text: string;
  endorsements: number;
  at: number;
}

/** How many endorsed one open answer (its id in `openAnswerEndorsements`; 0 for none). */
export function endorsementCount(state: Pick<WorkshopState, 'openAnswerEndorsements'>, id: string): number {
  return getOwn(state.openAnswerEndorsements, id)?.length ?? 0;
}

/** The order of open answers on the wall and in the results: most endorsed first, then oldest first. */
export function byEndorsements(x: Pick<OpenAnswer, 'endorsements' | 'at'>, y: Pick<OpenAnswer, 'endorsements' | 'at'>): number {
  return y.endorsements - x.endorsements || x.at - y.at;
}

export interface ActivityResults {
  activityId: string;
  kind: 'dots' | 'rank' | 'points' | 'scan' | 'options';
  vote: VoteResults | null;
  /** For a repeated vote: how priorities and agreement moved since the previous round. */
  previousRound: { activityId: string; comparison: RoundComparison } | null;
  scan: ScanResults | null;
  /**
   * Options: the options weighed against the values; null for every other kind. Always present
   * in what activityResults returns (and so in views and exports); optional in the type only so
   * results written before the options kind existed still type.
   */
  options?: OptionsResults | null;
  /** Scan: "what goes well?" and "what could be better?", most endorsed first. */
  openAnswers: OpenAnswer[];
  /** Which answers the numbers rest on: how many count, and how many of those came from late joiners. */
  answers: LateAnswers;
  /**
   * Room and online apart (the groups lens's split): the same results over the room's answers and
   * over the online ones. null while no counted answer is online. Optional in the type only so
   * results written before it existed still type.
   */
  channels?: { room: ChannelResults; online: ChannelResults } | null;
}

/** One channel's share of an activity's results: the kind's numbers over that channel's counted answers only. */
export interface ChannelResults {
  answers: number;
  answersByGroup: Record<string, number>;
  vote: VoteResults | null;
  scan: ScanResults | null;
  options: OptionsResults | null;
}

/**
 * The counted answers (the latest of each participant still in the room) and, of those, how
 * many came from phones that joined after the activity first opened (joinedAt > openedAt):
 * "12 of 140 answers came from phones that joined after the vote opened". Phones joining in a
 * crowd once a vote runs is what fake voters look like; a real room has a few latecomers.
 */
export interface LateAnswers {
  counted: number;
  /** 0 while the activity never opened. */
  fromLateJoiners: number;
}

export function lateAnswers(state: WorkshopState, activity: Pick<Activity, 'id' | 'openedAt'>): LateAnswers {
  const answers = countedAnswers(state, activity.id);
  const opened = activity.openedAt;
  let late = 0;
  if (opened !== null) {
    for (const a of answers) if (a.joinedAt > opened) late++;
  }
  return { counted: answers.length, fromLateJoiners: late };
}

export interface AnswerCounts {
  total: number;
  byGroup: Record<string, number>;
}

/** Answers that count: the latest of each participant who was not removed, with their group now. */
export function countedAnswers(state: WorkshopState, activityId: string): { participantId: string; groupId: string; joinedAt: number; stored: StoredAnswer }[] {
  return Object.entries(getOwn(state.answers, activityId) ?? {}).flatMap(([participantId, stored]) => {
    const p = countingParticipant(state, participantId);
    return p ? [{ participantId, groupId: p.groupId, joinedAt: p.joinedAt, stored }] : [];
  });
}

/** The participant whose answers count: still in the room (not removed); undefined otherwise. */
export function countingParticipant(state: Pick<WorkshopState, 'participants'>, participantId: string): Participant | undefined {
  const p = getOwn(state.participants, participantId);
  return p && !p.removed ? p : undefined;
}

export function answerCounts(state: WorkshopState, activityId: string): AnswerCounts {
  const byGroup: Record<string, number> = Object.fromEntries(state.groups.map((g) => [g.id, 0]));
  const answers = countedAnswers(state, activityId);
  for (const a of answers) byGroup[a.groupId] = (byGroup[a.groupId] ?? 0) + 1;
  return { total: answers.length, byGroup };
}

export type VoteActivity = Activity & { kind: 'dots' | 'rank' | 'points' };
/** Computes (or, in the server's cache, looks up) one vote activity's results. */
export type VoteOf = (state: WorkshopState, activity: VoteActivity) => VoteResults;

/** A vote's counted answers and settings as the consensus math reads them: its results, and the weights an options activity takes from it. */
export function voteInput(state: WorkshopState, activity: VoteActivity): VoteInput {
  const responses = countedAnswers(state, activity.id).flatMap(({ participantId, groupId, stored }) =>
    isVote(stored.answer) ? [{ participantId, groupId, answer: stored.answer }] : [],
  );
  const valueIds = activityValueIds(state, activity);
  return {
    kind: activity.kind,
    valueIds,
    groupIds: state.groups.map((g) => g.id),
    responses,
    minGroupSize: state.settings.minGroupSize,
    dotsPerParticipant: activity.config.dotsPerParticipant,
    dotsMaxPerValue: activity.config.dotsMaxPerValue,
    topK: Math.min(activity.config.rankK ?? valueIds.length, valueIds.length),
  };
}

function isVote(answer: Answer): answer is VoteAnswer {
  return answer.kind === 'dots' || answer.kind === 'rank' || answer.kind === 'points';
}

