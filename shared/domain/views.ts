import { PROTOCOL_VERSION } from '../protocol/version.js';
import { kindRules } from '../kinds/rules.js';
import type { Answer } from './answers.js';
import { suggestDuplicates } from './duplicates.js';
import { activityResults, answerCounts, type ActivityResults, type AnswerCounts } from './results.js';
import { getOwn } from './own.js';
import { buildSummary, type Summary } from './summary.js';
import { answerShapingLocked, ballotCapRefusal } from './permissions.js';
import { CAPS, type Caps } from './limits.js';
import { joinBurst, joinsPerMinute, type JoinBurst, type JoinMinute } from './joins.js';
import { currentActivity } from './rules.js';
import { storyOrder, storyShown, visibleValueIds } from './rules.js';
import type { Activity, Group, LocalizedCard, Settings, Story, Value, ValueOrigin, WorkshopState } from './types.js';
import type { FeedbackView } from './feedbackModel.js';
import { feedbackAboutYou, feedbackView, saidBy } from './feedback.js';
import { representation } from './representation.js';
import type { OnlineWindow, Representation } from './onlineModel.js';
import type { ProcessRef } from '../process/model.js';

/**
 * What each kind of client is sent. Views are derived here, never in a client, so the board,
 * the phones and the console can't disagree about the domain — and so nothing private
 * (tokens, other people's answers, names when names are off) can leak by accident.
 */
export interface ProvenanceItem {
  valueId: string;
  title: string;
  origin: ValueOrigin;
  groupId: string | null;
}

export interface PublicStory {
  id: string;
  valueId: string;
  text: string;
  endorsements: number;
  /** The author's name, only when names are allowed and one was given. */
  author: string | null;
  createdAt: number;
}

export interface PublicValue {
  id: string;
  title: string;
  description: string;
  i18n?: LocalizedCard;
  origin: ValueOrigin;
  /** This card and every card merged into it. */
  provenance: ProvenanceItem[];
  storyCount: number;
  /** Visible stories, most endorsed first, then oldest first. */
  stories: PublicStory[];
}

export interface PublicActivity extends Activity {
  /** 1 for the first activity of its kind, 2 for the next (a repeat is a new round). */
  round: number;
}

export interface Participation {
  total: number;
  byGroup: Record<string, number>;
}

export interface PublicView {
  protocol: number;
  seq: number;
  code: string;
  title: string;
  language: WorkshopState['language'];
  settings: Settings;
  groups: Group[];
  participation: Participation;
  values: PublicValue[];
  /** Title (and translations) of every value that is not hidden, merged ones too: results may name them. */
  valueTitles: Record<string, { title: string; i18n?: LocalizedCard }>;
  activities: PublicActivity[];
  currentActivityId: string | null;
  /** How many have answered each activity, per group — never who. */
  answerCounts: Record<string, AnswerCounts>;
  /** Results of the activities whose results the facilitator revealed (all of them for the host). */
  results: Record<string, ActivityResults>;
  /** The summary, once the facilitator sent it (always present for the host, as a preview). */
  summary: Summary | null;
  summaryPublished: boolean;
  /**
   * The caps this server enforces (shared/domain/limits.ts, CAPS unless the server overrides
   * them): a phone compares its own counts with them and says so instead of sending.
   */
  caps: Caps;
  /** The process this workshop is a meeting of; null when it stands alone. */
  process: ProcessRef | null;
  /** "You said, we did": for the room once published; the host always (publishedAt null while a draft). */
  feedback: FeedbackView | null;
  /** When the live session ended; null while it runs. */
  liveEndedAt: number | null;
  /** The steps open online and until when (onlineOpenFor says whether one takes answers now); null when none. */
  online: OnlineWindow | null;
  /** Invited against who took part, per group, with the under-representation warning (board and host; phones get null). */
  representation: Representation | null;
}

/**
 * What a phone is sent: the room's view without the live participation and answer counts
 * (phones don't show them, and they change with every answer), and with the results of the
 * current activity only, once revealed. It changes when something a phone shows changes, so a
 * vote burst sends phones nothing but their own `participant:self`.
 */
export interface PhoneView extends RoomView {
  view: 'phone';
}

/** What the board's and the phones' views have in common: what a screen of the room shows. */
export type RoomView = Omit<PublicView, 'participation' | 'answerCounts'>;

export interface SelfView {
  seq: number;
  participant: { id: string; name: string | null; groupId: string };
  storyIds: string[];
  endorsedStoryIds: string[];
  proposedValueIds: string[];
  /** The participant's own latest answer per activity, so a reloaded phone shows it again. */
  answers: Record<string, { answerId: string; answer: Answer; at: number }>;
  endorsedOpenAnswerIds: string[];
  /** Feedback entries (published only) about what this participant said: a value they proposed, told a story on or voted for, an option they weighed. */
  feedbackAboutYou: string[];
}

export interface HostValue extends Omit<Value, 'i18n'> {
  i18n?: LocalizedCard;
  provenance: ProvenanceItem[];
  storyCount: number;
}

export interface HostStory extends Omit<Story, 'endorsements'> {
  endorsements: number;
  author: string | null;
  groupId: string | null;
}

export interface HostParticipant {
  id: string;
  name: string | null;
  groupId: string;
  joinedAt: number;
  removed: boolean;
}

export interface HostView extends PublicView {
  /** Every value, hidden and merged ones too, in display order. */
  allValues: HostValue[];
  /** Every story, hidden ones too. */
  allStories: HostStory[];
  participants: HostParticipant[];
  /** Groups of visible value ids that look like duplicates. */
  duplicates: string[][];
  /**
   * Per activity: answers are in, so the settings that shape a valid answer can't change any
   * more (answerShapingLocked, the rule decide() applies to activity:configure).
   */
  answerShapingLocked: Record<string, boolean>;
  /** Who joined when, and the burst warning (shared/domain/joins.ts). */
  joins: JoinsView;
  /**
   * Per vote activity that could not open now because it would put more than `caps.valuesPerVote`
   * values on the ballot: how many it would have (ballotCapRefusal, the rule decide() applies).
   */
  ballotCaps: Record<string, { values: number; max: number }>;
}

export interface JoinsView {
  /** Joins per clock minute, oldest first, minutes without joins left out. */
  perMinute: JoinMinute[];
  /** The burst warning; null when there is none (joinBurst says the rule). */
  burst: JoinBurst | null;
}

export function provenanceOf(state: WorkshopState, value: Value): ProvenanceItem[] {
  return [value.id, ...value.mergedFrom].flatMap((id) => {
    const v = getOwn(state.values, id);
    return v ? [{ valueId: v.id, title: v.title, origin: v.origin, groupId: v.groupId }] : [];
  });
}

function authorOf(state: WorkshopState, story: Story, names: boolean): string | null {
  return names ? (getOwn(state.participants, story.participantId)?.name ?? null) : null;
}

export function participation(state: WorkshopState): Participation {
  const byGroup: Record<string, number> = Object.fromEntries(state.groups.map((g) => [g.id, 0]));
  let total = 0;
  for (const p of Object.values(state.participants)) {
    if (p.removed) continue;
    total++;
    byGroup[p.groupId] = (byGroup[p.groupId] ?? 0) + 1;
  }
  return { total, byGroup };
}

export function withRounds(activities: Activity[]): PublicActivity[] {
  const seen = new Map<string, number>();
  return activities.map((a) => {
    const round = (seen.get(a.kind) ?? 0) + 1;
    seen.set(a.kind, round);
    return { ...a, round };
  });
}

/**
 * The pieces views are made of. `directParts` computes each when asked; the server's
 * LiveViews (liveViews.ts) keeps each until what it depends on changes, so a view built after
 * an answer recomputes that activity's counts and results and reuses everything else.
 */
export interface ViewParts {
  results(activityId: string): ActivityResults | null;
  answerCounts(activityId: string): AnswerCounts;
  participation(): Participation;
  /** The visible values with their visible stories. */
  values(): PublicValue[];
  valueTitles(): PublicView['valueTitles'];
  activities(): PublicActivity[];
  /** Host only: every value, every story, the participants, duplicate suggestions. */
  allValues(): HostValue[];
  allStories(): HostStory[];
  participants(): HostParticipant[];
  duplicates(): string[][];
  joins(): JoinsView;
  ballotCaps(): HostView['ballotCaps'];
  caps(): Caps;
  /** Invited against who took part (board and host). */
  representation(): Representation;
}

export function directParts(state: WorkshopState, caps: Caps = CAPS): ViewParts {
  const parts: ViewParts = {
    results: (id) => activityResults(state, id),
    answerCounts: (id) => answerCounts(state, id),
    participation: () => participation(state),
    values: () => publicValues(state),
    valueTitles: () => valueTitles(state),
    activities: () => withRounds(state.activities),
    allValues: () => allValues(state, parts.allStories()),
    allStories: () => allStories(state),
    participants: () => Object.values(state.participants).map(({ id, name, groupId, joinedAt, removed }) => ({ id, name, groupId, joinedAt, removed })),
    duplicates: () => suggestDuplicates(parts.values()),
    joins: () => joinsOf(state),
    ballotCaps: () => ballotCapsOf(state, caps),
    caps: () => caps,
    representation: () => representation(state),
  };
  return parts;
}

function joinsOf(state: WorkshopState): JoinsView {
  const participants = Object.values(state.participants);
  return { perMinute: joinsPerMinute(participants), burst: joinBurst(participants, currentActivity(state)) };
}

function ballotCapsOf(state: WorkshopState, caps: Caps): HostView['ballotCaps'] {
  return Object.fromEntries(
    state.activities.flatMap((a) => {
      // A vote that is open already has its ballot; the cap is about opening one.
      if (a.status === 'open' && a.id === state.currentActivityId) return [];
      const refusal = ballotCapRefusal(state, a, caps);
      return refusal ? [[a.id, { values: refusal.values, max: refusal.max }]] : [];
    }),
  );
}

/** Results of every vote and scan activity, by activity id. */
export function allResults(state: WorkshopState, parts: ViewParts = directParts(state)): Record<string, ActivityResults> {
  return resultsOf(state.activities.map((a) => a.id), parts);
}

function publicValues(state: WorkshopState): PublicValue[] {
  const byValue = new Map<string, PublicStory[]>();
  for (const s of Object.values(state.stories)) {
    if (!storyShown(state, s)) continue;
    const story: PublicStory = {
      id: s.id,
      valueId: s.valueId,
      text: s.text,
      endorsements: s.endorsements.length,
      author: authorOf(state, s, state.settings.allowNames),
      createdAt: s.createdAt,
    };
    const list = byValue.get(s.valueId);
    if (list) list.push(story);
    else byValue.set(s.valueId, [story]);
  }
  return visibleValueIds(state).map((id): PublicValue => {
    const v = state.values[id] as Value;
    const own = (byValue.get(id) ?? []).sort(storyOrder);
    return {
      id: v.id,
      title: v.title,
      description: v.description,
      ...(v.i18n ? { i18n: v.i18n } : {}),
      origin: v.origin,
      provenance: provenanceOf(state, v),
      storyCount: own.length,
      stories: own,
    };
  });
}

function resultsOf(activityIds: readonly string[], parts: ViewParts): Record<string, ActivityResults> {
  return Object.fromEntries(
    activityIds.flatMap((id) => {
      const r = parts.results(id);
      return r ? [[id, r]] : [];
    }),
  );
}

function summaryOf(state: WorkshopState, parts: ViewParts): Summary {
  const ordered = state.activities.flatMap((a) => parts.results(a.id) ?? []);
  return buildSummary(ordered, parts.participation().total);
}

/** What the room shares (the phones and the board), without the live counts. */
function roomCore(state: WorkshopState, parts: ViewParts): Omit<PublicView, 'participation' | 'answerCounts' | 'results'> {
  return {
    protocol: PROTOCOL_VERSION,
    seq: state.seq,
    code: state.code,
    title: state.title,
    language: state.language,
    settings: state.settings,
    groups: state.groups,
    values: parts.values(),
    valueTitles: parts.valueTitles(),
    activities: parts.activities(),
    currentActivityId: state.currentActivityId,
    summary: state.summaryPublishedAt === null ? null : summaryOf(state, parts),
    summaryPublished: state.summaryPublishedAt !== null,
    caps: parts.caps(),
    process: state.process ?? null,
    feedback: feedbackView(state, false),
    liveEndedAt: state.liveEndedAt ?? null,
    online: state.online ?? null,
    representation: null,
  };
}

/** The board's view: the room's, with participation, live answer counts and revealed results. */
export function publicView(state: WorkshopState, parts: ViewParts = directParts(state)): PublicView {
  const revealed = state.activities.filter((a) => a.revealed).map((a) => a.id);
  return {
    ...roomCore(state, parts),
    participation: parts.participation(),
    answerCounts: Object.fromEntries(state.activities.filter((a) => kindRules(a.kind).takesAnswers).map((a) => [a.id, parts.answerCounts(a.id)])),
    results: resultsOf(revealed, parts),
    representation: parts.representation(),
  };
}

export function phoneView(state: WorkshopState, parts: ViewParts = directParts(state)): PhoneView {
  const current = state.activities.find((a) => a.id === state.currentActivityId);
  return { view: 'phone', ...roomCore(state, parts), results: current?.revealed ? resultsOf([current.id], parts) : {} };
}

function valueTitles(state: WorkshopState): PublicView['valueTitles'] {
  return Object.fromEntries(
    Object.values(state.values)
      .filter((v) => !v.hidden)
      .map((v) => [v.id, v.i18n ? { title: v.title, i18n: v.i18n } : { title: v.title }]),
  );
}

export function selfView(state: WorkshopState, participantId: string): SelfView | null {
  const p = getOwn(state.participants, participantId);
  if (!p || p.removed) return null;
  const storyIds: string[] = [];
  const endorsedStoryIds: string[] = [];
  for (const s of Object.values(state.stories)) {
    if (s.participantId === p.id) storyIds.push(s.id);
    if (s.endorsements.includes(p.id)) endorsedStoryIds.push(s.id);
  }
  return {
    seq: state.seq,
    participant: { id: p.id, name: p.name, groupId: p.groupId },
    storyIds,
    endorsedStoryIds,
    proposedValueIds: state.valueOrder.filter((id) => getOwn(state.values, id)?.proposedBy === p.id),
    answers: Object.fromEntries(
      Object.entries(state.answers).flatMap(([activityId, byParticipant]) => {
        const mine = getOwn(byParticipant, p.id);
        return mine ? [[activityId, { answerId: mine.answerId, answer: mine.answer, at: mine.at }]] : [];
      }),
    ),
    endorsedOpenAnswerIds: Object.entries(state.openAnswerEndorsements).filter(([, ids]) => ids.includes(p.id)).map(([id]) => id),
    feedbackAboutYou: feedbackAboutYou(state, saidBy(state, p.id)),
  };
}

function allStories(state: WorkshopState): HostStory[] {
  return Object.values(state.stories)
    .map((s): HostStory => ({ ...s, endorsements: s.endorsements.length, author: authorOf(state, s, true), groupId: getOwn(state.participants, s.participantId)?.groupId ?? null }))
    .sort((a, b) => a.createdAt - b.createdAt);
}

function allValues(state: WorkshopState, stories: readonly HostStory[]): HostValue[] {
  const visibleStories = new Map<string, number>();
  for (const s of stories) if (storyShown(state, s)) visibleStories.set(s.valueId, (visibleStories.get(s.valueId) ?? 0) + 1);
  return state.valueOrder.flatMap((id): HostValue[] => {
    const v = getOwn(state.values, id);
    return v ? [{ ...v, provenance: provenanceOf(state, v), storyCount: visibleStories.get(id) ?? 0 }] : [];
  });
}

export function hostView(state: WorkshopState, parts: ViewParts = directParts(state)): HostView {
  const base = publicView(state, parts);
  return {
    ...base,
    results: allResults(state, parts),
    summary: summaryOf(state, parts),
    feedback: feedbackView(state, true),
    allValues: parts.allValues(),
    allStories: parts.allStories(),
    participants: parts.participants(),
    duplicates: parts.duplicates(),
    answerShapingLocked: Object.fromEntries(state.activities.map((a) => [a.id, answerShapingLocked(state, a.id)])),
    joins: parts.joins(),
    ballotCaps: parts.ballotCaps(),
  };
}

export function groupName(group: Group, lang: 'nl' | 'en'): string {
  return group.i18n ? group.i18n[lang] : group.name;
}
