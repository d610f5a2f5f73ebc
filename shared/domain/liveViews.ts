import type { DomainEvent } from './events.js';
import { kindModule } from '../kinds/index.js';
import { activityResults, answerCounts, voteResults, type VoteActivity } from './results.js';
import type { VoteResults } from '../consensus/index.js';
import { directParts, hostView, phoneView, publicView, type HostView, type PhoneView, type PublicView, type SelfView, type ViewParts } from './views.js';
import type { WorkshopState } from './types.js';
import { CAPS, type Caps } from './limits.js';
import { feedbackAboutYou, valuesAnswered, type SaidBy } from './feedback.js';
import { getOwn } from './own.js';

/**
 * What each stored event can change, as counters. A view part is kept until one of the
 * counters it depends on moves, so the cost of a flush follows what changed: an answer moves
 * only its activity's counter, and the next view recomputes that activity's counts and results
 * and reuses the values, stories, participants and every other activity's results.
 */
interface Versions {
  /** Anything results read besides answers: groups, settings, values (hidden, merged), participants' groups and removals, activity configs and order. */
  inputs: number;
  /** Per activity: its answers. */
  answers: Map<string, number>;
  /** Open-answer endorsements (the scan wall's counts). */
  endorsements: number;
  /** Values, stories and what they show (names, removals). */
  content: number;
  /** Who is in the room. */
  participants: number;
  /** Everything a phone's view shows besides values, stories and results: activities, settings, groups, the summary flag. */
  room: number;
  /** The feedback entries (what a phone shows of them only once published). */
  feedback: number;
  /** Besides who is in the room, what representation reads: invited numbers and when the live session ended. */
  turnout: number;
}

/** Events that change nothing results read (besides answers and endorsements, counted apart). */
const NOT_RESULT_INPUTS: ReadonlySet<DomainEvent['type']> = new Set([
  'participant:joined',
  'answer:submitted',
  'open-answer:endorsed',
  'story:added',
  'story:hidden',
  'story:endorsed',
  'summary:published',
  'activity:extended',
  'feedback:entrySet',
  'feedback:entryRemoved',
  'feedback:published',
  'groups:invited',
]);

const CONTENT: ReadonlySet<DomainEvent['type']> = new Set([
  'workshop:created',
  'value:added',
  'value:edited',
  'value:hidden',
  'value:merged',
  'story:added',
  'story:hidden',
  'story:endorsed',
  'participant:updated',
  'participant:removed',
  'participant:erased',
  'settings:changed',
]);

const PARTICIPANTS: ReadonlySet<DomainEvent['type']> = new Set(['workshop:created', 'participant:joined', 'participant:updated', 'participant:removed', 'participant:erased']);

/** Events a phone's view does not show, whatever they are about (results and the summary are keyed apart). */
const NOT_ROOM: ReadonlySet<DomainEvent['type']> = new Set(['participant:joined', 'answer:submitted', 'open-answer:endorsed', 'feedback:entrySet', 'feedback:entryRemoved']);

const FEEDBACK: ReadonlySet<DomainEvent['type']> = new Set(['workshop:created', 'feedback:entrySet', 'feedback:entryRemoved', 'feedback:published']);

const TURNOUT: ReadonlySet<DomainEvent['type']> = new Set(['workshop:created', 'groups:invited', 'online:opened']);

interface Entry {
  key: string;
  value: unknown;
  /** When it was computed (the clock given to LiveViews). */
  at: number;
}

export interface LiveViewsOptions {
  /** The clock results throttling reads; default Date.now. */
  clock?: () => number;
  /**
   * While only an activity's answers change (a vote in progress) and the room has not been
   * shown its results, the host's view recomputes them at most this often; 0 (default)
   * recomputes them after every change. Counts, and everything the room sees, are always exact. Results for 2,000 answers cost tens of ms; ten flushes a second would spend most of
   * a core on numbers nobody can read that fast.
   */
  resultsRefreshMs?: number;
  /** The caps the server enforces, sent in every view; default CAPS. */
  caps?: Caps;
}

/**
 * The views of one live workshop, built once per version and shared by every socket that
 * needs them: a reconnect wave of 2,000 phones costs one phone view, not 2,000. Pure (no I/O):
 * the server tells it about committed events (observe) and about a replaced state (reset).
 */
export class LiveViews {
  private versions: Versions = freshVersions();
  private entries = new Map<string, Entry>();
  private readonly parts: ViewParts;
  private readonly clock: () => number;
  private readonly refreshMs: number;
  /** When the oldest results handed out in place of newer ones are due for a recompute; null when none are. */
  private dueAt: number | null = null;
  private index: SelfIndex | null = null;
  /** Set while the host's view is built: results of unrevealed activities may be throttled. */
  private mayLag = false;

  constructor(
    private readonly state: () => WorkshopState,
    options: LiveViewsOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.refreshMs = options.resultsRefreshMs ?? 0;
    const caps = options.caps ?? CAPS;
    const direct = (): ViewParts => directParts(this.state(), caps);
    this.parts = {
      results: (id) => this.throttled(id, `results:${id}`, this.resultsKey(id), () => activityResults(this.state(), id, this.voteOf)),
      answerCounts: (id) => this.memo(`counts:${id}`, `${this.versions.inputs}:${this.answersOf(id)}`, () => answerCounts(this.state(), id)),
      participation: () => this.memo('participation', `${this.versions.participants}`, () => direct().participation()),
      values: () => this.memo('values', `${this.versions.content}`, () => direct().values()),
      valueTitles: () => this.memo('valueTitles', `${this.versions.content}`, () => direct().valueTitles()),
      activities: () => this.memo('activities', `${this.versions.room}:${this.versions.inputs}`, () => direct().activities()),
      allStories: () => this.memo('allStories', `${this.versions.content}`, () => direct().allStories()),
      allValues: () => this.memo('allValues', `${this.versions.content}`, () => direct().allValues()),
      participants: () => this.memo('participants', `${this.versions.participants}`, () => direct().participants()),
      duplicates: () => this.memo('duplicates', `${this.versions.content}`, () => direct().duplicates()),
      // Who joined when and the current step: the burst warning looks at both.
      joins: () => this.memo('joins', `${this.versions.participants}:${this.versions.room}`, () => direct().joins()),
      // Values (added, hidden, merged) and activities (configs, status): what a ballot would hold.
      ballotCaps: () => this.memo('ballotCaps', `${this.versions.inputs}:${this.versions.room}`, () => direct().ballotCaps()),
      caps: () => caps,
      // Who took part (joins, removals, group changes), invited numbers and the end of the live session.
      representation: () => this.memo('representation', `${this.versions.participants}:${this.versions.turnout}`, () => direct().representation()),
    };
  }

  /** Committed events: move the counters of what they change. */
  observe(events: readonly DomainEvent[]): void {
    const v = this.versions;
    for (const e of events) {
      this.index?.observe(e);
      if (!NOT_RESULT_INPUTS.has(e.type) && !(e.type === 'activity:controlled' && e.action !== 'open')) v.inputs++;
      if (e.type === 'answer:submitted') v.answers.set(e.activityId, (v.answers.get(e.activityId) ?? 0) + 1);
      if (e.type === 'open-answer:endorsed') v.endorsements++;
      if (CONTENT.has(e.type)) v.content++;
      if (PARTICIPANTS.has(e.type)) v.participants++;
      if (!NOT_ROOM.has(e.type)) v.room++;
      if (FEEDBACK.has(e.type)) v.feedback++;
      if (TURNOUT.has(e.type)) v.turnout++;
      if (e.type === 'participant:erased') {
        // An erase takes answers, endorsements and stories out of every part: nothing cached holds.
        for (const id of new Set([...v.answers.keys(), ...Object.keys(this.state().answers)])) v.answers.set(id, (v.answers.get(id) ?? 0) + 1);
        v.endorsements++;
        this.index = null;
      }
    }
  }

  /** The state was replaced (loaded again): nothing cached can be trusted. */
  reset(): void {
    this.versions = freshVersions();
    this.entries = new Map();
    this.index = null;
    this.dueAt = null;
  }

  board(): PublicView {
    return this.view('board', `${this.state().seq}`, () => publicView(this.state(), this.parts));
  }

  /**
   * The host's view. Only here may results lag their answers (see resultsRefreshMs), and only
   * those of activities whose results the room has not seen: what the room is shown is exact,
   * and the console shows the same numbers as the room.
   */
  host(): HostView {
    return this.view('host', `${this.state().seq}`, () => {
      this.mayLag = true;
      try {
        return hostView(this.state(), this.parts);
      } finally {
        this.mayLag = false;
      }
    });
  }

  /** The phones' view; `phoneKey()` tells whether it changed since a key seen before. */
  phone(): PhoneView {
    return this.view('phone', this.phoneKey(), () => phoneView(this.state(), this.parts));
  }

  /**
   * When views handed out since the last call hold results older than the answers (throttled),
   * the time they are due to be recomputed: send the views again then. Null when all were current.
   */
  takeDue(): number | null {
    const due = this.dueAt;
    this.dueAt = null;
    return due;
  }

  /**
   * Changes exactly when the phone view can: the room's and the content's counters, the
   * current activity's results once revealed, the whole summary once it is sent, and the
   * feedback entries once published (a draft's edits send phones nothing).
   */
  phoneKey(): string {
    const s = this.state();
    const v = this.versions;
    const current = s.activities.find((a) => a.id === s.currentActivityId);
    const results = current?.revealed ? this.resultsKey(current.id) : '-';
    const summary = s.summaryPublishedAt === null ? '-' : `${v.inputs}:${v.endorsements}:${v.participants}:${[...v.answers.values()].join(',')}`;
    const feedback = (s.feedbackPublishedAt ?? null) === null ? '-' : `${v.feedback}`;
    return `${v.room}|${v.content}|${v.inputs}|${results}|${summary}|${feedback}`;
  }

  /** Moves whenever who is in the room, or in which group, changes (joins, group changes, removals). */
  participantsVersion(): number {
    return this.versions.participants;
  }

  /** A participant's own view, from an index of who wrote and endorsed what, built once. */
  self(participantId: string): SelfView | null {
    this.index ??= new SelfIndex(this.state());
    return this.index.view(this.state(), participantId);
  }

  /** A view memoised by key, unless it holds throttled results: that one is built again next time. */
  private view<T>(name: string, key: string, compute: () => T): T {
    const before = this.dueAt;
    this.dueAt = null;
    const value = this.memo(name, key, compute);
    if (this.dueAt !== null) this.entries.delete(name);
    this.dueAt = minDue(before, this.dueAt);
    return value;
  }

  /**
   * memo(), except that when only answers changed since the entry was computed (same inputs
   * version, the first part of the key) and it is younger than resultsRefreshMs, the entry is
   * kept and its recompute falls due.
   */
  private throttled<T>(activityId: string, name: string, key: string, compute: () => T): T {
    const entry = this.entries.get(name);
    const lag = this.mayLag && this.refreshMs > 0 && this.state().activities.find((a) => a.id === activityId)?.revealed === false;
    if (entry && entry.key !== key && lag && sameInputs(entry.key, key)) {
      const due = entry.at + this.refreshMs;
      if (this.clock() < due) {
        this.dueAt = minDue(this.dueAt, due);
        return entry.value as T;
      }
    }
    return this.memo(name, key, compute);
  }

  private readonly voteOf = (state: WorkshopState, activity: VoteActivity): VoteResults =>
    this.throttled(activity.id, `vote:${activity.id}`, `${this.versions.inputs}:${this.answersOf(activity.id)}`, () => voteResults(state, activity));

  private answersOf(activityId: string): number {
    return this.versions.answers.get(activityId) ?? 0;
  }

  /**
   * What an activity's results read (KindModule.resultsInputs): its answers, other activities'
   * answers (a vote's previous round, an options activity's weighting vote) and, for a kind with
   * open answers, the wall's endorsements.
   */
  private resultsKey(activityId: string): string {
    const s = this.state();
    const activity = s.activities.find((a) => a.id === activityId);
    if (!activity) return `${this.versions.inputs}:none`;
    const inputs = kindModule(activity.kind).resultsInputs(s, activity);
    const others = inputs.activityIds.length ? inputs.activityIds.map((id) => `${id}=${this.answersOf(id)}`).join(',') : '-';
    return `${this.versions.inputs}:${this.answersOf(activityId)}:${others}:${inputs.endorsements ? this.versions.endorsements : '-'}`;
  }

  private memo<T>(name: string, key: string, compute: () => T): T {
    const entry = this.entries.get(name);
    if (entry && entry.key === key) return entry.value as T;
    const value = compute();
    this.entries.set(name, { key, value, at: this.clock() });
    return value;
  }
}

function sameInputs(a: string, b: string): boolean {
  return a.slice(0, a.indexOf(':')) === b.slice(0, b.indexOf(':'));
}

function minDue(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/**
 * Who wrote, endorsed and proposed what, per participant, kept up to date from the events:
 * a self view then costs what that participant did, not a scan of every story in the room.
 * Lists keep the order selfView() gives them (the order stories, values and wall entries came).
 */
class SelfIndex {
  private readonly storyOrdinal = new Map<string, number>();
  private readonly wallOrdinal = new Map<string, number>();
  private readonly stories = new Map<string, string[]>();
  private readonly endorsed = new Map<string, string[]>();
  private readonly proposed = new Map<string, string[]>();
  private readonly endorsedWall = new Map<string, string[]>();

  constructor(state: WorkshopState) {
    for (const s of Object.values(state.stories)) {
      this.addStory(s.id, s.participantId);
      for (const p of s.endorsements) push(this.endorsed, p, s.id);
    }
    for (const id of state.valueOrder) {
      const by = Object.hasOwn(state.values, id) ? state.values[id]?.proposedBy : null;
      if (by) push(this.proposed, by, id);
    }
    for (const [id, who] of Object.entries(state.openAnswerEndorsements)) {
      this.wallOrdinal.set(id, this.wallOrdinal.size);
      for (const p of who) push(this.endorsedWall, p, id);
    }
  }

  observe(e: DomainEvent): void {
    if (e.type === 'story:added') this.addStory(e.story.id, e.story.participantId);
    else if (e.type === 'story:endorsed' && !this.endorsed.get(e.participantId)?.includes(e.storyId)) push(this.endorsed, e.participantId, e.storyId);
    else if (e.type === 'value:added' && e.value.proposedBy) push(this.proposed, e.value.proposedBy, e.value.id);
    else if (e.type === 'open-answer:endorsed') {
      if (!this.wallOrdinal.has(e.openAnswerId)) this.wallOrdinal.set(e.openAnswerId, this.wallOrdinal.size);
      if (!this.endorsedWall.get(e.participantId)?.includes(e.openAnswerId)) push(this.endorsedWall, e.participantId, e.openAnswerId);
    }
  }

  view(state: WorkshopState, participantId: string): SelfView | null {
    const p = Object.hasOwn(state.participants, participantId) ? state.participants[participantId] : undefined;
    if (!p || p.removed) return null;
    const byOrdinal = (ordinal: Map<string, number>) => (a: string, b: string) => (ordinal.get(a) ?? 0) - (ordinal.get(b) ?? 0);
    const storyIds = this.stories.get(p.id) ?? [];
    const proposedValueIds = [...new Set(this.proposed.get(p.id) ?? [])];
    return {
      seq: state.seq,
      participant: { id: p.id, name: p.name, groupId: p.groupId },
      storyIds: [...storyIds],
      endorsedStoryIds: [...new Set(this.endorsed.get(p.id) ?? [])].sort(byOrdinal(this.storyOrdinal)),
      proposedValueIds,
      answers: Object.fromEntries(
        Object.entries(state.answers).flatMap(([activityId, byParticipant]) => {
          const mine = Object.hasOwn(byParticipant, p.id) ? byParticipant[p.id] : undefined;
          return mine ? [[activityId, { answerId: mine.answerId, answer: mine.answer, at: mine.at }]] : [];
        }),
      ),
      endorsedOpenAnswerIds: [...new Set(this.endorsedWall.get(p.id) ?? [])].sort(byOrdinal(this.wallOrdinal)),
      feedbackAboutYou: (state.feedbackPublishedAt ?? null) === null ? [] : feedbackAboutYou(state, saidFromIndex(state, p.id, storyIds, proposedValueIds)),
    };
  }

  private addStory(storyId: string, participantId: string): void {
    // Built from a state that may already hold an event it is told about next: count it once.
    if (this.storyOrdinal.has(storyId)) return;
    this.storyOrdinal.set(storyId, this.storyOrdinal.size);
    push(this.stories, participantId, storyId);
  }
}

/**
 * What one participant said (feedbackAboutYou), from the index's lists of their stories and
 * proposals and their answers: costs what they did and the number of activities, not the room.
 */
function saidFromIndex(state: WorkshopState, participantId: string, storyIds: readonly string[], proposedValueIds: readonly string[]): SaidBy {
  const valueIds = new Set(proposedValueIds);
  for (const id of storyIds) {
    const st = getOwn(state.stories, id);
    if (st) {
      valueIds.add(st.valueId);
      valueIds.add(st.originalValueId);
    }
  }
  const answeredActivityIds = new Set<string>();
  for (const a of state.activities) {
    const mine = getOwn(getOwn(state.answers, a.id) ?? {}, participantId);
    if (!mine) continue;
    answeredActivityIds.add(a.id);
    for (const id of valuesAnswered(mine.answer)) valueIds.add(id);
  }
  return { valueIds, answeredActivityIds };
}

function push(map: Map<string, string[]>, key: string, item: string): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function freshVersions(): Versions {
  return { inputs: 0, answers: new Map(), endorsements: 0, content: 0, participants: 0, room: 0, feedback: 0, turnout: 0 };
}

