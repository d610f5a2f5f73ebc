import { commandRoles, type Command, type CommandPayload } from '../protocol/commands.js';
import { fail, ok, type Result } from '../protocol/errors.js';
import { assertNever } from './assert.js';
import type { DomainEvent } from './events.js';
import { decideAgenda } from './agenda.js';
import { validateAnswer } from './answers.js';
import { activityValueIds, canAddStories, canProposeValue, visibleValueIds } from './rules.js';
import { actionRefusal } from './permissions.js';
import type { Participant, WorkshopState } from './types.js';

export type Actor = { role: 'host' } | { role: 'participant'; participantId: string } | { role: 'visitor' };

/** What the server supplies: the clock, fresh ids, and (for a join) the new token's hash. */
export interface DecideContext {
  now: number;
  newId: () => string;
  tokenHash?: string;
}

/**
 * Decides whether a validated command is allowed for this actor in this state, and if so
 * which events record it. Pure: no I/O, no clock, no randomness except through ctx.
 */
export function decide(state: WorkshopState, command: Command, actor: Actor, ctx: DecideContext): Result<DomainEvent[]> {
  if (commandRoles[command.type] !== actor.role) {
    return fail('FORBIDDEN', `${command.type} is not allowed for a ${actor.role}`);
  }
  const at = ctx.now;
  switch (command.type) {
    case 'participant:join':
      return join(state, command.payload, ctx);
    case 'participant:update': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const { name, groupId } = command.payload;
      if (groupId !== undefined && !state.groups.some((g) => g.id === groupId)) return fail('NOT_FOUND', 'No such group');
      if (name && !state.settings.allowNames) return fail('NOT_ALLOWED', 'Names are not allowed in this workshop');
      return ok([
        {
          type: 'participant:updated',
          at,
          participantId: p.value.id,
          name: name === undefined ? p.value.name : name || null,
          groupId: groupId ?? p.value.groupId,
        },
      ]);
    }
    case 'participant:remove': {
      const p = state.participants[command.payload.participantId];
      if (!p || p.removed) return fail('NOT_FOUND', 'No such participant');
      return ok([{ type: 'participant:removed', at, participantId: p.id }]);
    }
    case 'value:propose': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const wanted = command.payload.valueId;
      const existing = wanted ? state.values[wanted] : undefined;
      // A retried send: already stored, acknowledge again and change nothing.
      if (existing) return existing.proposedBy === p.value.id ? ok([]) : fail('CONFLICT', 'This id is taken');
      const allowed = canProposeValue(state);
      if (!allowed.ok) return allowed;
      return ok([newValue(ctx, command.payload, 'participant', p.value, wanted)]);
    }
    case 'value:add':
      return ok([newValue(ctx, command.payload, 'facilitator', null)]);
    case 'value:edit': {
      const v = liveValue(state, command.payload.valueId);
      if (!v.ok) return v;
      const { title, description } = command.payload;
      return ok([{ type: 'value:edited', at, valueId: v.value, title, description }]);
    }
    case 'value:hide': {
      const v = liveValue(state, command.payload.valueId);
      if (!v.ok) return v;
      return ok([{ type: 'value:hidden', at, valueId: v.value, hidden: command.payload.hidden }]);
    }
    case 'value:merge': {
      const { sourceId, targetId } = command.payload;
      if (sourceId === targetId) return fail('BAD_REQUEST', 'A value cannot be merged into itself');
      const source = liveValue(state, sourceId);
      if (!source.ok) return source;
      const target = liveValue(state, targetId);
      if (!target.ok) return target;
      return ok([{ type: 'value:merged', at, sourceId, targetId }]);
    }
    case 'story:add': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const wanted = command.payload.storyId;
      const existing = wanted ? state.stories[wanted] : undefined;
      // A retried send: already stored, acknowledge again and change nothing.
      if (existing) return existing.participantId === p.value.id ? ok([]) : fail('CONFLICT', 'This id is taken');
      const allowed = canAddStories(state);
      if (!allowed.ok) return allowed;
      const valueId = command.payload.valueId;
      if (!visibleValueIds(state).includes(valueId)) return fail('NOT_FOUND', 'No such value');
      const id = wanted ?? ctx.newId();
      return ok([
        {
          type: 'story:added',
          at,
          story: { id, valueId, originalValueId: valueId, participantId: p.value.id, text: command.payload.text, hidden: false, createdAt: at, endorsements: [] },
        },
      ]);
    }
    case 'story:endorse': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const allowed = canAddStories(state);
      if (!allowed.ok) return allowed;
      const story = state.stories[command.payload.storyId];
      if (!story || story.hidden) return fail('NOT_FOUND', 'No such story');
      if (story.participantId === p.value.id) return fail('NOT_ALLOWED', 'You cannot endorse your own story');
      if (story.endorsements.includes(p.value.id)) return fail('CONFLICT', 'You already endorsed this story');
      return ok([{ type: 'story:endorsed', at, storyId: story.id, participantId: p.value.id }]);
    }
    case 'story:hide': {
      const story = state.stories[command.payload.storyId];
      if (!story) return fail('NOT_FOUND', 'No such story');
      return ok([{ type: 'story:hidden', at, storyId: story.id, hidden: command.payload.hidden }]);
    }
    case 'settings:update': {
      const settings = Object.fromEntries(Object.entries(command.payload).filter(([, v]) => v !== undefined));
      if (Object.keys(settings).length === 0) return fail('BAD_REQUEST', 'Nothing to change');
      return ok([{ type: 'settings:changed', at, settings }]);
    }
    case 'activity:control':
      return controlActivity(state, command.payload, at);
    case 'activity:configure':
      return configureActivity(state, command.payload, at);
    case 'answer:submit':
      return submitAnswer(state, command.payload, actor, at);
    case 'agenda:add':
    case 'agenda:move':
    case 'agenda:remove':
    case 'agenda:duplicate':
    case 'agenda:goto':
    case 'activity:extend':
      return decideAgenda(state, command, ctx);
    case 'summary:publish':
      if ((state.summaryPublishedAt !== null) === command.payload.published) return fail('CONFLICT', command.payload.published ? 'The summary is already sent' : 'The summary is not sent');
      return ok([{ type: 'summary:published', at, published: command.payload.published }]);
    case 'open-answer:endorse':
      return endorseOpenAnswer(state, command.payload.openAnswerId, actor, at);
    default:
      return assertNever(command);
  }
}

function join(state: WorkshopState, payload: CommandPayload<'participant:join'>, ctx: DecideContext): Result<DomainEvent[]> {
  if (!ctx.tokenHash) return fail('INTERNAL', 'A join needs a token hash');
  if (!state.groups.some((g) => g.id === payload.groupId)) return fail('NOT_FOUND', 'No such group');
  const name = payload.name ? payload.name : null;
  if (name && !state.settings.allowNames) return fail('NOT_ALLOWED', 'Names are not allowed in this workshop');
  const participant: Participant = { id: ctx.newId(), name, groupId: payload.groupId, joinedAt: ctx.now, tokenHash: ctx.tokenHash, removed: false };
  return ok([{ type: 'participant:joined', at: ctx.now, participant }]);
}

function activeParticipant(state: WorkshopState, actor: Actor): Result<Participant> {
  if (actor.role !== 'participant') return fail('FORBIDDEN', 'Only participants can do this');
  const p = state.participants[actor.participantId];
  if (!p || p.removed) return fail('UNAUTHORIZED', 'You are no longer part of this workshop');
  return ok(p);
}

/** A value that exists and has not been merged away. */
function liveValue(state: WorkshopState, valueId: string): Result<string> {
  const v = state.values[valueId];
  if (!v) return fail('NOT_FOUND', 'No such value');
  if (v.mergedInto) return fail('CONFLICT', 'This value was merged into another');
  return ok(v.id);
}

function newValue(
  ctx: DecideContext,
  payload: { title: string; description: string },
  origin: 'participant' | 'facilitator',
  proposer: Participant | null,
  id?: string,
): DomainEvent {
  return {
    type: 'value:added',
    at: ctx.now,
    value: {
      id: id ?? ctx.newId(),
      title: payload.title,
      description: payload.description,
      origin,
      proposedBy: proposer?.id ?? null,
      groupId: proposer?.groupId ?? null,
      hidden: false,
      mergedInto: null,
      mergedFrom: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  };
}

function controlActivity(state: WorkshopState, payload: CommandPayload<'activity:control'>, at: number): Result<DomainEvent[]> {
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  // The console offers exactly the actions activityActions lists: both read this one rule.
  // What already holds (opening the open current step, revealing what is revealed) records nothing.
  const refusal = actionRefusal(state, activity, payload.action);
  if (refusal) return refusal.unchanged ? ok([]) : fail(refusal.code, refusal.message);
  return ok([{ type: 'activity:controlled', at, activityId: activity.id, action: payload.action }]);
}

/** Settings that change what a valid answer is can't change once answers are in: that is a new round. */
const ANSWER_SHAPING = ['valueIds', 'dotsPerParticipant', 'dotsMaxPerValue', 'rankK', 'statements'] as const;

function configureActivity(state: WorkshopState, payload: CommandPayload<'activity:configure'>, at: number): Result<DomainEvent[]> {
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  const { activityId: _id, title, ...config } = payload;
  const changes = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0 && title === undefined) return fail('BAD_REQUEST', 'Nothing to change');
  const answered = Object.keys(state.answers[activity.id] ?? {}).length > 0;
  if (answered && ANSWER_SHAPING.some((k) => k in changes)) {
    return fail('NOT_ALLOWED', 'Answers are already in; duplicate the activity to start a new round with other settings');
  }
  if (payload.valueIds) {
    if (new Set(payload.valueIds).size !== payload.valueIds.length) return fail('BAD_REQUEST', 'A value is listed twice');
    const unknown = payload.valueIds.filter((id) => !state.values[id] || state.values[id]?.mergedInto);
    if (unknown.length) return fail('NOT_FOUND', 'A listed value does not exist or was merged');
  }
  if (payload.statements && new Set(payload.statements.map((s) => s.id)).size !== payload.statements.length) {
    return fail('BAD_REQUEST', 'Statement ids must differ');
  }
  return ok([{ type: 'activity:configured', at, activityId: activity.id, ...(title !== undefined ? { title: title || null } : {}), config: changes }]);
}

function submitAnswer(state: WorkshopState, payload: CommandPayload<'answer:submit'>, actor: Actor, at: number): Result<DomainEvent[]> {
  const p = activeParticipant(state, actor);
  if (!p.ok) return p;
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  const previous = state.answers[activity.id]?.[p.value.id];
  // A retried send is acknowledged again, whatever happened since, and changes nothing.
  if (previous?.answerIds.includes(payload.answerId)) return ok([]);
  if (activity.kind === 'explore') return fail('BAD_REQUEST', 'Explore takes values and stories, not answers');
  if (state.currentActivityId !== activity.id || activity.status !== 'open') {
    return fail('NOT_ALLOWED', activity.status === 'locked' ? 'The activity is locked' : 'The activity is not open');
  }
  if (activity.endsAt !== null && at >= activity.endsAt) return fail('NOT_ALLOWED', 'Time is up');
  const valid = validateAnswer(activity, activityValueIds(state, activity), payload.answer);
  if (!valid.ok) return valid;
  return ok([{ type: 'answer:submitted', at, activityId: activity.id, participantId: p.value.id, answerId: payload.answerId, answer: valid.value }]);
}

function endorseOpenAnswer(state: WorkshopState, openAnswerId: string, actor: Actor, at: number): Result<DomainEvent[]> {
  const p = activeParticipant(state, actor);
  if (!p.ok) return p;
  const [answerId, field] = openAnswerId.split(':') as [string, 'wentWell' | 'couldBeBetter'];
  const owner = findOpenAnswer(state, answerId, field);
  if (!owner) return fail('NOT_FOUND', 'No such answer');
  if (owner === p.value.id) return fail('NOT_ALLOWED', 'You cannot endorse your own answer');
  if (state.openAnswerEndorsements[openAnswerId]?.includes(p.value.id)) return fail('CONFLICT', 'You already endorsed this answer');
  return ok([{ type: 'open-answer:endorsed', at, openAnswerId, participantId: p.value.id }]);
}

/** The participant whose current scan answer has this id and a non-empty text in that field. */
function findOpenAnswer(state: WorkshopState, answerId: string, field: 'wentWell' | 'couldBeBetter'): string | null {
  for (const activity of state.activities) {
    if (activity.kind !== 'scan') continue;
    for (const [participantId, stored] of Object.entries(state.answers[activity.id] ?? {})) {
      if (stored.answerId === answerId && stored.answer.kind === 'scan' && stored.answer[field]) return participantId;
    }
  }
  return null;
}
