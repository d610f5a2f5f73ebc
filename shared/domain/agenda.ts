import type { CommandPayload } from '../protocol/commands.js';
import { fail, ok, type Result } from '../protocol/errors.js';
import { newActivity } from './create.js';
import type { DomainEvent } from './events.js';
import { kindModule } from '../kinds/index.js';
import type { Activity, WorkshopState } from './types.js';

/**
 * The facilitator's agenda: adding, moving, duplicating (a new round), removing and stepping
 * through activities, before and during the workshop. decide* return events; apply* build state.
 * Activities are found in the `activities` array by id (never in a record), so a built-in
 * property name as an id finds nothing.
 */
export function decideAgenda(
  state: WorkshopState,
  command:
    | { type: 'agenda:add'; payload: CommandPayload<'agenda:add'> }
    | { type: 'agenda:move'; payload: CommandPayload<'agenda:move'> }
    | { type: 'agenda:remove'; payload: CommandPayload<'agenda:remove'> }
    | { type: 'agenda:duplicate'; payload: CommandPayload<'agenda:duplicate'> }
    | { type: 'agenda:goto'; payload: CommandPayload<'agenda:goto'> }
    | { type: 'activity:extend'; payload: CommandPayload<'activity:extend'> },
  ctx: { now: number; newId: () => string },
): Result<DomainEvent[]> {
  const at = ctx.now;
  if (command.type === 'agenda:add') {
    const { kind, afterActivityId } = command.payload;
    let index = state.activities.length;
    if (afterActivityId) {
      const after = state.activities.findIndex((a) => a.id === afterActivityId);
      if (after < 0) return fail('NOT_FOUND', 'No such activity');
      index = after + 1;
    }
    if (state.activities.length >= MAX_ACTIVITIES) return fail('NOT_ALLOWED', `At most ${MAX_ACTIVITIES} activities`);
    return ok([{ type: 'agenda:added', at, activity: newActivity(ctx.newId(), kind), index }]);
  }
  const index = state.activities.findIndex((a) => a.id === command.payload.activityId);
  const activity = state.activities[index];
  if (!activity) return fail('NOT_FOUND', 'No such activity');
  switch (command.type) {
    case 'agenda:move': {
      const toIndex = Math.min(command.payload.toIndex, state.activities.length - 1);
      // Already there: what the command asks for holds, so nothing is stored.
      if (toIndex === index) return ok([]);
      return ok([{ type: 'agenda:moved', at, activityId: activity.id, toIndex }]);
    }
    case 'agenda:remove':
      return ok([{ type: 'agenda:removed', at, activityId: activity.id }]);
    case 'agenda:duplicate': {
      if (state.activities.length >= MAX_ACTIVITIES) return fail('NOT_ALLOWED', `At most ${MAX_ACTIVITIES} activities`);
      const copy: Activity = { ...newActivity(ctx.newId(), activity.kind), title: activity.title, config: activity.config };
      return ok([{ type: 'agenda:added', at, activity: copy, index: index + 1 }]);
    }
    case 'agenda:goto':
      // The current activity already: nothing is stored.
      if (state.currentActivityId === activity.id) return ok([]);
      return ok([{ type: 'agenda:current', at, activityId: activity.id }]);
    case 'activity:extend': {
      if (activity.status === 'pending' || activity.status === 'closed') return fail('NOT_ALLOWED', 'Only an open or locked activity can get more time');
      const from = Math.max(at, activity.endsAt ?? at);
      return ok([{ type: 'activity:extended', at, activityId: activity.id, endsAt: from + command.payload.seconds * 1000 }]);
    }
  }
}

export const MAX_ACTIVITIES = 40;

/**
 * Opens an activity and makes it current. Only one activity is open at a time: the one it
 * replaces locks. The kind's module says what its config freezes then (KindModule.configAtOpen):
 * a vote is about the values visible when it opens, so later merges don't move its ground.
 */
export function openActivity(s: WorkshopState, activityId: string, at: number): WorkshopState {
  return {
    ...s,
    currentActivityId: activityId,
    activities: s.activities.map((a) => {
      if (a.id === activityId) {
        const frozen = kindModule(a.kind).configAtOpen(s, a);
        return {
          ...a,
          config: Object.keys(frozen).length > 0 ? { ...a.config, ...frozen } : a.config,
          status: 'open',
          openedAt: a.openedAt ?? at,
          endsAt: a.config.timerSeconds ? at + a.config.timerSeconds * 1000 : null,
        };
      }
      return a.id === s.currentActivityId && a.status === 'open' ? { ...a, status: 'locked', endsAt: null } : a;
    }),
  };
}

export function applyAgenda(s: WorkshopState, e: DomainEvent): WorkshopState {
  switch (e.type) {
    case 'agenda:added': {
      const activities = [...s.activities];
      activities.splice(e.index, 0, e.activity);
      return { ...s, activities };
    }
    case 'agenda:moved': {
      const activities = s.activities.filter((a) => a.id !== e.activityId);
      const moved = s.activities.find((a) => a.id === e.activityId);
      if (!moved) return s;
      activities.splice(e.toIndex, 0, moved);
      return { ...s, activities };
    }
    case 'agenda:removed': {
      const { [e.activityId]: _gone, ...answers } = s.answers;
      return {
        ...s,
        answers,
        activities: s.activities.filter((a) => a.id !== e.activityId),
        currentActivityId: s.currentActivityId === e.activityId ? null : s.currentActivityId,
      };
    }
    case 'agenda:current': {
      const target = s.activities.find((a) => a.id === e.activityId);
      if (!target) return s;
      if (target.status === 'pending') return openActivity(s, target.id, e.at);
      return {
        ...s,
        currentActivityId: target.id,
        activities: s.activities.map((a) => (a.id === s.currentActivityId && a.status === 'open' ? { ...a, status: 'locked', endsAt: null } : a)),
      };
    }
    case 'activity:extended':
      return { ...s, activities: s.activities.map((a) => (a.id === e.activityId ? { ...a, status: 'open', endsAt: e.endsAt } : a)) };
    default:
      return s;
  }
}
