import { commandRoles, type Command, type CommandPayload } from '../protocol/commands.js';
import { fail, ok, type Result } from '../protocol/errors.js';
import { assertNever } from './assert.js';
import type { DomainEvent } from './events.js';
import { decideAgenda } from './agenda.js';
import { validateAnswer } from './answers.js';
import { getOwn } from './own.js';
import { parseOpenAnswerId } from './results.js';
import { kindModule } from '../kinds/index.js';
import { activityValueIds, canAddStories, canJoin, canProposeValue, visibleValueIds } from './rules.js';
import { actionRefusal, ANSWER_SHAPING_KEYS, answerShapingLocked, ballotCapRefusal, minBallotValues, openRefusal } from './permissions.js';
import { CAPS, type Caps } from './limits.js';
import { decideFeedbackSet, feedbackEntries } from './feedback.js';
import { answerChannel, onlineOpenFor } from './online.js';
import { ONLINE_LIMITS } from './onlineModel.js';
import { participantsToRemove } from './joins.js';
import type { Activity, ActivityConfig, Participant, Value, WorkshopState } from './types.js';

export type Actor = { role: 'host' } | { role: 'participant'; participantId: string } | { role: 'visitor' };

/** What the server supplies: the clock, fresh ids, (for a join) the new token's hash, and its caps. */
export interface DecideContext {
  now: number;
  newId: () => string;
  tokenHash?: string;
  /** The caps this server enforces; default CAPS. */
  caps?: Caps;
}

/**
 * Decides whether a validated command is allowed for this actor in this state, and if so
 * which events record it. Pure: no I/O, no clock, no randomness except through ctx.
 *
 * Every id from the payload is looked up as an own key (getOwn), so a built-in property name
 * such as `constructor` is `NOT_FOUND`. A command that asks for what already holds (hide what
 * is hidden, set a setting to its value, endorse again, send a stored client-made id again…)
 * is accepted with no events: nothing is stored or broadcast and the ack is the normal `ok`,
 * so a retry after a lost ack is answered like the first send. An update that names nothing
 * to change is `BAD_REQUEST`.
 */
export function decide(state: WorkshopState, command: Command, actor: Actor, ctx: DecideContext): Result<DomainEvent[]> {
  if (commandRoles[command.type] !== actor.role) {
    return fail('FORBIDDEN', `${command.type} is not allowed for a ${actor.role}`);
  }
  const at = ctx.now;
  const caps = ctx.caps ?? CAPS;
  switch (command.type) {
    case 'participant:join':
      return join(state, command.payload, ctx, caps);
    case 'participant:update': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const { name, groupId } = command.payload;
      if (name === undefined && groupId === undefined) return fail('BAD_REQUEST', 'Nothing to change');
      if (groupId !== undefined && !state.groups.some((g) => g.id === groupId)) return fail('NOT_FOUND', 'No such group');
      const nextName = name === undefined ? p.value.name : name || null;
      const nextGroup = groupId ?? p.value.groupId;
      if (nextName === p.value.name && nextGroup === p.value.groupId) return ok([]);
      if (name && nextName !== p.value.name && !state.settings.allowNames) return fail('NOT_ALLOWED', 'Names are not allowed in this workshop');
      return ok([{ type: 'participant:updated', at, participantId: p.value.id, name: nextName, groupId: nextGroup }]);
    }
    case 'participant:remove': {
      const p = getOwn(state.participants, command.payload.participantId);
      if (!p) return fail('NOT_FOUND', 'No such participant');
      // Removed already: what the command asks for holds.
      if (p.removed) return ok([]);
      return ok([{ type: 'participant:removed', at, participantId: p.id }]);
    }
    case 'participant:removeMany': {
      const found = participantsToRemove(state, command.payload);
      if (!found.ok) return found;
      // Those removed already are left out: removing them again is what holds.
      return ok(found.value.map((p): DomainEvent => ({ type: 'participant:removed', at, participantId: p.id })));
    }
    case 'participant:erase': {
      const id = command.payload.participantId;
      if (getOwn(state.participants, id)) return ok([{ type: 'participant:erased', at, participantId: id }]);
      // Erased already (a retry after a lost ack): what the command asks for holds.
      if (state.erasedParticipantIds?.includes(id)) return ok([]);
      return fail('NOT_FOUND', 'No such participant');
    }
    case 'participant:eraseSelf': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      return ok([{ type: 'participant:erased', at, participantId: p.value.id }]);
    }
    case 'value:propose': {
      const p = activeParticipant(state, actor);
      if (!p.ok) return p;
      const wanted = command.payload.valueId;
      const existing = wanted ? getOwn(state.values, wanted) : undefined;
      // A retried send: already stored, acknowledge again and change nothing.
      if (existing) return existing.origin === 'participant' && existing.proposedBy === p.value.id ? ok([]) : fail('CONFLICT', 'This id is taken');
      const allowed = canProposeValue(state);
      if (!allowed.ok) return allowed;
      const mine = countWhere(Object.values(state.values), (v) => v.proposedBy === p.value.id);
      if (mine >= caps.proposalsPerParticipant) return fail('NOT_ALLOWED', `You have proposed ${mine} values, the most one person can propose here`);
      const full = workshopValuesFull(state, caps);
      if (full) return full;
      return ok([newValue(ctx, command.payload, 'participant', p.value, wanted)]);
    }
    case 'value:add': {
      const wanted = command.payload.valueId;
      const existing = wanted ? getOwn(state.values, wanted) : undefined;
      // A retried send from the console: already stored, acknowledge again and change nothing.
      if (existing) return existing.origin === 'facilitator' ? ok([]) : fail('CONFLICT', 'This id is taken');
      const full = workshopValuesFull(state, caps);
      if (full) return full;
      return ok([newValue(ctx, command.payload, 'facilitator', null, wanted)]);
    }
    case 'value:edit': {
      const v = liveValue(state, command.payload.valueId);
      if (!v.ok) return v;
      const { title, description } = command.payload;
      if (v.value.title === title && v.value.description === description) return ok([]);
      return ok([{ type: 'value:edited', at, valueId: v.value.id, title, description }]);
    }
    case 'value:hide': {
      const v = liveValue(state, command.payload.valueId);
      if (!v.ok) return v;
      if (v.value.hidden === command.payload.hidden) return ok([]);
      return ok([{ type: 'value:hidden', at, valueId: v.value.id, hidden: command.payload.hidden }]);
    }
    case 'value:merge': {
      const { sourceId, targetId } = command.payload;
      if (sourceId === targetId) return fail('BAD_REQUEST', 'A value cannot be merged into itself');
      // Merged into this target already (a retried merge): what the command asks for holds.
      const merged = getOwn(state.values, sourceId);
      if (merged?.mergedInto === targetId && getOwn(state.values, targetId)) return ok([]);
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
      const existing = wanted ? getOwn(state.stories, wanted) : undefined;
      // A retried send: already stored, acknowledge again and change nothing.
      if (existing) return existing.participantId === p.value.id ? ok([]) : fail('CONFLICT', 'This id is taken');
      const allowed = canAddStories(state);
      if (!allowed.ok) return allowed;
      const valueId = command.payload.valueId;
      if (!visibleValueIds(state).includes(valueId)) return fail('NOT_FOUND', 'No such value');
      const stories = Object.values(state.stories);
      const mine = countWhere(stories, (st) => st.participantId === p.value.id);
      if (mine >= caps.storiesPerParticipant) return fail('NOT_ALLOWED', `You have told ${mine} stories, the most one person can tell here`);
      if (stories.length >= caps.storiesPerWorkshop) return fail('NOT_ALLOWED', `This workshop holds ${stories.length} stories, the most it can hold`);
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
      const story = getOwn(state.stories, command.payload.storyId);
      // Endorsed already (the natural key is story + participant): what the command asks for
      // holds, and a retry after a lost ack is acknowledged again, whatever happened since
      // (explore locked, the story hidden), as a retried answer is.
      if (story?.endorsements.includes(p.value.id)) return ok([]);
      const allowed = canAddStories(state);
      if (!allowed.ok) return allowed;
      if (!story || story.hidden) return fail('NOT_FOUND', 'No such story');
      if (story.participantId === p.value.id) return fail('NOT_ALLOWED', 'You cannot endorse your own story');
      return ok([{ type: 'story:endorsed', at, storyId: story.id, participantId: p.value.id }]);
    }
    case 'story:hide': {
      const story = getOwn(state.stories, command.payload.storyId);
      if (!story) return fail('NOT_FOUND', 'No such story');
      if (story.hidden === command.payload.hidden) return ok([]);
      return ok([{ type: 'story:hidden', at, storyId: story.id, hidden: command.payload.hidden }]);
    }
    case 'settings:update': {
      const given = (Object.keys(command.payload) as (keyof typeof command.payload)[]).filter((k) => command.payload[k] !== undefined);
      if (given.length === 0) return fail('BAD_REQUEST', 'Nothing to change');
      const changed = given.filter((k) => command.payload[k] !== state.settings[k]);
      if (changed.length === 0) return ok([]);
      return ok([{ type: 'settings:changed', at, settings: Object.fromEntries(changed.map((k) => [k, command.payload[k]])) }]);
    }
    case 'activity:control':
      return controlActivity(state, command.payload, at, caps);
    case 'activity:configure':
      return configureActivity(state, command.payload, at, caps);
    case 'answer:submit':
      return submitAnswer(state, command.payload, actor, at);
    case 'agenda:goto': {
      // Going to a pending step opens it: the same cap on its ballot as activity:control open.
      const target = state.activities.find((a) => a.id === command.payload.activityId);
      const opens = target && target.status === 'pending' && state.currentActivityId !== target.id;
      const tooMany = opens ? ballotCapRefusal(state, target, caps) : null;
      if (tooMany) return fail(tooMany.code, tooMany.message);
      const empty = opens ? openRefusal(target) : null;
      if (empty) return fail(empty.code, empty.message);
      return decideAgenda(state, command, ctx);
    }
    case 'agenda:add':
    case 'agenda:move':
    case 'agenda:remove':
    case 'agenda:duplicate':
    case 'activity:extend':
      return decideAgenda(state, command, ctx);
    case 'summary:publish':
      // Sent already (or not sent, for `false`): what the command asks for holds.
      if ((state.summaryPublishedAt !== null) === command.payload.published) return ok([]);
      return ok([{ type: 'summary:published', at, published: command.payload.published }]);
    case 'open-answer:endorse':
      return endorseOpenAnswer(state, command.payload.openAnswerId, actor, at);
    case 'feedback:set':
      return decideFeedbackSet(state, command.payload, at);
    case 'feedback:remove':
      // Not stored (removed already, or never written): what the command asks for holds.
      if (!feedbackEntries(state).some((e) => e.id === command.payload.entryId)) return ok([]);
      return ok([{ type: 'feedback:entryRemoved', at, entryId: command.payload.entryId }]);
    case 'feedback:publish':
      if (((state.feedbackPublishedAt ?? null) !== null) === command.payload.published) return ok([]);
      return ok([{ type: 'feedback:published', at, published: command.payload.published }]);
    case 'online:open':
      return openOnline(state, command.payload, at, caps);
    case 'online:close':
      // No window: what the command asks for holds.
      if ((state.online ?? null) === null) return ok([]);
      return ok([{ type: 'online:closed', at }]);
    case 'groups:invited':
      return setInvited(state, command.payload, at);
    default:
      return assertNever(command);
  }
}

function join(state: WorkshopState, payload: CommandPayload<'participant:join'>, ctx: DecideContext, caps: Caps): Result<DomainEvent[]> {
  if (!ctx.tokenHash) return fail('INTERNAL', 'A join needs a token hash');
  const open = canJoin(state);
  if (!open.ok) return open;
  const joined = Object.keys(state.participants).length;
  if (joined >= caps.participantsPerWorkshop) return fail('NOT_ALLOWED', `${joined} phones have joined this workshop, the most it takes`);
  if (!state.groups.some((g) => g.id === payload.groupId)) return fail('NOT_FOUND', 'No such group');
  const name = payload.name ? payload.name : null;
  if (name && !state.settings.allowNames) return fail('NOT_ALLOWED', 'Names are not allowed in this workshop');
  const participant: Participant = { id: ctx.newId(), name, groupId: payload.groupId, joinedAt: ctx.now, tokenHash: ctx.tokenHash, removed: false };
  return ok([{ type: 'participant:joined', at: ctx.now, participant }]);
}

function activeParticipant(state: WorkshopState, actor: Actor): Result<Participant> {
  if (actor.role !== 'participant') return fail('FORBIDDEN', 'Only participants can do this');
  const p = getOwn(state.participants, actor.participantId);
  if (!p || p.removed) return fail('UNAUTHORIZED', 'You are no longer part of this workshop');
  return ok(p);
}

function countWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (test(item)) n++;
  return n;
}

function workshopValuesFull(state: WorkshopState, caps: Caps): Result<never> | null {
  const count = state.valueOrder.length;
  return count >= caps.valuesPerWorkshop ? fail('NOT_ALLOWED', `This workshop holds ${count} values, the most it can hold`) : null;
}

/** A value that exists and has not been merged away. */
function liveValue(state: WorkshopState, valueId: string): Result<Value> {
  const v = getOwn(state.values, valueId);
  if (!v) return fail('NOT_FOUND', 'No such value');
  if (v.mergedInto) return fail('CONFLICT', 'This value was merged into another');
  return ok(v);
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

function controlActivity(state: WorkshopState, payload: CommandPayload<'activity:control'>, at: number, caps: Caps): Result<DomainEvent[]> {
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  // The console offers exactly the actions activityActions lists: both read this one rule.
  // What already holds (opening the open current step, revealing what is revealed) records nothing.
  const refusal = actionRefusal(state, activity, payload.action);
  if (refusal) return refusal.unchanged ? ok([]) : fail(refusal.code, refusal.message);
  const tooMany = payload.action === 'open' ? ballotCapRefusal(state, activity, caps) : null;
  if (tooMany) return fail(tooMany.code, tooMany.message);
  return ok([{ type: 'activity:controlled', at, activityId: activity.id, action: payload.action }]);
}

function configureActivity(state: WorkshopState, payload: CommandPayload<'activity:configure'>, at: number, caps: Caps): Result<DomainEvent[]> {
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  const { activityId: _id, title, ...config } = payload;
  const given = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as Partial<ActivityConfig>;
  if (Object.keys(given).length === 0 && title === undefined) return fail('BAD_REQUEST', 'Nothing to change');
  if (payload.valueIds) {
    if (new Set(payload.valueIds).size !== payload.valueIds.length) return fail('BAD_REQUEST', 'A value is listed twice');
    const unknown = payload.valueIds.filter((id) => {
      const v = getOwn(state.values, id);
      return !v || v.mergedInto;
    });
    if (unknown.length) return fail('NOT_FOUND', 'A listed value does not exist or was merged');
    if (payload.valueIds.length < minBallotValues(activity.kind)) return fail('BAD_REQUEST', `A ${activity.kind} vote needs at least ${minBallotValues(activity.kind)} values`);
    if (payload.valueIds.length > caps.valuesPerVote) return fail('NOT_ALLOWED', `${payload.valueIds.length} values picked; at most ${caps.valuesPerVote} can be on one ballot`);
  }
  // Only what differs from the activity now is a change; asking for the current settings stores nothing.
  const changes = Object.fromEntries(
    (Object.keys(given) as (keyof ActivityConfig)[]).filter((k) => !sameJson(given[k], activity.config[k])).map((k) => [k, given[k]]),
  ) as Partial<ActivityConfig>;
  // The kind's own checks (KindModule.checkConfig): a scan's statement ids differ, an options activity's options…
  const kindChecks = kindModule(activity.kind).checkConfig(state, activity, changes, caps);
  if (!kindChecks.ok) return kindChecks;
  const newTitle = title === undefined ? undefined : title || null;
  const titleChanges = newTitle !== undefined && newTitle !== activity.title;
  if (Object.keys(changes).length === 0 && !titleChanges) return ok([]);
  // Settings that change what a valid answer is can't change once answers are in: that is a new round.
  if (answerShapingLocked(state, activity.id) && ANSWER_SHAPING_KEYS.some((k) => k in changes)) {
    return fail('NOT_ALLOWED', 'Answers are already in; duplicate the activity to start a new round with other settings');
  }
  return ok([{ type: 'activity:configured', at, activityId: activity.id, ...(titleChanges ? { title: newTitle } : {}), config: changes }]);
}

/** Equal as stored: settings are plain JSON (numbers, null, arrays of ids, statements); key order does not matter. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (x !== null && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  }
  return x;
}

function submitAnswer(state: WorkshopState, payload: CommandPayload<'answer:submit'>, actor: Actor, at: number): Result<DomainEvent[]> {
  const p = activeParticipant(state, actor);
  if (!p.ok) return p;
  const activity = state.activities.find((a) => a.id === payload.activityId);
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  const previous = getOwn(getOwn(state.answers, activity.id) ?? {}, p.value.id);
  // A retried send is acknowledged again, whatever happened since, and changes nothing.
  if (previous?.answerIds.includes(payload.answerId)) return ok([]);
  const kind = kindModule(activity.kind);
  // A kind that takes no answers (explore) refuses every one, whatever its status.
  if (!kind.takesAnswers) {
    const refused = kind.validateAnswer(activity, [], payload.answer);
    return refused.ok ? fail('BAD_REQUEST', `A ${activity.kind} activity takes no answers`) : refused;
  }
  // Taken in the room (the current step, open, its timer not up) or online (onlineOpenFor).
  if (!onlineOpenFor(state, activity.id, at)) {
    if (state.online?.activityIds.includes(activity.id)) return fail('NOT_ALLOWED', 'The online window has closed');
    if (state.currentActivityId !== activity.id || activity.status !== 'open') {
      return fail('NOT_ALLOWED', activity.status === 'locked' ? 'The activity is locked' : 'The activity is not open');
    }
    if (activity.endsAt !== null && at >= activity.endsAt) return fail('NOT_ALLOWED', 'Time is up');
  }
  const valid = validateAnswer(activity, activityValueIds(state, activity), payload.answer);
  if (!valid.ok) return valid;
  return ok([
    { type: 'answer:submitted', at, activityId: activity.id, participantId: p.value.id, answerId: payload.answerId, answer: valid.value, channel: answerChannel(state, at) },
  ]);
}

/**
 * `online:open`: these steps take answers online until `until`. Each must exist, be listed once,
 * be a kind that takes answers and be able to open as set up (the checks of `open`: an options
 * step has its options, a vote's ballot fits the cap); `until` lies in [now + ONLINE_LIMITS.minMs,
 * now + ONLINE_LIMITS.maxMs]. Ends the live session (liveEndedAt, the first time) and opens
 * joining. Sent again, it replaces the window (openedAt kept); the same window again stores nothing.
 */
function openOnline(state: WorkshopState, payload: CommandPayload<'online:open'>, at: number, caps: Caps): Result<DomainEvent[]> {
  const { activityIds, until } = payload;
  if (new Set(activityIds).size !== activityIds.length) return fail('BAD_REQUEST', 'An activity is listed twice');
  for (const id of activityIds) {
    const activity = state.activities.find((a) => a.id === id);
    if (!activity) return fail('NOT_FOUND', 'No such activity');
    if (!kindModule(activity.kind).takesAnswers) return fail('BAD_REQUEST', `A ${activity.kind} activity takes no answers, so it cannot be open online`);
    const empty = openRefusal(activity);
    if (empty) return fail(empty.code, empty.message);
    const tooMany = activity.status === 'pending' ? ballotCapRefusal(state, activity, caps) : null;
    if (tooMany) return fail(tooMany.code, tooMany.message);
  }
  if (until < at + ONLINE_LIMITS.minMs || until > at + ONLINE_LIMITS.maxMs) {
    return fail(
      'BAD_REQUEST',
      `The deadline must be between ${ONLINE_LIMITS.minMs / 3_600_000} hour and ${ONLINE_LIMITS.maxMs / 86_400_000} days from now (until ${new Date(at + ONLINE_LIMITS.minMs).toISOString()} – ${new Date(at + ONLINE_LIMITS.maxMs).toISOString()})`,
    );
  }
  const current = state.online ?? null;
  const sameWindow = current !== null && current.until === until && current.activityIds.length === activityIds.length && current.activityIds.every((id, i) => id === activityIds[i]);
  const joining = state.settings.joiningOpen;
  if (sameWindow && joining) return ok([]);
  const events: DomainEvent[] = [];
  if (!sameWindow) events.push({ type: 'online:opened', at, online: { activityIds: [...activityIds], openedAt: current?.openedAt ?? at, until }, liveEndedAt: state.liveEndedAt ?? at });
  // People who could not come join through the same link.
  if (!joining) events.push({ type: 'settings:changed', at, settings: { joiningOpen: true } });
  return ok(events);
}

/** `groups:invited`: each group named must exist and be named once; only the numbers that change are stored. */
function setInvited(state: WorkshopState, payload: CommandPayload<'groups:invited'>, at: number): Result<DomainEvent[]> {
  const ids = payload.invited.map((i) => i.groupId);
  if (new Set(ids).size !== ids.length) return fail('BAD_REQUEST', 'A group is listed twice');
  const changed: { groupId: string; invited: number | null }[] = [];
  for (const item of payload.invited) {
    const group = state.groups.find((g) => g.id === item.groupId);
    if (!group) return fail('NOT_FOUND', 'No such group');
    if ((group.invited ?? null) !== item.invited) changed.push({ groupId: item.groupId, invited: item.invited });
  }
  return ok(changed.length ? [{ type: 'groups:invited', at, invited: changed }] : []);
}

function endorseOpenAnswer(state: WorkshopState, openAnswerId: string, actor: Actor, at: number): Result<DomainEvent[]> {
  const p = activeParticipant(state, actor);
  if (!p.ok) return p;
  // Endorsed already (the natural key is answer + participant): what the command asks for
  // holds, and a retry after a lost ack is acknowledged again, whatever happened since.
  if (getOwn(state.openAnswerEndorsements, openAnswerId)?.includes(p.value.id)) return ok([]);
  const owner = findOpenAnswer(state, openAnswerId);
  if (!owner) return fail('NOT_FOUND', 'No such answer');
  if (owner === p.value.id) return fail('NOT_ALLOWED', 'You cannot endorse your own answer');
  return ok([{ type: 'open-answer:endorsed', at, openAnswerId, participantId: p.value.id }]);
}

/**
 * The participant whose current answer to an activity is the one this open-answer id names
 * (activity, participant, that submission's answerId) and has a non-empty text in the field
 * (KindModule.openAnswerText: a scan's open answers, an options activity's "why" sentences);
 * null otherwise.
 */
function findOpenAnswer(state: WorkshopState, openAnswerId: string): string | null {
  const parsed = parseOpenAnswerId(openAnswerId);
  if (!parsed) return null;
  const activity: Activity | undefined = state.activities.find((a) => a.id === parsed.activityId);
  if (!activity) return null;
  const stored = getOwn(getOwn(state.answers, activity.id) ?? {}, parsed.participantId);
  if (!stored || stored.answerId !== parsed.answerId || stored.answer.kind !== activity.kind) return null;
  // A removed participant's answers leave the wall.
  if (getOwn(state.participants, parsed.participantId)?.removed !== false) return null;
  return kindModule(activity.kind).openAnswerText(activity, stored, parsed.field) ? parsed.participantId : null;
}
