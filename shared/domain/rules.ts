import { fail, ok, type Result } from '../protocol/errors.js';
import { getOwn } from './own.js';
import type { Activity, ActivityConfig, Settings, Value, WorkshopState } from './types.js';
import type { OptionWeights } from '../kinds/options/model.js';

/** What the value rules read: each value's hidden and merged flags, and the display order. A view can supply these too. */
export interface ValueFlags {
  values: Readonly<Record<string, Pick<Value, 'hidden' | 'mergedInto'>>>;
  valueOrder: readonly string[];
}

/**
 * Workshop rules that both the server (in decide) and the phones (to show or hide a button)
 * consult, so a button is never offered that the server would refuse.
 */
export function currentActivity(state: Pick<WorkshopState, 'activities' | 'currentActivityId'>): Activity | null {
  return state.activities.find((a) => a.id === state.currentActivityId) ?? null;
}

/** Stories, endorsements and proposals belong to an open explore activity. */
export function canAddStories(state: Pick<WorkshopState, 'activities' | 'currentActivityId'>): Result<true> {
  const a = currentActivity(state);
  if (!a || a.kind !== 'explore' || a.status !== 'open') {
    return fail('NOT_ALLOWED', 'Stories can be added while an explore activity is open');
  }
  return ok(true);
}

export function canProposeValue(state: Pick<WorkshopState, 'activities' | 'currentActivityId' | 'settings'>): Result<true> {
  const stories = canAddStories(state);
  if (!stories.ok) return fail('NOT_ALLOWED', 'Values can be proposed while an explore activity is open');
  if (!state.settings.allowProposals) return fail('NOT_ALLOWED', 'The facilitator has closed proposals');
  return ok(true);
}

/**
 * Settings as stored, with a default for each setting added since a workshop could have been
 * stored without it: a workshop from before `joiningOpen` existed is open to new phones.
 */
export function settingsWithDefaults(settings: Omit<Settings, 'joiningOpen'> & Partial<Pick<Settings, 'joiningOpen'>>): Settings {
  return { ...settings, joiningOpen: settings.joiningOpen ?? true };
}

/** The weights of an activity stored before `ActivityConfig.weights` existed (and of every kind but options). */
export const DEFAULT_OPTION_WEIGHTS: OptionWeights = { mode: 'room', voteActivityId: null };

/**
 * An activity as stored, with a default for each config field added since a workshop could have
 * been stored without it: `options` (empty) and `weights` (DEFAULT_OPTION_WEIGHTS), added with
 * the options kind. Returns the same object when nothing is missing.
 */
export function activityWithDefaults(activity: Activity): Activity {
  const c = activity.config as Partial<ActivityConfig> & Omit<ActivityConfig, 'options' | 'weights'>;
  if (c.options !== undefined && c.weights !== undefined) return activity;
  return { ...activity, config: { ...c, options: c.options ?? [], weights: c.weights ?? { ...DEFAULT_OPTION_WEIGHTS } } };
}

/** New phones may join unless the facilitator closed joining; phones that joined before are not affected. */
export function canJoin(state: Pick<WorkshopState, 'settings'>): Result<true> {
  if (state.settings.joiningOpen === false) return fail('NOT_ALLOWED', 'Joining is closed: the facilitator is not letting new phones in');
  return ok(true);
}

/** Values shown to the room: not hidden, not merged away, in display order. */
export function visibleValueIds(state: ValueFlags): string[] {
  return state.valueOrder.filter((id) => {
    const v = getOwn(state.values, id);
    return v !== undefined && !v.hidden && v.mergedInto === null;
  });
}

/** Follows merges to the card a value lives on in now. */
export function resolveValueId(state: Pick<WorkshopState, 'values'>, valueId: string): string {
  let id = valueId;
  for (let guard = 0; guard < 1000; guard++) {
    const next = getOwn(state.values, id)?.mergedInto;
    if (!next) return id;
    id = next;
  }
  return id;
}

/**
 * The values a vote activity is about: the facilitator's choice (frozen when it opens), or every
 * visible value — less any the facilitator hid since: hidden means hidden from the ballot and the
 * results too, and "rank all" then means all that are left.
 */
export function activityValueIds(state: ValueFlags, activity: Pick<Activity, 'config'>): string[] {
  return (activity.config.valueIds ?? visibleValueIds(state)).filter((id) => {
    const v = getOwn(state.values, id);
    return v !== undefined && !v.hidden;
  });
}

/**
 * Whether the room is shown a story: the facilitator did not hide it and its author was not
 * removed. The board and phones (views), the export (`shown`) and the report use this one rule.
 */
export function storyShown(state: Pick<WorkshopState, 'participants'>, story: { hidden: boolean; participantId: string }): boolean {
  return !story.hidden && !(Object.hasOwn(state.participants, story.participantId) && state.participants[story.participantId]?.removed);
}

/** The order stories are shown in: most endorsed first, then oldest first. */
export function storyOrder(a: { endorsements: number; createdAt: number }, b: { endorsements: number; createdAt: number }): number {
  return b.endorsements - a.endorsements || a.createdAt - b.createdAt;
}
