import { assertNever } from './assert.js';
import type { DomainEvent } from './events.js';
import { applyAgenda, openActivity } from './agenda.js';
import type { Activity, WorkshopState } from './types.js';

/**
 * Applies one stored event. Pure: returns a new state and never throws on an event that
 * decide() produced. Every event bumps `seq`, the version clients compare.
 */
export function apply(state: WorkshopState, event: DomainEvent): WorkshopState {
  const next = applyEvent(state, event);
  return { ...next, seq: state.seq + 1, updatedAt: event.at };
}

function applyEvent(s: WorkshopState, e: DomainEvent): WorkshopState {
  switch (e.type) {
    case 'workshop:created':
      return e.workshop;
    case 'participant:joined':
      return { ...s, participants: { ...s.participants, [e.participant.id]: e.participant } };
    case 'participant:updated': {
      const p = s.participants[e.participantId];
      if (!p) return s;
      return { ...s, participants: { ...s.participants, [p.id]: { ...p, name: e.name, groupId: e.groupId } } };
    }
    case 'participant:removed': {
      const p = s.participants[e.participantId];
      if (!p) return s;
      return { ...s, participants: { ...s.participants, [p.id]: { ...p, removed: true } } };
    }
    case 'value:added':
      return { ...s, values: { ...s.values, [e.value.id]: e.value }, valueOrder: [...s.valueOrder, e.value.id] };
    case 'value:edited': {
      const v = s.values[e.valueId];
      if (!v) return s;
      const { i18n: _dropped, ...rest } = v;
      return { ...s, values: { ...s.values, [v.id]: { ...rest, title: e.title, description: e.description, updatedAt: e.at } } };
    }
    case 'value:hidden': {
      const v = s.values[e.valueId];
      if (!v) return s;
      return { ...s, values: { ...s.values, [v.id]: { ...v, hidden: e.hidden, updatedAt: e.at } } };
    }
    case 'value:merged':
      return applyMerge(s, e.sourceId, e.targetId, e.at);
    case 'story:added':
      return { ...s, stories: { ...s.stories, [e.story.id]: e.story } };
    case 'story:hidden': {
      const st = s.stories[e.storyId];
      if (!st) return s;
      return { ...s, stories: { ...s.stories, [st.id]: { ...st, hidden: e.hidden } } };
    }
    case 'story:endorsed': {
      const st = s.stories[e.storyId];
      if (!st) return s;
      return { ...s, stories: { ...s.stories, [st.id]: { ...st, endorsements: [...st.endorsements, e.participantId] } } };
    }
    case 'settings:changed':
      return { ...s, settings: { ...s.settings, ...e.settings } };
    case 'activity:controlled':
      return applyActivityAction(s, e);
    case 'activity:configured':
      return {
        ...s,
        activities: s.activities.map((a) =>
          a.id === e.activityId ? { ...a, ...(e.title !== undefined ? { title: e.title } : {}), config: { ...a.config, ...e.config } } : a,
        ),
      };
    case 'answer:submitted': {
      const forActivity = s.answers[e.activityId] ?? {};
      const previous = forActivity[e.participantId];
      const stored = {
        answerId: e.answerId,
        answer: e.answer,
        at: e.at,
        revisions: (previous?.revisions ?? 0) + 1,
        answerIds: [...(previous?.answerIds ?? []), e.answerId],
      };
      return { ...s, answers: { ...s.answers, [e.activityId]: { ...forActivity, [e.participantId]: stored } } };
    }
    case 'agenda:added':
    case 'agenda:moved':
    case 'agenda:removed':
    case 'agenda:current':
    case 'activity:extended':
      return applyAgenda(s, e);
    case 'summary:published':
      return { ...s, summaryPublishedAt: e.published ? e.at : null };
    case 'open-answer:endorsed':
      return { ...s, openAnswerEndorsements: { ...s.openAnswerEndorsements, [e.openAnswerId]: [...(s.openAnswerEndorsements[e.openAnswerId] ?? []), e.participantId] } };
    default:
      return assertNever(e);
  }
}

function applyMerge(s: WorkshopState, sourceId: string, targetId: string, at: number): WorkshopState {
  const source = s.values[sourceId];
  const target = s.values[targetId];
  if (!source || !target) return s;
  const stories = { ...s.stories };
  for (const st of Object.values(s.stories)) {
    if (st.valueId === sourceId) stories[st.id] = { ...st, valueId: targetId };
  }
  return {
    ...s,
    stories,
    values: {
      ...s.values,
      [sourceId]: { ...source, mergedInto: targetId, updatedAt: at },
      [targetId]: { ...target, mergedFrom: [...target.mergedFrom, sourceId, ...source.mergedFrom], updatedAt: at },
    },
  };
}

function applyActivityAction(s: WorkshopState, e: Extract<DomainEvent, { type: 'activity:controlled' }>): WorkshopState {
  const update = (fn: (a: Activity) => Activity): Activity[] => s.activities.map((a) => (a.id === e.activityId ? fn(a) : a));
  switch (e.action) {
    case 'open':
      return openActivity(s, e.activityId, e.at);
    case 'lock':
      return { ...s, activities: update((a) => ({ ...a, status: 'locked', endsAt: null })) };
    case 'unlock':
      return { ...s, activities: update((a) => ({ ...a, status: 'open' })) };
    case 'close':
      return { ...s, activities: update((a) => ({ ...a, status: 'closed', endsAt: null })) };
    case 'reveal':
      return { ...s, activities: update((a) => ({ ...a, revealed: true })) };
    case 'hide':
      return { ...s, activities: update((a) => ({ ...a, revealed: false })) };
    default:
      return assertNever(e.action);
  }
}
