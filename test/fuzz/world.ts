import { isDeepStrictEqual } from 'node:util';
import { type AckResult, type ExportDocument, type HostView, type PublicActivity, type PublicView, type SelfView } from '../../shared/index.js';
import { RESULTS_REFRESH_MS } from '../../server/sockets/broadcaster.js';
import { createWorkshop, startServer, tempDataDir, type StartOptions, type TestServer } from '../integration/harness.js';
import { BoardObserver, ControlledClient, snapshot, type WriteRecord } from './controlledClient.js';
import { Random } from './random.js';

/**
 * One fuzz run: a real server (createApp on a temporary SQLite file), a host and 3–6 phones as
 * ControlledClients, and a seeded random mix of steps. Steps run one at a time and each waits
 * until the server is idle and every live socket has everything the server sent it, so a seed
 * always makes the same run. At the end the network is drained and three things are checked:
 * every acknowledged write is stored, nothing is stored twice, and every client's views equal
 * the snapshot a fresh connection with its credentials gets.
 */

export interface RunResult {
  seed: number;
  steps: string[];
  violations: string[];
  stats: { writes: number; acked: number; refused: number; lostAcks: number; restarts: number; reconnects: number };
  /** Milliseconds spent per kind of step, in setup, waiting for idle, draining and checking. */
  timings: Record<string, number>;
}

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const ACK_LOSS = 0.3;
const MAX_PHONES = 6;
/** Command limits far above anything the fuzz sends (it runs a simulated minute in a few real seconds). */
const FAST = { points: 1_000_000, seconds: 1 };
const GROUPS = ['Residents', 'Municipality', 'Housing'];

/** Steps after which the server may send something: the next step waits until it has. */
const NETWORK_STEPS: ReadonlySet<string> = new Set(['join', 'hostCommand', 'send', 'disconnect', 'reconnect', 'restart']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first path where two JSON values differ, with both sides, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  const show = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v).slice(0, 160));
  return `${path}: ${show(a)} vs ${show(b)}`;
}

function withoutSeq(view: SelfView | null): Omit<SelfView, 'seq'> | null {
  if (!view) return null;
  const { seq: _seq, ...rest } = view;
  return rest;
}

export class World {
  readonly rng: Random;
  readonly log: WriteRecord[] = [];
  readonly steps: string[] = [];
  readonly violations: string[] = [];
  phones: ControlledClient[] = [];
  host!: ControlledClient;
  server!: TestServer;
  private readonly board = new BoardObserver();
  code = '';
  hostToken = '';
  groupIds: string[] = [];
  now = START;
  restarts = 0;
  reconnects = 0;
  private counter = 0;
  private readonly dataDir = tempDataDir();

  constructor(readonly seed: number) {
    this.rng = new Random(seed);
  }

  private options(): StartOptions {
    return {
      dataDir: this.dataDir,
      clock: () => this.now,
      // A short broadcast window keeps each step fast; limits out of the way of a test that
      // sends hundreds of commands in a simulated minute.
      config: { coalesceMs: 1, limits: { participantCommands: FAST, hostCommands: FAST, visitorCommandsPerSocket: FAST } },
    };
  }

  get clients(): ControlledClient[] {
    return [this.host, ...this.phones];
  }

  private note(step: string): void {
    this.steps.push(`${this.steps.length + 1}. ${step}`);
  }

  private serverSeq(): number {
    const w = this.server.app.registry.byCode(this.code);
    if (!w) throw new Error(`no workshop ${this.code} on the server`);
    return w.state.seq;
  }

  /**
   * Waits until the server is idle: every live socket has its acks, the board has a view of the
   * server's seq (so the flush for the last change has gone out to every room), then one
   * barrier per socket so whatever that flush sent each of them has arrived.
   */
  async idle(): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const live = this.clients.filter((c) => c.connected);
      const seq = this.serverSeq();
      // rawSeq is -1 until a socket's snapshot arrived (it may go out a moment after the connect).
      if (live.every((c) => c.awaiting === 0 && c.rawSeq !== -1) && this.board.seq === seq) {
        await Promise.all(live.map((c) => c.barrier()));
        if (this.serverSeq() === seq && live.every((c) => c.awaiting === 0)) return;
        continue;
      }
      if (Date.now() > deadline) {
        const stuck = live.filter((c) => c.awaiting !== 0).map((c) => `${c.name} (awaiting ${c.awaiting})`);
        throw new Error(`seed ${this.seed}: the server did not become idle at seq ${seq} (board at ${this.board.seq}) ${stuck.join(', ')}`);
      }
      await sleep(1);
    }
  }

  async setup(): Promise<void> {
    this.server = await startServer(this.options());
    // Most runs walk the heat-transition agenda (explore, dots, rank, rank, scan); some are a
    // collaboration check-up, a scan from the start, so its open answers get endorsed too.
    const template = this.rng.chance(0.25) ? 'collaboration-checkup' : 'heat-transition';
    const w = await createWorkshop(this.server, { title: `Fuzz ${this.seed}`, template, language: 'en', groups: GROUPS });
    this.code = w.code;
    this.hostToken = w.hostToken;
    await this.board.connect(this.server.url, this.code);
    this.host = new ControlledClient('host', 'host', w.code, w.hostToken, this.log);
    await this.host.connect(this.server.url);
    await this.idle();
    this.host.deliver(null);
    const view = this.host.host as HostView;
    this.groupIds = view.groups.map((g) => g.id);
    const first = view.activities[0] as PublicActivity;
    this.host.command('activity:control', { activityId: first.id, action: 'open' }, this.expectOk(`open ${first.kind}`));
    this.host.send();
    await this.idle();
    const phones = this.rng.between(3, 4);
    for (let i = 0; i < phones; i++) {
      await this.addPhone();
      await this.idle();
    }
    for (const c of this.clients) c.deliver(null);
    this.note(`setup: ${template}, ${phones} phones, ${first.kind} open`);
  }

  private expectOk(what: string) {
    return (result: AckResult<unknown>) => {
      if (!result.ok) this.violations.push(`${what} refused: ${result.error.code} ${result.error.message}`);
    };
  }

  private async addPhone(): Promise<ControlledClient> {
    const phone = new ControlledClient(`phone${this.phones.length + 1}`, 'phone', this.code, null, this.log);
    this.phones.push(phone);
    await phone.connect(this.server.url);
    const group = this.groupIds[this.phones.length % this.groupIds.length] as string;
    phone.join(group);
    phone.send();
    return phone;
  }

  /** `beforeCheck` runs after the drain, before the checks (a test of the checks themselves). */
  async run(steps: number, beforeCheck?: (world: World) => void): Promise<RunResult> {
    await this.setup();
    try {
      this.time('setup');
      for (let i = 0; i < steps; i++) {
        const kind = await this.step();
        this.time(kind);
        this.now += 1000;
        // Steps that only queue, deliver or drop what already arrived give the server nothing to do.
        if (NETWORK_STEPS.has(kind)) await this.idle();
        this.time('idle');
      }
      await this.drain();
      this.time('drain');
      beforeCheck?.(this);
      await this.check();
      this.time('check');
    } finally {
      for (const c of this.clients) c.disconnect();
      this.board.close();
      await this.server.close();
    }
    const count = (s: WriteRecord['status']) => this.log.filter((r) => r.status === s).length;
    return {
      seed: this.seed,
      steps: this.steps,
      violations: this.violations,
      stats: {
        writes: this.log.length,
        acked: count('acked'),
        refused: count('refused'),
        lostAcks: this.log.reduce((n, r) => n + r.lostAcks, 0),
        restarts: this.restarts,
        reconnects: this.reconnects,
      },
      timings: this.timings,
    };
  }

  readonly timings: Record<string, number> = {};
  private last = Date.now();
  private time(what: string): void {
    const now = Date.now();
    this.timings[what] = (this.timings[what] ?? 0) + now - this.last;
    this.last = now;
  }

  /** One random step; returns its kind. */
  private async step(): Promise<string> {
    const rng = this.rng;
    const connected = this.clients.filter((c) => c.connected);
    const kind = rng.weighted({
      join: this.phones.length < MAX_PHONES ? 1 : 0,
      phoneWrite: 8,
      hostCommand: this.host.connected ? 4 : 0,
      send: this.clients.some((c) => c.outgoingCount > 0) ? 7 : 0,
      deliver: this.clients.some((c) => c.inboxCount > 0) ? 7 : 0,
      retry: connected.some((c) => c.retryable > 0) ? 1.5 : 0,
      disconnect: connected.length > 0 ? 1.2 : 0,
      reconnect: connected.length < this.clients.length ? 2 : 0,
      restart: this.restarts < 2 ? 0.5 : 0,
    });
    switch (kind) {
      case 'join': {
        const phone = await this.addPhone();
        this.note(`${phone.name} joins`);
        return kind;
      }
      case 'phoneWrite': {
        const phone = rng.pick(this.phones.filter((p) => p.participantId)) as ControlledClient | undefined;
        if (phone) this.note(`${phone.name}: ${this.phoneWrite(phone)}`);
        return kind;
      }
      case 'hostCommand': {
        // The console is online: half the time its command leaves at once.
        const now = rng.chance(0.5);
        this.note(`host: ${this.hostCommand()}${now ? ', sent' : ''}`);
        if (now) this.host.send();
        return kind;
      }
      case 'send': {
        const client = rng.pick(this.clients.filter((c) => c.outgoingCount > 0)) as ControlledClient;
        this.note(`${client.name} sends ${client.outgoingCount}`);
        client.send();
        return kind;
      }
      case 'deliver': {
        const client = rng.pick(this.clients.filter((c) => c.inboxCount > 0)) as ControlledClient;
        const got = client.deliver(rng, ACK_LOSS);
        // How many views came depends on how the server's flushes fell (a refresh of the console's
        // live results goes out on a real-time timer); the acks do not.
        this.note(`${client.name} receives what came: ${got.acks} acks (${got.lost} lost)`);
        return kind;
      }
      case 'retry': {
        const client = rng.pick(connected.filter((c) => c.retryable > 0)) as ControlledClient;
        this.note(`${client.name} retries ${client.retryable}`);
        client.retry();
        return kind;
      }
      case 'disconnect': {
        const client = rng.pick(connected) as ControlledClient;
        this.note(`${client.name} disconnects`);
        client.disconnect();
        return kind;
      }
      case 'reconnect': {
        const client = rng.pick(this.clients.filter((c) => !c.connected)) as ControlledClient;
        this.note(`${client.name} reconnects`);
        await client.connect(this.server.url);
        this.reconnects++;
        return kind;
      }
      case 'restart':
        this.note('server restarts');
        await this.restart();
        return kind;
    }
  }

  /** Closes the app and the store, then createApp again on the same SQLite file (a new port). */
  private async restart(): Promise<void> {
    await this.server.close();
    const deadline = Date.now() + 3000;
    while (this.clients.some((c) => c.connected) || this.board.connected) {
      if (Date.now() > deadline) throw new Error(`seed ${this.seed}: clients still connected after the server closed`);
      await sleep(1);
    }
    this.server = await startServer(this.options());
    await this.board.connect(this.server.url, this.code);
    this.restarts++;
  }

  private text(prefix: string): string {
    return `${prefix} ${++this.counter}`;
  }

  /** One write a phone makes from the views it has, as the app's phone would offer it. */
  private phoneWrite(phone: ControlledClient): string {
    const rng = this.rng;
    const room = phone.room;
    if (!room) return 'nothing (no view yet)';
    const current = room.activities.find((a) => a.id === room.currentActivityId);
    if (current?.kind === 'explore' && current.status === 'open') {
      const own = new Set([...(phone.self?.storyIds ?? []), ...this.log.filter((r) => r.client === phone.name && r.name === 'story:add').map((r) => r.key)]);
      const endorsed = new Set(phone.self?.endorsedStoryIds ?? []);
      const endorsable = room.values.flatMap((v) => v.stories).filter((s) => !own.has(s.id) && !endorsed.has(s.id) && !phone.hasPending(`endorse:${s.id}`));
      const what = rng.weighted({
        propose: room.settings.allowProposals ? 2 : 0,
        story: room.values.length > 0 ? 4 : 0,
        endorse: endorsable.length > 0 ? 4 : 0,
      });
      if (what === 'propose') {
        const valueId = rng.id();
        phone.write('value:propose', { title: this.text('Proposal'), valueId }, valueId);
        return `proposes ${valueId}`;
      }
      if (what === 'story') {
        const value = rng.pick(room.values) as PublicView['values'][number];
        const storyId = rng.id();
        phone.write('story:add', { valueId: value.id, text: this.text('Story'), storyId }, storyId);
        return `story ${storyId} on ${value.title}`;
      }
      const story = rng.pick(endorsable) as PublicView['values'][number]['stories'][number];
      phone.write('story:endorse', { storyId: story.id }, `endorse:${story.id}`);
      return `endorses ${story.id}`;
    }
    if (current?.kind === 'scan') {
      const wall = (room.results[current.id]?.openAnswers ?? []).filter(
        (o) => !o.id.includes(`:${phone.participantId}:`) && !(phone.self?.endorsedOpenAnswerIds ?? []).includes(o.id) && !phone.hasPending(`open:${o.id}`),
      );
      const what = rng.weighted({ answer: current.status === 'open' ? 3 : 0, endorse: wall.length > 0 ? 3 : 0, group: 1 });
      if (what === 'endorse') {
        const open = rng.pick(wall) as NonNullable<PublicView['results'][string]>['openAnswers'][number];
        phone.write('open-answer:endorse', { openAnswerId: open.id }, `open:${open.id}`);
        return `endorses open answer ${open.id.split(':').slice(2).join(':')}`;
      }
      if (what === 'group') return this.changeGroup(phone);
      const answerId = rng.id();
      phone.supersede((r) => r.name === 'answer:submit' && r.payload.activityId === current.id);
      phone.write('answer:submit', { activityId: current.id, answerId, answer: this.scanAnswer(current) }, answerId);
      return `answers scan ${answerId}`;
    }
    if (current && current.status === 'open' && (current.kind === 'dots' || current.kind === 'rank' || current.kind === 'points')) {
      if (rng.chance(0.1)) return this.changeGroup(phone);
      const answer = this.answerFor(current, room);
      if (!answer) return `nothing (empty ballot for ${current.kind})`;
      const answerId = rng.id();
      phone.supersede((r) => r.name === 'answer:submit' && r.payload.activityId === current.id);
      phone.write('answer:submit', { activityId: current.id, answerId, answer }, answerId);
      return `answers ${current.kind} ${answerId}`;
    }
    return rng.chance(0.2) ? this.changeGroup(phone) : 'nothing (no step open for phones)';
  }

  /** The phone moves to another group; a later move makes an unacknowledged earlier one moot. */
  private changeGroup(phone: ControlledClient): string {
    const groupId = this.rng.pick(this.groupIds) as string;
    phone.supersede((r) => r.name === 'participant:update');
    phone.write('participant:update', { groupId }, `group:${++this.counter}`);
    return `moves to group ${this.groupIds.indexOf(groupId) + 1}`;
  }

  /** A scan answer: some statements scored 1–5, and maybe an open answer or two; never empty. */
  private scanAnswer(activity: PublicActivity): Record<string, unknown> {
    const rng = this.rng;
    const scores: Record<string, number> = {};
    for (const s of activity.config.statements) if (rng.chance(0.6)) scores[s.id] = rng.between(1, 5);
    const wentWell = rng.chance(0.6) ? this.text('Went well') : '';
    const couldBeBetter = rng.chance(0.4) ? this.text('Could be better') : '';
    if (Object.keys(scores).length === 0 && !wentWell && !couldBeBetter) return { kind: 'scan', scores, wentWell: this.text('Went well') };
    return { kind: 'scan', scores, wentWell, couldBeBetter };
  }

  /** A valid answer by the rules of `validateAnswer`, over the ballot the phone's view shows. */
  private answerFor(activity: PublicActivity, room: PublicView): Record<string, unknown> | null {
    const rng = this.rng;
    // The ballot: the values the vote was fixed to (or every visible one), less the hidden ones;
    // valueTitles names every value that is not hidden.
    const ballot = (activity.config.valueIds ?? room.values.map((v) => v.id)).filter((id) => Object.hasOwn(room.valueTitles, id));
    if (ballot.length === 0) return null;
    switch (activity.kind) {
      case 'dots': {
        const total = rng.between(1, activity.config.dotsPerParticipant);
        const dots: Record<string, number> = {};
        for (let i = 0; i < total; i++) {
          const open = ballot.filter((id) => (dots[id] ?? 0) < activity.config.dotsMaxPerValue);
          const id = rng.pick(open);
          if (id === undefined) break;
          dots[id] = (dots[id] ?? 0) + 1;
        }
        return { kind: 'dots', dots };
      }
      case 'rank': {
        const k = Math.min(activity.config.rankK ?? ballot.length, ballot.length);
        return { kind: 'rank', order: rng.shuffle(ballot).slice(0, k) };
      }
      case 'points': {
        const chosen = rng.shuffle(ballot).slice(0, rng.between(1, Math.min(4, ballot.length)));
        const points: Record<string, number> = {};
        let left = 100;
        chosen.forEach((id, i) => {
          const give = i === chosen.length - 1 ? left : rng.between(0, left);
          left -= give;
          if (give > 0) points[id] = give;
        });
        return { kind: 'points', points };
      }
      default:
        return null;
    }
  }

  /** One command from the facilitator's console, chosen from the host view it has. */
  private hostCommand(): string {
    const rng = this.rng;
    const view = this.host.host;
    if (!view) return 'nothing (no view yet)';
    const live = view.allValues.filter((v) => v.mergedInto === null);
    const visible = live.filter((v) => !v.hidden);
    const current = view.activities.find((a) => a.id === view.currentActivityId);
    const openable = view.activities.filter((a) => !(a.id === view.currentActivityId && a.status !== 'closed'));
    const pendingVotes = view.activities.filter((a) => a.status === 'pending' && (a.kind === 'dots' || a.kind === 'rank'));
    const revealable = view.activities.filter((a) => a.kind !== 'explore' && a.status !== 'pending' && !a.revealed);
    const what = rng.weighted({
      add: 2,
      hide: live.length > 0 ? 3 : 0,
      merge: visible.length > 1 ? 2 : 0,
      edit: live.length > 0 ? 2 : 0,
      hideStory: view.allStories.length > 0 ? 3 : 0,
      open: openable.length > 0 ? 4 : 0,
      configure: pendingVotes.length > 0 ? 1 : 0,
      // Revealing the step that runs lets phones see its results (a scan's wall to endorse).
      reveal: revealable.length > 0 ? (current && revealable.includes(current) ? 2.5 : 1) : 0,
      lock: current?.status === 'open' ? 0.5 : 0,
      points: view.activities.some((a) => a.kind === 'points') ? 0 : 0.5,
      proposals: 0.5,
      summary: 0.4,
      duplicate: view.activities.length < 9 ? 0.4 : 0,
      remove: view.activities.length > 3 ? 0.3 : 0,
    });
    const h = this.host;
    switch (what) {
      case 'add': {
        const valueId = rng.id();
        const title = this.text('Card');
        h.write('value:add', { title, valueId }, valueId);
        return `adds ${title} (${valueId})`;
      }
      case 'hide': {
        const v = rng.pick(live) as HostView['allValues'][number];
        h.command('value:hide', { valueId: v.id, hidden: !v.hidden });
        return `${v.hidden ? 'unhides' : 'hides'} ${v.title}`;
      }
      case 'merge': {
        const [source, target] = rng.shuffle(visible) as [HostView['allValues'][number], HostView['allValues'][number]];
        h.command('value:merge', { sourceId: source.id, targetId: target.id });
        return `merges ${source.title} into ${target.title}`;
      }
      case 'edit': {
        const v = rng.pick(live) as HostView['allValues'][number];
        const title = this.text('Edited');
        h.command('value:edit', { valueId: v.id, title, description: v.description });
        return `edits ${v.title} to ${title}`;
      }
      case 'hideStory': {
        const s = rng.pick(view.allStories) as HostView['allStories'][number];
        h.command('story:hide', { storyId: s.id, hidden: !s.hidden });
        return `${s.hidden ? 'unhides' : 'hides'} story ${s.id}`;
      }
      case 'open': {
        // Mostly the next step of the agenda, as a facilitator walks it; sometimes any other.
        const next = view.activities[view.activities.findIndex((x) => x.id === view.currentActivityId) + 1];
        const a = next && openable.includes(next) && rng.chance(0.7) ? next : (rng.pick(openable) as PublicActivity);
        h.command('activity:control', { activityId: a.id, action: 'open' });
        return `opens ${a.kind} #${view.activities.indexOf(a) + 1}`;
      }
      case 'configure': {
        const a = rng.pick(pendingVotes) as PublicActivity;
        const config = a.kind === 'rank' ? { rankK: rng.pick([null, 2, 3, 5]) ?? null } : { dotsPerParticipant: rng.between(2, 8), dotsMaxPerValue: rng.between(1, 3) };
        h.command('activity:configure', { activityId: a.id, ...config });
        return `configures ${a.kind} ${JSON.stringify(config)}`;
      }
      case 'reveal': {
        const a = rng.pick(revealable) as PublicActivity;
        h.command('activity:control', { activityId: a.id, action: 'reveal' });
        return `reveals ${a.kind}`;
      }
      case 'lock':
        h.command('activity:control', { activityId: (current as PublicActivity).id, action: 'lock' });
        return `locks ${(current as PublicActivity).kind}`;
      case 'points':
        h.command('agenda:add', { kind: 'points' });
        return 'adds a points vote';
      case 'proposals':
        h.command('settings:update', { allowProposals: !view.settings.allowProposals });
        return `${view.settings.allowProposals ? 'closes' : 'opens'} proposals`;
      case 'summary':
        h.command('summary:publish', { published: !view.summaryPublished });
        return `${view.summaryPublished ? 'takes back' : 'publishes'} the summary`;
      case 'duplicate': {
        const a = rng.pick(view.activities.filter((x) => x.kind !== 'explore')) as PublicActivity | undefined;
        if (!a) return 'nothing (no vote to repeat)';
        h.command('agenda:duplicate', { activityId: a.id });
        return `repeats ${a.kind} #${view.activities.indexOf(a) + 1}`;
      }
      case 'remove': {
        const a = rng.pick(view.activities.filter((x) => x.kind !== 'explore')) as PublicActivity | undefined;
        if (!a) return 'nothing (no vote to remove)';
        h.command('agenda:remove', { activityId: a.id });
        return `removes ${a.kind} #${view.activities.indexOf(a) + 1}`;
      }
    }
  }

  /** Reconnects everyone, lets every write out and every ack and view in, until nothing is left. */
  private async drain(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      for (const c of this.clients) if (!c.connected) await c.connect(this.server.url);
      // One client at a time: commands on different sockets would race each other to the server.
      for (const c of this.clients) {
        c.retry();
        c.send();
        await this.idle();
      }
      for (const c of this.clients) c.deliver(null);
      if (this.clients.every((c) => c.pendingWrites === 0 && c.outgoingCount === 0 && c.inboxCount === 0)) {
        await this.settleLiveResults();
        return;
      }
    }
    const left = this.clients.filter((c) => c.pendingWrites > 0).map((c) => `${c.name}: ${c.pendingWrites}`);
    this.violations.push(`writes still unacknowledged after draining: ${left.join(', ')}`);
  }

  /**
   * The console's results of an activity whose results the room has not seen may lag their
   * answers by up to RESULTS_REFRESH_MS (real time); the server then sends the views again
   * with the same seq. Waits for that resend after the last answer, and delivers it.
   */
  private async settleLiveResults(): Promise<void> {
    const due = Math.max(...this.clients.map((c) => c.lastAnswerSentAt)) + RESULTS_REFRESH_MS + 100;
    if (due <= Date.now()) return;
    await sleep(due - Date.now());
    await this.idle();
    for (const c of this.clients) c.deliver(null);
  }

  private async check(): Promise<void> {
    await this.checkViews('');
    // Again from a server started afresh on the same file: its views are built from the stored
    // log, with nothing kept from the run, so a view the live server kept too long shows.
    for (const c of this.clients) c.disconnect();
    this.board.close();
    await this.server.close();
    this.server = await startServer(this.options());
    await this.checkViews(' after a restart');
    await this.checkStored();
  }

  /** Each client's latest views equal the snapshot a fresh connection with its credentials gets. */
  private async checkViews(when: string): Promise<void> {
    const fresh = await Promise.all(this.clients.map((c) => snapshot(this.server.url, c.credentials())));
    this.clients.forEach((c, i) => this.compareViews(c, fresh[i] as Map<string, unknown>, when));
  }

  private compareViews(c: ControlledClient, fresh: Map<string, unknown>, when: string): void {
    const roomEvent = fresh.has('workshop:phone') ? 'workshop:phone' : 'workshop:public';
    if (c.roomEvent !== roomEvent) this.violations.push(`${c.name}: has its room view from ${c.roomEvent}, a fresh connection${when} gets ${roomEvent}`);
    // A phone is sent its view only when something it shows changed, so the seq of a phone view
    // is that of the last such change this server process saw; what the view says must be equal.
    const versionless = (view: unknown) => (roomEvent === 'workshop:phone' && view ? { ...(view as object), seq: 'any' } : view);
    const room = firstDifference(versionless(c.room), versionless(fresh.get(roomEvent) ?? null));
    if (room) this.violations.push(`${c.name}: room view differs from a fresh snapshot${when} at ${room}`);
    if (c.kind === 'host') {
      const host = firstDifference(c.host, fresh.get('workshop:host') ?? null);
      if (host) this.violations.push(`host: host view differs from a fresh snapshot${when} at ${host}`);
    } else {
      // A self view is sent when the participant's own data changes, so its seq is that of
      // the last such change; what it says must equal the fresh one.
      const self = firstDifference(withoutSeq(c.self), withoutSeq((fresh.get('participant:self') as SelfView | undefined) ?? null));
      if (self) this.violations.push(`${c.name}: self view differs from a fresh snapshot${when} at ${self}`);
    }
  }

  /** Every acknowledged write is in the export, once; nothing refused or superseded is there. */
  private async checkStored(): Promise<void> {
    const res = await fetch(`${this.server.url}/api/workshops/${this.code}/export`, { headers: { authorization: `Bearer ${this.hostToken}` } });
    if (res.status !== 200) {
      this.violations.push(`export answered ${res.status}`);
      return;
    }
    const doc = (await res.json()) as ExportDocument;
    const bad = (msg: string) => this.violations.push(msg);
    const pidOf = new Map(this.phones.map((p) => [p.name, p.participantId]));
    const storiesById = new Map<string, ExportDocument['stories'][number][]>();
    for (const s of doc.stories) storiesById.set(s.id, [...(storiesById.get(s.id) ?? []), s]);
    const valuesById = new Map<string, ExportDocument['values'][number][]>();
    for (const v of doc.values) valuesById.set(v.id, [...(valuesById.get(v.id) ?? []), v]);
    const ackedStories = new Set<string>();
    const ackedValues = new Set<string>();
    const endorsers = new Map<string, Set<string>>();
    const openEndorsers = new Map<string, Set<string>>();

    for (const r of this.log) {
      const who = `${r.client} ${r.name} ${r.key}`;
      if (r.status === 'pending') bad(`${who}: never resolved`);
      const pid = pidOf.get(r.client) ?? null;
      const refusal = r.error ? ` (refused ${r.error.code}: ${r.error.message}, after ${r.sends} sends, ${r.lostAcks} lost acks)` : '';
      switch (r.name) {
        case 'story:add': {
          const found = storiesById.get(r.key) ?? [];
          if (r.status === 'acked') {
            ackedStories.add(r.key);
            if ((r.ackData as { storyId?: string }).storyId !== r.key) bad(`${who}: acked with storyId ${JSON.stringify(r.ackData)}`);
            if (found.length !== 1) bad(`${who}: acknowledged, stored ${found.length} times`);
            else if (found[0]?.participantId !== pid || found[0]?.text !== r.payload.text) bad(`${who}: stored as ${JSON.stringify(found[0])}`);
          } else if (found.length > 0) bad(`${who}: stored although the phone was told it was not${refusal}`);
          break;
        }
        case 'value:propose':
        case 'value:add': {
          const found = valuesById.get(r.key) ?? [];
          if (r.status === 'acked') {
            if ((r.ackData as { valueId?: string }).valueId !== r.key) bad(`${who}: acked with valueId ${JSON.stringify(r.ackData)}`);
            ackedValues.add(r.key);
            if (found.length !== 1) bad(`${who}: acknowledged, stored ${found.length} times`);
            else if (found[0]?.proposedBy !== (r.name === 'value:add' ? null : pid)) bad(`${who}: stored as ${JSON.stringify(found[0])}`);
          } else if (found.length > 0) bad(`${who}: stored although the client was told it was not${refusal}`);
          break;
        }
        case 'story:endorse': {
          const storyId = r.payload.storyId as string;
          const story = storiesById.get(storyId)?.[0];
          const times = story?.endorsements.filter((e) => e.participantId === pid).length ?? 0;
          if (r.status === 'acked') {
            endorsers.set(storyId, (endorsers.get(storyId) ?? new Set()).add(pid as string));
            if (times !== 1) bad(`${who}: acknowledged, stored ${times} times`);
          } else if (times > 0) bad(`${who}: stored although the phone was told it was not${refusal}`);
          break;
        }
        case 'open-answer:endorse': {
          const id = r.payload.openAnswerId as string;
          const times = (doc.openAnswerEndorsements[id] ?? []).filter((p) => p === pid).length;
          if (r.status === 'acked') {
            openEndorsers.set(id, (openEndorsers.get(id) ?? new Set()).add(pid as string));
            if (times !== 1) bad(`${who}: acknowledged, stored ${times} times`);
          } else if (times > 0) bad(`${who}: stored although the phone was told it was not${refusal}`);
          break;
        }
        default:
          break;
      }
    }
    for (const [id, pids] of Object.entries(doc.openAnswerEndorsements)) {
      const want = [...(openEndorsers.get(id) ?? [])].sort();
      if (!isDeepStrictEqual([...pids].sort(), want)) bad(`open answer ${id}: endorsed by ${pids.join(',')}, acknowledged ${want.join(',')}`);
    }
    for (const phone of this.phones) {
      const latest = this.log.filter((r) => r.client === phone.name && r.name === 'participant:update').at(-1);
      const stored = doc.participants.find((p) => p.id === phone.participantId);
      if (latest?.status === 'acked' && stored?.groupId !== latest.payload.groupId) bad(`${phone.name}: moved to ${String(latest.payload.groupId)} (acknowledged), stored in ${stored?.groupId}`);
    }
    if (doc.stories.length !== ackedStories.size) bad(`export has ${doc.stories.length} stories, ${ackedStories.size} were acknowledged`);
    const made = doc.values.filter((v) => v.origin !== 'template').length;
    if (made !== ackedValues.size) bad(`export has ${made} proposed or added values, ${ackedValues.size} were acknowledged`);
    for (const s of doc.stories) {
      const got = s.endorsements.map((e) => e.participantId).sort();
      const want = [...(endorsers.get(s.id) ?? [])].sort();
      if (!isDeepStrictEqual(got, want)) bad(`story ${s.id}: endorsed by ${got.join(',')}, acknowledged ${want.join(',')}`);
    }
    this.checkAnswers(doc, bad);
  }

  private checkAnswers(doc: ExportDocument, bad: (msg: string) => void): void {
    for (const activity of doc.activities) {
      const stored = new Map(activity.answers.map((a) => [a.participantId, a]));
      if (stored.size !== activity.answers.length) bad(`activity ${activity.id}: a participant has ${activity.answers.length - stored.size} answers too many`);
      for (const phone of this.phones) {
        const mine = this.log.filter((r) => r.client === phone.name && r.name === 'answer:submit' && r.payload.activityId === activity.id);
        const answer = phone.participantId ? stored.get(phone.participantId) : undefined;
        stored.delete(phone.participantId ?? '');
        if (mine.length === 0) {
          if (answer) bad(`${phone.name}: an answer to ${activity.kind} ${activity.id} it never made: ${answer.answerId}`);
          continue;
        }
        const latest = mine.at(-1) as WriteRecord;
        if (answer && !mine.some((r) => r.key === answer.answerId)) bad(`${phone.name}: stored answer ${answer.answerId} is none of its own`);
        if (latest.status === 'acked' && answer?.answerId !== latest.key) {
          bad(`${phone.name}: latest acknowledged answer ${latest.key} to ${activity.kind} is not the stored one (${answer?.answerId ?? 'none'})`);
        }
        if (mine.some((r) => r.status === 'acked') && !answer) bad(`${phone.name}: acknowledged answers to ${activity.kind}, none stored`);
        if (answer && answer.revisions > mine.length) bad(`${phone.name}: ${answer.revisions} revisions from ${mine.length} answers`);
      }
      for (const [pid, a] of stored) bad(`activity ${activity.id}: an answer ${a.answerId} of ${pid}, who is none of the phones`);
    }
  }
}

export async function runSeed(seed: number, steps: number): Promise<RunResult> {
  return new World(seed).run(steps);
}

/** A failure message with the seed, the violations and the last steps, to replay and read. */
export function describeRun(result: RunResult): string {
  return [`seed ${result.seed}: ${result.violations.length} violations`, ...result.violations.slice(0, 12), 'last steps:', ...result.steps.slice(-25)].join('\n');
}
