import { PROTOCOL_VERSION } from '../protocol/version.js';
import type { Answer } from './answers.js';
import { suggestDuplicates } from './duplicates.js';
import { activityResults, answerCounts, type ActivityResults, type AnswerCounts } from './results.js';
import { buildSummary, type Summary } from './summary.js';
import { visibleValueIds } from './rules.js';
import type { Activity, Group, LocalizedCard, Settings, Story, Value, ValueOrigin, WorkshopState } from './types.js';

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
}

export interface SelfView {
  seq: number;
  participant: { id: string; name: string | null; groupId: string };
  storyIds: string[];
  endorsedStoryIds: string[];
  proposedValueIds: string[];
  /** The participant's own latest answer per activity, so a reloaded phone shows it again. */
  answers: Record<string, { answerId: string; answer: Answer; at: number }>;
  endorsedOpenAnswerIds: string[];
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
}

export function provenanceOf(state: WorkshopState, value: Value): ProvenanceItem[] {
  return [value.id, ...value.mergedFrom].flatMap((id) => {
    const v = state.values[id];
    return v ? [{ valueId: v.id, title: v.title, origin: v.origin, groupId: v.groupId }] : [];
  });
}

function storyOrder(a: { endorsements: number; createdAt: number }, b: { endorsements: number; createdAt: number }): number {
  return b.endorsements - a.endorsements || a.createdAt - b.createdAt;
}

function authorOf(state: WorkshopState, story: Story, names: boolean): string | null {
  return names ? (state.participants[story.participantId]?.name ?? null) : null;
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
 * Results of every vote and scan activity. The costly part of a view: a caller building several
 * views of one state (the broadcaster: room and host) computes them once and passes them in.
 */
export function allResults(state: WorkshopState): Record<string, ActivityResults> {
  return resultsOf(state, state.activities.map((a) => a.id));
}

export function publicView(state: WorkshopState, all?: Record<string, ActivityResults>): PublicView {
  const stories = Object.values(state.stories).filter((s) => !s.hidden && !state.participants[s.participantId]?.removed);
  const values = visibleValueIds(state).map((id): PublicValue => {
    const v = state.values[id] as Value;
    const own = stories
      .filter((s) => s.valueId === id)
      .map(
        (s): PublicStory => ({
          id: s.id,
          valueId: s.valueId,
          text: s.text,
          endorsements: s.endorsements.length,
          author: authorOf(state, s, state.settings.allowNames),
          createdAt: s.createdAt,
        }),
      )
      .sort(storyOrder);
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
  const revealed = state.activities.filter((a) => a.revealed).map((a) => a.id);
  const results = all ? Object.fromEntries(revealed.flatMap((id) => (all[id] ? [[id, all[id]]] : []))) : resultsOf(state, revealed);
  return {
    protocol: PROTOCOL_VERSION,
    seq: state.seq,
    code: state.code,
    title: state.title,
    language: state.language,
    settings: state.settings,
    groups: state.groups,
    participation: participation(state),
    values,
    valueTitles: valueTitles(state),
    activities: withRounds(state.activities),
    currentActivityId: state.currentActivityId,
    answerCounts: Object.fromEntries(state.activities.filter((a) => a.kind !== 'explore').map((a) => [a.id, answerCounts(state, a.id)])),
    results,
    summary: state.summaryPublishedAt === null ? null : summaryOf(state, all ?? allResults(state)),
    summaryPublished: state.summaryPublishedAt !== null,
  };
}

function resultsOf(state: WorkshopState, activityIds: string[]): Record<string, ActivityResults> {
  return Object.fromEntries(activityIds.flatMap((id) => {
    const r = activityResults(state, id);
    return r ? [[id, r]] : [];
  }));
}

function summaryOf(state: WorkshopState, results: Record<string, ActivityResults>): Summary {
  const ordered = state.activities.flatMap((a) => (results[a.id] ? [results[a.id] as ActivityResults] : []));
  return buildSummary(ordered, participation(state).total);
}

function valueTitles(state: WorkshopState): PublicView['valueTitles'] {
  return Object.fromEntries(
    Object.values(state.values)
      .filter((v) => !v.hidden)
      .map((v) => [v.id, v.i18n ? { title: v.title, i18n: v.i18n } : { title: v.title }]),
  );
}

export function selfView(state: WorkshopState, participantId: string): SelfView | null {
  const p = state.participants[participantId];
  if (!p || p.removed) return null;
  const stories = Object.values(state.stories);
  return {
    seq: state.seq,
    participant: { id: p.id, name: p.name, groupId: p.groupId },
    storyIds: stories.filter((s) => s.participantId === p.id).map((s) => s.id),
    endorsedStoryIds: stories.filter((s) => s.endorsements.includes(p.id)).map((s) => s.id),
    proposedValueIds: state.valueOrder.filter((id) => state.values[id]?.proposedBy === p.id),
    answers: Object.fromEntries(
      Object.entries(state.answers).flatMap(([activityId, byParticipant]) => {
        const mine = byParticipant[p.id];
        return mine ? [[activityId, { answerId: mine.answerId, answer: mine.answer, at: mine.at }]] : [];
      }),
    ),
    endorsedOpenAnswerIds: Object.entries(state.openAnswerEndorsements).filter(([, ids]) => ids.includes(p.id)).map(([id]) => id),
  };
}

export function hostView(state: WorkshopState, all: Record<string, ActivityResults> = allResults(state)): HostView {
  const base = publicView(state, all);
  const allStories = Object.values(state.stories)
    .map((s): HostStory => ({ ...s, endorsements: s.endorsements.length, author: authorOf(state, s, true), groupId: state.participants[s.participantId]?.groupId ?? null }))
    .sort((a, b) => a.createdAt - b.createdAt);
  const allValues = state.valueOrder.flatMap((id): HostValue[] => {
    const v = state.values[id];
    if (!v) return [];
    return [{ ...v, provenance: provenanceOf(state, v), storyCount: allStories.filter((s) => s.valueId === id && !s.hidden).length }];
  });
  return {
    ...base,
    results: all,
    summary: summaryOf(state, all),
    allValues,
    allStories,
    participants: Object.values(state.participants).map(({ id, name, groupId, joinedAt, removed }) => ({ id, name, groupId, joinedAt, removed })),
    duplicates: suggestDuplicates(base.values),
  };
}

export function groupName(group: Group, lang: 'nl' | 'en'): string {
  return group.i18n ? group.i18n[lang] : group.name;
}
