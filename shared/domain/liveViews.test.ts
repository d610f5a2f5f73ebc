import { describe, expect, it } from 'vitest';
import { commandSchemas, type Command } from '../protocol/commands.js';
import { applyInPlace } from './apply.js';
import { decide, type Actor } from './decide.js';
import type { DomainEvent } from './events.js';
import { LiveViews, type LiveViewsOptions } from './liveViews.js';
import { activityValueIds } from './rules.js';
import { DomainHarness, HOST } from './testing.js';
import { hostView, phoneView, publicView, selfView } from './views.js';

/** mulberry32: a small seeded PRNG, so a failing walk is a number to replay. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random walk of commands, applied in place as the server applies them. After every step the
 * cached views must equal views built from scratch, and the phone key must move whenever the
 * phone's view changed: a cache that misses a change would show the room stale numbers.
 */
/** `issue12Share`: the share of steps that are, besides the 2% of the mix, feedback, online and invited-number commands. */
function walk(seed: number, steps: number, issue12Share = 0) {
  const rnd = prng(seed);
  const extra = prng(seed + 7919);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const h = new DomainHarness({ title: 'Walk', template: 'heat-transition', groups: ['A', 'B', 'C'] });
  const state = h.state;
  const views = new LiveViews(() => state);
  const people: (Actor & { role: 'participant' })[] = [];
  let accepted = 0;
  let previousPhone = JSON.stringify(phoneView(state));
  let previousKey = views.phoneKey();

  const run = (type: Command['type'], payload: unknown, actor: Actor, tokenHash?: string): DomainEvent[] => {
    const parsed = commandSchemas[type].safeParse(payload);
    if (!parsed.success) return [];
    h.now += 1000;
    const r = decide(state, { type, payload: parsed.data } as Command, actor, h.ctx(tokenHash ? { tokenHash } : {}));
    if (!r.ok || r.value.length === 0) return [];
    for (const e of r.value) applyInPlace(state, e);
    views.observe(r.value);
    accepted++;
    return r.value;
  };

  for (let step = 0; step < steps; step++) {
    if (issue12Share > 0 && extra() < issue12Share && people.length > 0) {
      issue12Step(step, pick(state.activities), pick(state.valueOrder) ?? 'none');
      check(step);
      continue;
    }
    const someone = pick(people);
    const value = pick(state.valueOrder) ?? 'none';
    const activity = pick(state.activities);
    const story = pick(Object.keys(state.stories)) ?? 'none';
    const roll = rnd();
    if (roll < 0.12 || !someone) {
      const events = run('participant:join', { groupId: pick(state.groups)?.id, name: rnd() < 0.5 ? `P${step}` : undefined }, { role: 'visitor' }, `tok${step}`);
      const joined = events.find((e) => e.type === 'participant:joined');
      if (joined?.type === 'participant:joined') people.push({ role: 'participant', participantId: joined.participant.id });
    } else if (roll < 0.45 && activity) {
      // Answers: a valid one for the current activity most of the time.
      const current = state.activities.find((a) => a.id === state.currentActivityId) ?? activity;
      const ids = activityValueIds(state, current);
      const shuffled = [...ids].sort(() => rnd() - 0.5);
      const answer =
        current.kind === 'dots'
          ? { kind: 'dots', dots: { [shuffled[0] ?? value]: 1 } }
          : current.kind === 'rank'
            ? { kind: 'rank', order: shuffled.slice(0, Math.min(current.config.rankK ?? ids.length, ids.length)) }
            : current.kind === 'points'
              ? { kind: 'points', points: { [shuffled[0] ?? value]: 100 } }
              : current.kind === 'options'
                ? { kind: 'options', ratings: { [current.config.options[0]?.id ?? 'none']: { [shuffled[0] ?? value]: 1 } }, why: rnd() < 0.5 ? { [current.config.options[1]?.id ?? 'none']: 'Warm' } : {} }
                : { kind: 'scan', scores: Object.fromEntries(current.config.statements.map((s) => [s.id, 1 + Math.floor(rnd() * 5)])), wentWell: rnd() < 0.5 ? 'Fijn' : '', couldBeBetter: 'Sneller' };
      run('answer:submit', { activityId: current.id, answerId: `a${step}`, answer }, someone);
    } else if (roll < 0.55) {
      run('activity:control', { activityId: activity?.id, action: pick(['open', 'lock', 'unlock', 'close', 'reveal', 'hide'] as const) }, HOST);
    } else if (roll < 0.6) {
      run('agenda:goto', { activityId: activity?.id }, HOST);
    } else if (roll < 0.66) {
      run('value:propose', { title: `Idee ${step}`, description: '' }, someone);
    } else if (roll < 0.72) {
      run('story:add', { valueId: value, text: `Verhaal ${step}` }, someone);
    } else if (roll < 0.76) {
      run('story:endorse', { storyId: story }, someone);
    } else if (roll < 0.79) {
      run('story:hide', { storyId: story, hidden: rnd() < 0.7 }, HOST);
    } else if (roll < 0.82) {
      run('value:hide', { valueId: value, hidden: rnd() < 0.6 }, HOST);
    } else if (roll < 0.84) {
      run('value:merge', { sourceId: value, targetId: pick(state.valueOrder) }, HOST);
    } else if (roll < 0.86) {
      run('value:edit', { valueId: value, title: `Titel ${step}`, description: 'Anders' }, HOST);
    } else if (roll < 0.88) {
      run('participant:update', { groupId: pick(state.groups)?.id }, someone);
    } else if (roll < 0.89) {
      run('participant:remove', { participantId: someone.participantId }, HOST);
    } else if (roll < 0.9) {
      // An erase takes stories, endorsements, answers and wall entries out of every cached part.
      if (rnd() < 0.5) run('participant:erase', { participantId: someone.participantId }, HOST);
      else run('participant:eraseSelf', {}, someone);
    } else if (roll < 0.93) {
      run('settings:update', rnd() < 0.5 ? { minGroupSize: 1 + Math.floor(rnd() * 3) } : { allowNames: rnd() < 0.5 }, HOST);
    } else if (roll < 0.95) {
      run('summary:publish', { published: rnd() < 0.7 }, HOST);
    } else if (roll < 0.97) {
      run('agenda:duplicate', { activityId: activity?.id }, HOST);
    } else if (roll < 0.98) {
      const wall = Object.values(views.host().results).flatMap((r) => r.openAnswers);
      run('open-answer:endorse', { openAnswerId: pick(wall)?.id ?? 'x:y:z:wentWell' }, someone);
    } else {
      issue12Step(step, activity, value);
    }
    check(step);
  }

  /**
   * "You said, we did", the online window and invited numbers: their caches (feedback,
   * representation) and the phone key. Their choices come from a generator of their own, so the
   * walk's other steps stay as they were.
   */
  function issue12Step(step: number, activity: (typeof state.activities)[number] | undefined, value: string): void {
    const own = prng(seed * 1000 + step);
    const rnd = own;
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(own() * xs.length)];
    const r = rnd();
    const options = state.activities.find((a) => a.kind === 'options');
    if (r < 0.35) {
      const target =
        rnd() < 0.5 ? { kind: rnd() < 0.5 ? 'value' : 'tension', id: value, activityId: null } : rnd() < 0.5 ? { kind: 'option', id: options?.config.options[0]?.id, activityId: options?.id } : { kind: 'general', id: null };
      run('feedback:set', { entryId: `f${Math.floor(rnd() * 3)}`, target, decision: `Gedaan ${step}` }, HOST);
    } else if (r < 0.5) run('feedback:remove', { entryId: `f${Math.floor(rnd() * 3)}` }, HOST);
    else if (r < 0.65) run('feedback:publish', { published: rnd() < 0.7 }, HOST);
    else if (r < 0.8) run('online:open', { activityIds: [activity?.id], until: h.now + 1000 + 2 * 3_600_000 }, HOST);
    else if (r < 0.87) run('online:close', {}, HOST);
    else run('groups:invited', { invited: [{ groupId: pick(state.groups)?.id, invited: rnd() < 0.2 ? null : Math.floor(rnd() * 200) }] }, HOST);
  }

  function check(step: number): void {
    expect(views.board(), `board after step ${step}`).toEqual(publicView(state));
    expect(views.host(), `host after step ${step}`).toEqual(hostView(state));
    for (const person of people) expect(views.self(person.participantId), `self after step ${step}`).toEqual(selfView(state, person.participantId));
    // A phone view is kept while nothing a phone shows changes: its seq is the version it was built at.
    const phone = JSON.stringify({ ...phoneView(state), seq: 0 });
    expect(JSON.stringify({ ...views.phone(), seq: 0 }), `phone after step ${step}`).toBe(phone);
    const key = views.phoneKey();
    if (phone !== previousPhone) expect(key, `phone key after step ${step}`).not.toBe(previousKey);
    previousPhone = phone;
    previousKey = key;
  }
  erasures += state.erasedParticipantIds?.length ?? 0;
  return { accepted, state };
}

/** Participants erased over every walk (the walks must have erased someone). */
let erasures = 0;

/** A workshop whose commands are decided, applied in place and observed, as the server does. */
function liveVote(options?: LiveViewsOptions) {
  const h = new DomainHarness({ title: 'Vote', template: 'heat-transition' });
  const state = h.state;
  const views = new LiveViews(() => state, options);
  const exec = (type: Command['type'], payload: unknown, actor: Actor, tokenHash?: string) => {
    const r = decide(state, { type, payload: commandSchemas[type].parse(payload) } as Command, actor, h.ctx(tokenHash ? { tokenHash } : {}));
    if (!r.ok) throw new Error(r.error.message);
    for (const e of r.value) applyInPlace(state, e);
    views.observe(r.value);
    return r.value;
  };
  return { state, views, exec };
}

describe('LiveViews', () => {
  it.each([1, 2, 3, 4, 5, 6])('equal views built from scratch after every step of random walk %i', (seed) => {
    const { accepted, state } = walk(seed, 200);
    // The walk did real work: most steps are accepted commands, with answers among them.
    expect(accepted).toBeGreaterThan(60);
    expect(Object.values(state.answers).flatMap((a) => Object.keys(a)).length).toBeGreaterThan(3);
  }, 60_000);

  it.each([7, 8, 9])('equal views built from scratch after every step of random walk %i, a quarter of it feedback, online windows and invited numbers', (seed) => {
    const { accepted, state } = walk(seed, 200, 0.25);
    expect(accepted).toBeGreaterThan(60);
    // The live session ended in the walk, and answers came in after it.
    expect(state.liveEndedAt).not.toBeUndefined();
    expect(Object.values(state.answers).flatMap((a) => Object.values(a)).filter((x) => x.channel === 'online').length).toBeGreaterThan(0);
    expect(state.feedback?.length).toBeGreaterThan(0);
  }, 60_000);

  it('erased participants in the walks above (so an erase was checked against views built from scratch)', () => {
    expect(erasures).toBeGreaterThan(0);
  });

  it('recomputes results at most once per refresh interval while only answers come in, and says when they are due', () => {
    let now = 1_000;
    const { state, views, exec } = liveVote({ clock: () => now, resultsRefreshMs: 500 });
    const dots = state.activities.find((a) => a.kind === 'dots')!;
    exec('activity:control', { activityId: dots.id, action: 'open' }, HOST);
    const vote = (i: number) => {
      const joined = exec('participant:join', { groupId: state.groups[0]!.id }, { role: 'visitor' }, `t${i}`)[0];
      if (joined?.type !== 'participant:joined') throw new Error('no join');
      exec('answer:submit', { activityId: dots.id, answerId: `a${i}`, answer: { kind: 'dots', dots: { [state.valueOrder[0]!]: 1 } } }, { role: 'participant', participantId: joined.participant.id });
    };
    vote(1);
    expect(views.host().results[dots.id]?.vote?.answers).toBe(1);
    expect(views.takeDue()).toBeNull();
    now += 100;
    vote(2);
    // Counts are exact at once; the results wait, and say when they are due.
    const early = views.host();
    expect(early.answerCounts[dots.id]?.total).toBe(2);
    expect(early.results[dots.id]?.vote?.answers).toBe(1);
    expect(views.takeDue()).toBe(1_500);
    // What the room is shown is never behind, and the console then shows the same.
    expect(views.board().answerCounts[dots.id]?.total).toBe(2);
    now = 1_500;
    expect(views.host().results[dots.id]?.vote?.answers).toBe(2);
    expect(views.takeDue()).toBeNull();
    exec('activity:control', { activityId: dots.id, action: 'reveal' }, HOST);
    now += 10;
    vote(3);
    expect(views.host().results[dots.id]?.vote?.answers).toBe(3);
    expect(views.board().results[dots.id]?.vote?.answers).toBe(3);
    expect(views.takeDue()).toBeNull();
    // Anything else than answers (here: a setting the results read) recomputes at once.
    exec('activity:control', { activityId: dots.id, action: 'hide' }, HOST);
    now += 10;
    const excluded = () => views.host().results[dots.id]?.vote?.lens.excludedGroups.map((g) => g.groupId);
    expect(excluded()).not.toContain(state.groups[0]!.id); // 3 answers, at least 3
    exec('settings:update', { minGroupSize: 4 }, HOST);
    expect(excluded()).toContain(state.groups[0]!.id);
    expect(views.takeDue()).toBeNull();
  });

  it('keeps the phone key still while a vote takes answers, and moves it on reveal', () => {
    const { state, views, exec } = liveVote();
    const dots = state.activities.find((a) => a.kind === 'dots')!;
    exec('activity:control', { activityId: dots.id, action: 'open' }, HOST);
    const key = views.phoneKey();
    const board = views.board();
    for (let i = 0; i < 5; i++) {
      const joined = exec('participant:join', { groupId: state.groups[0]!.id }, { role: 'visitor' }, `t${i}`)[0];
      if (joined?.type !== 'participant:joined') throw new Error('no join');
      exec('answer:submit', { activityId: dots.id, answerId: `a${i}`, answer: { kind: 'dots', dots: { [state.valueOrder[0]!]: 1 } } }, { role: 'participant', participantId: joined.participant.id });
    }
    expect(views.phoneKey()).toBe(key);
    expect(views.board()).not.toBe(board);
    expect(views.board().answerCounts[dots.id]?.total).toBe(5);
    exec('activity:control', { activityId: dots.id, action: 'reveal' }, HOST);
    expect(views.phoneKey()).not.toBe(key);
    expect(views.phone().results[dots.id]?.vote?.answers).toBe(5);
  });
});
