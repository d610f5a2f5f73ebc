import type { DomainEvent } from './events.js';
import { activityResults, answerCounts, voteResults, type ActivityResults, type AnswerCounts, type VoteActivity } from './results.js';
import type { VoteResults } from '../consensus/index.js';
import { directParts, hostView, phoneView, publicView, selfView, type HostView, type PhoneView, type PublicView, type SelfView, type ViewParts } from './views.js';
import type { WorkshopState } from './types.js';

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
  'settings:changed',
]);

const PARTICIPANTS: ReadonlySet<DomainEvent['type']> = new Set(['workshop:created', 'participant:joined', 'participant:updated', 'participant:removed']);

/** Events a phone's view does not show, whatever they are about (results and the summary are keyed apart). */
const NOT_ROOM: ReadonlySet<DomainEvent['type']> = new Set(['participant:joined', 'answer:submitted', 'open-answer:endorsed']);

interface Entry {
  key: string;
  value: unknown;
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

  constructor(private readonly state: () => WorkshopState) {
    const direct = (): ViewParts => directParts(this.state());
    this.parts = {
      results: (id) => this.memo(`results:${id}`, this.resultsKey(id), () => activityResults(this.state(), id, this.voteOf)),
      answerCounts: (id) => this.memo(`counts:${id}`, `${this.versions.inputs}:${this.answersOf(id)}`, () => answerCounts(this.state(), id)),
      participation: () => this.memo('participation', `${this.versions.participants}`, () => direct().participation()),
      values: () => this.memo('values', `${this.versions.content}`, () => direct().values()),
      valueTitles: () => this.memo('valueTitles', `${this.versions.content}`, () => direct().valueTitles()),
      activities: () => this.memo('activities', `${this.versions.room}:${this.versions.inputs}`, () => direct().activities()),
      allStories: () => this.memo('allStories', `${this.versions.content}`, () => direct().allStories()),
      allValues: () => this.memo('allValues', `${this.versions.content}`, () => direct().allValues()),
      participants: () => this.memo('participants', `${this.versions.participants}`, () => direct().participants()),
      duplicates: () => this.memo('duplicates', `${this.versions.content}`, () => direct().duplicates()),
    };
  }

  /** Committed events: move the counters of what they change. */
  observe(events: readonly DomainEvent[]): void {
    const v = this.versions;
    for (const e of events) {
      if (!NOT_RESULT_INPUTS.has(e.type) && !(e.type === 'activity:controlled' && e.action !== 'open')) v.inputs++;
      if (e.type === 'answer:submitted') v.answers.set(e.activityId, (v.answers.get(e.activityId) ?? 0) + 1);
      if (e.type === 'open-answer:endorsed') v.endorsements++;
      if (CONTENT.has(e.type)) v.content++;
      if (PARTICIPANTS.has(e.type)) v.participants++;
      if (!NOT_ROOM.has(e.type)) v.room++;
    }
  }

  /** The state was replaced (loaded again): nothing cached can be trusted. */
  reset(): void {
    this.versions = freshVersions();
    this.entries = new Map();
  }

  board(): PublicView {
    return this.memo('board', `${this.state().seq}`, () => publicView(this.state(), this.parts));
  }

  host(): HostView {
    return this.memo('host', `${this.state().seq}`, () => hostView(this.state(), this.parts));
  }

  /** The phones' view; `phoneKey()` tells whether it changed since a key seen before. */
  phone(): PhoneView {
    return this.memo('phone', this.phoneKey(), () => phoneView(this.state(), this.parts));
  }

  /**
   * Changes exactly when the phone view can: the room's and the content's counters, the
   * current activity's results once revealed, and the whole summary once it is sent.
   */
  phoneKey(): string {
    const s = this.state();
    const v = this.versions;
    const current = s.activities.find((a) => a.id === s.currentActivityId);
    const results = current?.revealed ? this.resultsKey(current.id) : '-';
    const summary = s.summaryPublishedAt === null ? '-' : `${v.inputs}:${v.endorsements}:${v.participants}:${[...v.answers.values()].join(',')}`;
    return `${v.room}|${v.content}|${v.inputs}|${results}|${summary}`;
  }

  self(participantId: string): SelfView | null {
    return selfView(this.state(), participantId);
  }

  private readonly voteOf = (state: WorkshopState, activity: VoteActivity): VoteResults =>
    this.memo(`vote:${activity.id}`, `${this.versions.inputs}:${this.answersOf(activity.id)}`, () => voteResults(state, activity));

  private answersOf(activityId: string): number {
    return this.versions.answers.get(activityId) ?? 0;
  }

  /** A vote's results read its answers and the previous round's; a scan's, its answers and the wall's endorsements. */
  private resultsKey(activityId: string): string {
    const s = this.state();
    const index = s.activities.findIndex((a) => a.id === activityId);
    const activity = s.activities[index];
    if (!activity) return `${this.versions.inputs}:none`;
    if (activity.kind === 'scan') return `${this.versions.inputs}:${this.answersOf(activityId)}:${this.versions.endorsements}`;
    const previous = s.activities.slice(0, index).reverse().find((a) => a.kind === activity.kind);
    return `${this.versions.inputs}:${this.answersOf(activityId)}:${previous ? this.answersOf(previous.id) : '-'}`;
  }

  private memo<T>(name: string, key: string, compute: () => T): T {
    const entry = this.entries.get(name);
    if (entry && entry.key === key) return entry.value as T;
    const value = compute();
    this.entries.set(name, { key, value });
    return value;
  }
}

function freshVersions(): Versions {
  return { inputs: 0, answers: new Map(), endorsements: 0, content: 0, participants: 0, room: 0 };
}

export type { ActivityResults, AnswerCounts };
