import { createWorkshop, newActivity } from '../domain/create.js';
import { getOwn } from '../domain/own.js';
import { voteResults, type VoteActivity } from '../domain/results.js';
import { resolveValueId } from '../domain/rules.js';
import { TEMPLATES, templateAgenda } from '../domain/templates.js';
import type { Activity, Group, TemplateId, Value, WorkshopState } from '../domain/types.js';
import { isVoteActivity } from '../kinds/voteRules.js';
import type { VoteResults } from '../consensus/index.js';
import type { ProcessGroup, ProcessState } from './model.js';
import type { CreateMeetingBody } from './schema.js';

/** What the caller makes for a new meeting: its workshop id, join code, host token hash, the clock and fresh ids. */
export interface MeetingContext {
  id: string;
  code: string;
  hostTokenHash: string;
  now: number;
  newId: () => string;
}

/**
 * The vote a meeting's priorities come from, the one the summary picks: the last dots, rank or
 * points step in the agenda with at least one counted answer, with its results; null when none.
 */
export function lastVote(state: WorkshopState): { activity: VoteActivity; vote: VoteResults } | null {
  for (let i = state.activities.length - 1; i >= 0; i--) {
    const a = state.activities[i];
    if (!a || !isVoteActivity(a)) continue;
    const vote = voteResults(state, a);
    if (vote.answers > 0) return { activity: a, vote };
  }
  return null;
}

function groupOf(g: ProcessGroup): Group {
  return { id: g.id, name: g.name, ...(g.i18n ? { i18n: g.i18n } : {}), invited: g.invited };
}

/** A template's agenda as new pending activities. */
function templateActivities(template: TemplateId, newId: () => string): Activity[] {
  return templateAgenda(TEMPLATES[template]).map((item) => {
    const a = newActivity(newId(), item.kind);
    return { ...a, title: item.title, config: { ...a.config, ...item.config } };
  });
}

/**
 * The previous meeting's agenda again: each step with a new id, pending, not revealed, no timer
 * running, its config copied. valueIds name the same values (the ids carry over), a card merged
 * since as the card it was merged into (once), so no merged-away card is put on a ballot; an
 * options step's weighting vote is remapped to the new id of that vote (null when it is gone).
 */
function resetActivities(previous: WorkshopState, newId: () => string): Activity[] {
  const ids = new Map(previous.activities.map((a) => [a.id, newId()]));
  const valueIds = (list: readonly string[]) => [...new Set(list.map((id) => resolveValueId(previous, id)))];
  return previous.activities.map((a) => {
    const { weights } = a.config;
    return {
      id: ids.get(a.id) ?? newId(),
      kind: a.kind,
      title: a.title,
      config: {
        ...a.config,
        valueIds: a.config.valueIds === null ? null : valueIds(a.config.valueIds),
        statements: a.config.statements.map((s) => ({ ...s, text: { ...s.text } })),
        options: a.config.options.map((o) => structuredClone(o)),
        weights: { mode: weights.mode, voteActivityId: weights.voteActivityId === null ? null : (ids.get(weights.voteActivityId) ?? null) },
      },
      status: 'pending',
      revealed: false,
      openedAt: null,
      endsAt: null,
    };
  });
}

/**
 * The value order by the previous meeting's last vote with answers: the vote's values by
 * position (ties in the vote's order; a value merged since brings the card it lives on now
 * along, right after it), then every other value in its previous order.
 */
function rankedOrder(previous: WorkshopState): string[] {
  const known = previous.valueOrder.filter((id) => getOwn(previous.values, id) !== undefined);
  const last = lastVote(previous);
  if (!last) return known;
  const placed = new Set<string>();
  const out: string[] = [];
  const place = (id: string) => {
    if (!placed.has(id) && getOwn(previous.values, id) !== undefined) {
      placed.add(id);
      out.push(id);
    }
  };
  for (const v of last.vote.values) {
    place(v.valueId);
    place(resolveValueId(previous, v.valueId));
  }
  for (const id of known) place(id);
  return out;
}

/** A value carried into the next meeting: everything kept but who proposed it (participants are per meeting). */
function carriedValue(v: Value): Value {
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    ...(v.i18n ? { i18n: structuredClone(v.i18n) } : {}),
    origin: v.origin,
    proposedBy: null,
    groupId: v.groupId,
    hidden: v.hidden,
    mergedInto: v.mergedInto,
    mergedFrom: [...v.mergedFrom],
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

/**
 * The state of a new meeting of a process. `process` is as it is before the meeting is added;
 * `previous` is the state of the meeting it starts from (the latest), or null for the first.
 * The new meeting's number is one more than `meetingIds.length` or than the previous meeting's
 * number, whichever is higher (so a deleted meeting never makes two meetings share a number).
 *
 * - First meeting: `body.template`'s cards and agenda, and the process's groups with the same
 *   ids, names, i18n and invited numbers.
 * - Later meeting: the previous meeting's groups (ids kept; name, i18n and invited from the
 *   process's group with that id; process groups the previous meeting lacks are added after
 *   them) and all its values, hidden and merged ones too, with ids, merges and provenance kept
 *   and `proposedBy` null. Stories, participants and answers are not carried. The agenda is the
 *   previous meeting's, reset (`body.agenda` 'previous'), or a template's; with
 *   `body.rankingOrder` the values are in the order of the previous meeting's last vote with
 *   answers (rankedOrder), else in the previous order. The previous group size threshold is kept.
 *
 * Title, allowNames and allowProposals come from the body; joining is open; `process` names the
 * process and the meeting's number.
 */
export function meetingState(process: ProcessState, previous: WorkshopState | null, body: CreateMeetingBody, ctx: MeetingContext): WorkshopState {
  const ref = { id: process.id, code: process.code, title: process.title, meeting: Math.max(process.meetingIds.length, previous?.process?.meeting ?? 0) + 1 };
  const fresh = {
    process: ref,
    feedback: [],
    feedbackPublishedAt: null,
    liveEndedAt: null,
    online: null,
  } satisfies Partial<WorkshopState>;
  if (previous === null) {
    const base = createWorkshop(
      {
        title: body.title,
        template: body.template,
        language: process.language,
        groups: process.groups.map((g) => g.name),
        allowNames: body.allowNames,
        allowProposals: body.allowProposals,
      },
      ctx,
    );
    return { ...base, groups: process.groups.map(groupOf), ...fresh };
  }
  const processGroups = new Map(process.groups.map((g) => [g.id, g]));
  const kept = previous.groups.map((g): Group => {
    const pg = processGroups.get(g.id);
    return pg ? groupOf(pg) : { id: g.id, name: g.name, ...(g.i18n ? { i18n: g.i18n } : {}), invited: g.invited ?? null };
  });
  const added = process.groups.filter((g) => !previous.groups.some((p) => p.id === g.id)).map(groupOf);
  const values: Record<string, Value> = {};
  for (const id of previous.valueOrder) {
    const v = getOwn(previous.values, id);
    if (v) values[id] = carriedValue(v);
  }
  return {
    id: ctx.id,
    code: ctx.code,
    title: body.title,
    language: process.language,
    template: previous.template,
    hostTokenHash: ctx.hostTokenHash,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    seq: 0,
    settings: { allowProposals: body.allowProposals, allowNames: body.allowNames, minGroupSize: previous.settings.minGroupSize, joiningOpen: true },
    groups: [...kept, ...added],
    participants: {},
    values,
    valueOrder: body.rankingOrder ? rankedOrder(previous) : previous.valueOrder.filter((id) => getOwn(previous.values, id) !== undefined),
    stories: {},
    activities: body.agenda === 'previous' ? resetActivities(previous, ctx.newId) : templateActivities(body.agenda, ctx.newId),
    currentActivityId: null,
    answers: {},
    openAnswerEndorsements: {},
    summaryPublishedAt: null,
    ...fresh,
  };
}
