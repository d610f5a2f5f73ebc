/**
 * What the three vote kinds (dots, rank, points) share: each is about the values that take part
 * (frozen when it opens), its results are the consensus math's VoteResults with the previous round
 * of the same kind compared, and the summary's vote part is the last vote with answers. A vote
 * kind's own module adds its answer schema, its answer checks and its CSV items.
 */
import { compareRounds } from '../consensus/index.js';
import { ok } from '../protocol/errors.js';
import type { Answer } from '../domain/answers.js';
import type { ExportDocument } from '../domain/export.js';
import { lateAnswers, type ActivityResults, type VoteActivity } from '../domain/resultsBase.js';
import { visibleValueIds } from '../domain/rules.js';
import { SUMMARY_TOP, type Summary } from '../domain/summaryBase.js';
import type { Activity } from '../domain/types.js';
import type { AnswerOf, CsvItem, ExportActivity, KindModule, KindRules } from './types.js';
import { isVoteActivity, type VoteKind } from './voteRules.js';

export { VOTE_KINDS, isVoteActivity, isVoteKind, nonZero, unknownIds, wrongKind, type VoteKind } from './voteRules.js';



/** The item columns of one CSV row. */
export function csvItem(item_id: string, item_title: string, position: number | null, amount: number | null, text = ''): CsvItem {
  return { item_id, item_title, position: position === null ? '' : String(position), amount: amount === null ? '' : String(amount), text };
}

/** A value's title in the export (empty for an id it does not hold). */
export function valueTitle(doc: ExportDocument, id: string): string {
  return doc.values.find((v) => v.id === id)?.title ?? '';
}

/** The non-zero entries of a dots or points record, in the activity's value order (so rows read like the phone showed them). */
export function countItems(doc: ExportDocument, activity: ExportActivity, record: Record<string, number>): CsvItem[] {
  const order = activity.config.valueIds ?? doc.values.map((v) => v.id);
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([id, n]) => csvItem(id, valueTitle(doc, id), null, n));
}

/**
 * The vote part of "what we found together": the last vote (of any vote kind) that has answers,
 * its top SUMMARY_TOP values, the common ground and tensions the lens flags (at most SUMMARY_TOP
 * of each, in the lens's order) and Kendall's W.
 */
export function voteSummary(results: readonly ActivityResults[]): Pick<Summary, 'voteActivityId' | 'topValues' | 'commonGround' | 'tensions' | 'kendallW'> {
  const vote = [...results].reverse().find((r) => r.vote && r.vote.answers > 0);
  return {
    voteActivityId: vote?.activityId ?? null,
    topValues: (vote?.vote?.values ?? []).slice(0, SUMMARY_TOP).map(({ valueId, position, score, share }) => ({ valueId, position, score, share })),
    commonGround: (vote?.vote?.lens.commonGround ?? []).filter((c) => c.flagged).slice(0, SUMMARY_TOP),
    tensions: (vote?.vote?.lens.tension ?? []).filter((t) => t.flagged).slice(0, SUMMARY_TOP),
    kendallW: vote?.vote?.kendallW?.w ?? null,
  };
}

/** The previous round of a vote: the latest activity of the same kind before it in the agenda. */
function previousRound(activities: readonly Activity[], index: number, kind: VoteKind): VoteActivity | null {
  for (let i = index - 1; i >= 0; i--) {
    const a = activities[i];
    if (a && a.kind === kind && isVoteActivity(a)) return a;
  }
  return null;
}

/** A vote kind's CSV items; its rules (voteRules) come first. */
export interface VoteParts<K extends VoteKind> {
  csvItems(doc: ExportDocument, activity: ExportActivity, answer: AnswerOf<K>): CsvItem[];
}

export function voteModule<K extends VoteKind>(rules: KindRules<K>, parts: VoteParts<K>): KindModule<K> {
  const own = (answer: Answer): answer is AnswerOf<K> => answer.kind === rules.kind;
  return {
    ...rules,
    checkConfig: () => ok(null),
    // A vote is about the values visible when it opens, so later merges don't move its ground.
    configAtOpen: (state, activity) => (activity.config.valueIds === null ? { valueIds: visibleValueIds(state) } : {}),
    results(state, activity, ctx) {
      if (!isVoteActivity(activity)) return null;
      const vote = ctx.voteOf(state, activity);
      const previous = previousRound(state.activities, ctx.index, rules.kind);
      return {
        activityId: activity.id,
        kind: activity.kind,
        vote,
        previousRound: previous ? { activityId: previous.id, comparison: compareRounds(ctx.voteOf(state, previous), vote) } : null,
        scan: null,
        options: null,
        openAnswers: [],
        answers: lateAnswers(state, activity),
      };
    },
    resultsInputs(state, activity) {
      const index = state.activities.findIndex((a) => a.id === activity.id);
      const previous = previousRound(state.activities, index, rules.kind);
      return { activityIds: previous ? [previous.id] : [], endorsements: false };
    },
    openAnswerText: () => null,
    csvItems: (doc, activity, answer) => (own(answer) ? parts.csvItems(doc, activity, answer) : []),
    summary: voteSummary,
    templateConfig: () => ({}),
  };
}

