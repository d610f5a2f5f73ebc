import type { VoteResults } from '../consensus/index.js';
import type { FeedbackView } from '../domain/feedbackModel.js';
import type { AnswerChannel } from '../domain/onlineModel.js';
import { getOwn } from '../domain/own.js';
import { representation } from '../domain/representation.js';
import { activityResults, type ActivityResults } from '../domain/results.js';
import { resolveValueId } from '../domain/rules.js';
import { buildSummary } from '../domain/summary.js';
import { SCAN_FACTORS, type Activity, type Localized, type WorkshopState } from '../domain/types.js';
import type { ProcessMeeting, ProcessReport, ProcessState, ValueSeries } from './model.js';

/**
 * The process page's numbers (ProcessReport) from the process and its meetings' states: per
 * meeting what the summary takes (the last vote with answers, the last scan with answers, the
 * last options step with answers) and who took part; per value its priority over the meetings.
 */

/**
 * The activities whose results a version of the report may use. The organiser's: all of them.
 * The public one: what the room of that meeting is shown — the steps whose results were
 * revealed, and every step once the summary was sent to the phones.
 */
function shownActivities(state: WorkshopState, organiser: boolean): Activity[] {
  if (organiser || state.summaryPublishedAt !== null) return state.activities;
  return state.activities.filter((a) => a.revealed);
}

/** Public: the entries once published, null before. Organiser: every entry, publishedAt null while a draft. */
function feedbackOf(state: WorkshopState, organiser: boolean): FeedbackView | null {
  const publishedAt = state.feedbackPublishedAt ?? null;
  if (publishedAt === null && !organiser) return null;
  return { publishedAt, entries: state.feedback ?? [] };
}

/** The titles of the options named, in both languages (a title left empty in one language shows the other's); tied options joined by " / "; null for none. */
function optionTitles(activity: Activity | undefined, ids: readonly string[]): Localized | null {
  const items = ids.flatMap((id) => activity?.config.options.find((o) => o.id === id) ?? []);
  if (items.length === 0) return null;
  const title = (lang: 'nl' | 'en', other: 'nl' | 'en') => items.map((o) => o.text[lang].title || o.text[other].title).join(' / ');
  return { nl: title('nl', 'en'), en: title('en', 'nl') };
}

/** The options the shown feedback entries are about, by `<activityId>:<optionId>`. */
function feedbackOptions(state: WorkshopState, feedback: FeedbackView | null): Record<string, Localized> {
  const out: Record<string, Localized> = {};
  for (const e of feedback?.entries ?? []) {
    const { kind, id, activityId } = e.target;
    if (kind !== 'option' || id === null || activityId === null) continue;
    const title = optionTitles(state.activities.find((a) => a.id === activityId), [id]);
    if (title) out[`${activityId}:${id}`] = title;
  }
  return out;
}

/** When the first step opened: the earliest openedAt; null when none opened yet. */
function heldAt(state: WorkshopState): number | null {
  let first: number | null = null;
  for (const a of state.activities) if (a.openedAt !== null && (first === null || a.openedAt < first)) first = a.openedAt;
  return first;
}

interface MeetingFigures {
  meeting: ProcessMeeting;
  state: WorkshopState;
  vote: VoteResults | null;
}

function meetingFigures(state: WorkshopState, index: number, organiser: boolean): MeetingFigures {
  const results: ActivityResults[] = shownActivities(state, organiser).flatMap((a) => activityResults(state, a.id) ?? []);
  const participants = Object.values(state.participants).filter((p) => !p.removed).length;
  const summary = buildSummary(results, participants);
  const voteResult = results.find((r) => r.activityId === summary.voteActivityId) ?? null;
  const vote = voteResult?.vote ?? null;
  const scan = results.find((r) => r.activityId === summary.scanActivityId)?.scan ?? null;
  const voteAnswers: Record<AnswerChannel, number> = voteResult?.channels
    ? { room: voteResult.channels.room.answers, online: voteResult.channels.online.answers }
    : { room: vote?.answers ?? 0, online: 0 };
  const optionsActivity = summary.options ? state.activities.find((a) => a.id === summary.options?.activityId) : undefined;
  return {
    state,
    vote,
    meeting: {
      workshopId: state.id,
      code: state.code,
      title: state.title,
      index,
      createdAt: state.createdAt,
      heldAt: heldAt(state),
      liveEndedAt: state.liveEndedAt ?? null,
      online: state.online ?? null,
      representation: representation(state),
      voteActivityId: summary.voteActivityId,
      voteKind: vote?.kind ?? null,
      kendallW: summary.kendallW,
      voteAnswers,
      commonGround: summary.commonGround,
      tensions: summary.tensions,
      scan: (scan?.factors ?? []).map((f) => ({ factor: f.factor, mean: f.mean, answers: f.answers })),
      options: summary.options
        ? { winner: optionTitles(optionsActivity, summary.options.winnerIds), liveWith: optionTitles(optionsActivity, summary.options.liveWithIds) }
        : null,
      feedback: feedbackOf(state, organiser),
      feedbackOptions: feedbackOptions(state, feedbackOf(state, organiser)),
    },
  };
}

/**
 * One value's result in one meeting's vote: its own entry when the vote has it, else the entry
 * of the card it was merged into in that meeting (a value merged in a later meeting follows the
 * surviving card); null when neither was on the vote.
 */
function pointOf(f: MeetingFigures, valueId: string): ValueSeries['points'][number] {
  const meeting = f.meeting.index;
  const values = f.vote?.values ?? [];
  const v = values.find((x) => x.valueId === valueId) ?? values.find((x) => x.valueId === resolveValueId(f.state, valueId));
  return v ? { meeting, position: v.position, normalizedScore: v.normalizedScore, share: v.share } : { meeting, position: null, normalizedScore: null, share: null };
}

function valueSeries(figures: readonly MeetingFigures[]): ValueSeries[] {
  // Every value on a meeting's vote, in the order first seen (meeting order, then the vote's order).
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    for (const v of f.vote?.values ?? []) {
      if (!seen.has(v.valueId)) {
        seen.add(v.valueId);
        ids.push(v.valueId);
      }
    }
  }
  const series = ids.map((valueId): ValueSeries => {
    // Title and languages as the latest meeting that holds the value has them.
    const latest = [...figures].reverse().find((f) => getOwn(f.state.values, valueId))?.state;
    const value = latest ? getOwn(latest.values, valueId) : undefined;
    return {
      valueId,
      title: value?.title ?? '',
      ...(value?.i18n ? { i18n: value.i18n } : {}),
      points: figures.map((f) => pointOf(f, valueId)),
    };
  });
  const best = (s: ValueSeries) => Math.min(...s.points.map((p) => p.position ?? Infinity));
  // Best position over the meetings first; ties in the order first seen (sort is stable).
  return series.map((s) => ({ s, best: best(s) })).sort((a, b) => a.best - b.best).map(({ s }) => s);
}

/** The meetings in the order of `process.meetingIds`; a state not listed there comes after, oldest first. */
export function meetingsInOrder(process: Pick<ProcessState, 'meetingIds'>, meetings: readonly WorkshopState[]): WorkshopState[] {
  const order = (s: WorkshopState) => {
    const i = process.meetingIds.indexOf(s.id);
    return i === -1 ? process.meetingIds.length : i;
  };
  return [...meetings].sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt);
}

/**
 * The process page: the process, its groups, one ProcessMeeting per meeting (in the order of
 * `process.meetingIds`; a state not listed there comes after, oldest first), each value's
 * series, and W and the scan's factor means per meeting. A meeting's number (`index`) is the one
 * its state holds (`process.meeting`), else its place in that order.
 *
 * `organiser: false` is the public version: feedback only once published, and of each meeting
 * only the results its room was shown (revealed steps, or all once the summary was sent).
 */
export function processReport(process: ProcessState, meetings: readonly WorkshopState[], opts: { organiser: boolean }): ProcessReport {
  const figures = meetingsInOrder(process, meetings).map((s, i) => meetingFigures(s, s.process?.meeting ?? i + 1, opts.organiser));
  return {
    process: { id: process.id, code: process.code, title: process.title, area: process.area, language: process.language, createdAt: process.createdAt },
    groups: process.groups,
    meetings: figures.map((f) => f.meeting),
    values: valueSeries(figures),
    agreement: figures.map((f) => ({ meeting: f.meeting.index, kendallW: f.meeting.kendallW })),
    scan: figures.map((f) => ({
      meeting: f.meeting.index,
      factors: SCAN_FACTORS.map((factor) => ({ factor, mean: f.meeting.scan.find((x) => x.factor === factor)?.mean ?? null })),
    })),
    organiser: opts.organiser,
  };
}
