import type { ActivityAction } from '../protocol/commands.js';
import type { ErrorCode } from '../protocol/errors.js';
import { kindRules } from '../kinds/rules.js';
import type { Caps } from './limits.js';
import { activityValueIds, type ValueFlags } from './rules.js';
import type { Activity, ActivityKind, WorkshopState } from './types.js';

/**
 * The rules the server enforces and the console shows as buttons, limits and locked fields.
 * decide() asks these functions, and the client asks the same ones about the view it holds, so a
 * button is offered exactly when the server would accept it. Pure: no I/O, no clock.
 */

/** Every `activity:control` action, in the order the console shows them. */
export const ACTIVITY_ACTIONS: readonly ActivityAction[] = ['open', 'unlock', 'lock', 'close', 'reveal', 'hide'];

/** What an activity's control decision needs: its kind, status and reveal flag, and which activity is current. */
export type ActivityControlState = Pick<WorkshopState, 'currentActivityId'>;
/** With its config, `open` also asks the kind whether it can open as set up (KindRules.openRefusal). */
export type ControlledActivity = Pick<Activity, 'id' | 'kind' | 'status' | 'revealed'> & { config?: Activity['config'] };

/**
 * Why an action is refused, or null when it is allowed. `unchanged` marks a refusal because the
 * activity already is what the action asks for (opening the open current step, revealing what is
 * revealed), as opposed to an action that makes no sense in this state.
 */
export interface ActionRefusal {
  code: ErrorCode;
  message: string;
  unchanged: boolean;
}

const refuse = (code: ErrorCode, message: string, unchanged = false): ActionRefusal => ({ code, message, unchanged });

/**
 * The rule for one action on one activity:
 * - open: makes it the current step and open; not for the current step while it is open
 *   (nothing to do) or locked (that is unlock);
 * - unlock: the current step, while locked;
 * - lock: an open step (current, or still open after another became current);
 * - close: a step that ran (open or locked) or was closed already is refused as unchanged;
 *   a pending step never ran and is not closed;
 * - reveal / hide: results exist for every kind with results (KindModule.hasResults: all but
 *   explore), and only once the step has run;
 *   hide while revealed.
 */
export function actionRefusal(state: ActivityControlState, activity: ControlledActivity, action: ActivityAction): ActionRefusal | null {
  const current = state.currentActivityId === activity.id;
  const { status } = activity;
  switch (action) {
    case 'open':
      if (current && status === 'open') return refuse('CONFLICT', 'The activity is already open', true);
      if (current && status === 'locked') return refuse('NOT_ALLOWED', 'The activity is locked: unlock it to reopen it');
      return openRefusal(activity);
    case 'unlock':
      if (status !== 'locked') return refuse('NOT_ALLOWED', 'Only a locked activity can be unlocked');
      if (!current) return refuse('NOT_ALLOWED', 'Only the current activity can be unlocked; open it to make it current');
      return null;
    case 'lock':
      if (status !== 'open') return refuse('NOT_ALLOWED', 'Only an open activity can be locked');
      return null;
    case 'close':
      if (status === 'closed') return refuse('CONFLICT', 'The activity is already closed', true);
      if (status === 'pending') return refuse('NOT_ALLOWED', 'A pending activity has not run yet');
      return null;
    case 'reveal':
    case 'hide': {
      if (!kindRules(activity.kind).hasResults) return refuse('NOT_ALLOWED', `An ${activity.kind} activity has no results to show`);
      if (action === 'reveal' && status === 'pending') return refuse('NOT_ALLOWED', 'A pending activity has no results yet');
      if (action === 'reveal' && activity.revealed) return refuse('CONFLICT', 'Results are already revealed', true);
      if (action === 'hide' && !activity.revealed) return refuse('CONFLICT', 'Results are already hidden', true);
      return null;
    }
  }
}

/** Why the kind cannot open as set up (an options step without its options); only checked when the config is given. */
export function openRefusal(activity: ControlledActivity): ActionRefusal | null {
  const why = activity.config ? kindRules(activity.kind).openRefusal({ kind: activity.kind, config: activity.config }) : null;
  return why === null ? null : refuse('NOT_ALLOWED', why);
}

/** The `activity:control` actions decide() accepts for this activity now, in ACTIVITY_ACTIONS order. */
export function activityActions(state: ActivityControlState, activity: ControlledActivity): ActivityAction[] {
  return ACTIVITY_ACTIONS.filter((action) => actionRefusal(state, activity, action) === null);
}

export { VOTE_LIMITS } from '../kinds/voteLimits.js';

/** The fewest values an activity of this kind can be about (KindModule.minValues; explore and scan have no values: 0). */
export function minBallotValues(kind: ActivityKind): number {
  return kindRules(kind).minValues;
}

/**
 * The settings that change what a valid answer is. They can't change once an answer is stored
 * (any answer, also one of a participant removed since: the export keeps those): that is a new round.
 */
export const ANSWER_SHAPING_KEYS = ['valueIds', 'dotsPerParticipant', 'dotsMaxPerValue', 'rankK', 'statements', 'options', 'weights'] as const;

/** Whether ANSWER_SHAPING_KEYS are locked for this activity: some answer to it is stored. */
export function answerShapingLocked(state: Pick<WorkshopState, 'answers'>, activityId: string): boolean {
  // An own key only: an id such as `constructor` has no answers.
  return Object.hasOwn(state.answers, activityId) && Object.keys(state.answers[activityId] ?? {}).length > 0;
}

/**
 * The values a vote would be about if it opened now: its own list (frozen at its first opening,
 * or picked by the facilitator), else every visible value — less hidden ones either way
 * (activityValueIds). Null for a kind whose phones get no ballot of values (KindModule.valuesOnBallot:
 * explore, scan, and options, which takes a few values of its own at open).
 */
export function ballotSize(state: ValueFlags, activity: Pick<Activity, 'kind' | 'config'>): number | null {
  if (!kindRules(activity.kind).valuesOnBallot) return null;
  return activityValueIds(state, activity).length;
}

/**
 * Why a vote may not open: it would put more than `caps.valuesPerVote` values on every phone.
 * decide() refuses `activity:control open` and `agenda:goto` to a pending vote with this, and
 * the host's view carries it per activity (`ballotCaps`), so the console says so before the
 * facilitator tries. Null when the vote may open.
 */
export function ballotCapRefusal(state: ValueFlags, activity: Pick<Activity, 'kind' | 'config'>, caps: Pick<Caps, 'valuesPerVote'>): (ActionRefusal & { values: number; max: number }) | null {
  const values = ballotSize(state, activity);
  if (values === null || values <= caps.valuesPerVote) return null;
  return {
    ...refuse('NOT_ALLOWED', `This vote would open with ${values} values; at most ${caps.valuesPerVote} fit on one ballot. Hide or merge values, or pick the values for this vote.`),
    values,
    max: caps.valuesPerVote,
  };
}
