import type { Page } from 'playwright-core';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  openAnswerId,
  type AckResult,
  type ClientToServerEvents,
  type CommandInput,
  type CommandName,
  type CommandResults,
  type CreateWorkshopResponse,
  type HostView,
  type Lang,
  type ServerToClientEvents,
} from '../../shared/index.js';
import type { OptionScore } from '../../shared/kinds/options/model.js';
import { en } from '../../client/src/i18n/en.js';
import { nl } from '../../client/src/i18n/nl.js';
import { BOARD, LAPTOP, PHONE, PRINT } from './viewports.js';

/**
 * Every screen of Raakvlak, in one language, reached as people reach it: a workshop driven step by
 * step through the facilitator's socket, six phones answering over sockets in three groups, and
 * four browser pages — the console on a laptop, the board on a projector, one phone that joined
 * in the browser, and the printable report. At each screen `visit` is called; the accessibility
 * test runs axe there, scripts/screenshots.ts takes a picture. This module imports nothing from
 * vitest, so the script can run it under plain tsx.
 */
export { BOARD, LAPTOP, PHONE, PRINT };

export type Device = 'laptop' | 'board' | 'phone' | 'report';
export const VIEWPORTS: Record<Device, { width: number; height: number }> = { laptop: LAPTOP, board: BOARD, phone: PHONE, report: PRINT };
export type Devices = Record<Device, Page>;

export interface Screen {
  /** e.g. "board-vote-revealed"; unique per language. */
  name: string;
  lang: Lang;
  device: Device;
  page: Page;
  /** A CSS selector of the part this screen is about (a console panel); absent: the whole page. */
  part?: string;
}
export type Visit = (screen: Screen) => Promise<void>;

export const STRINGS = { nl, en } as const;

/** The longest literal piece of a translated string, without its {{placeholders}}: something to wait for. */
export function literal(s: string): string {
  return s
    .split(/\{\{[^}]*\}\}/)
    .map((x) => x.trim())
    .sort((a, b) => b.length - a.length)[0] as string;
}

// ---- Sockets, as a phone or the console speaks them (without the test harness, which needs vitest).

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class Peer {
  private readonly last = new Map<string, unknown>();
  private constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => this.last.set(event, payload));
  }

  static open(url: string, auth: Record<string, unknown>): Promise<Peer> {
    const socket: ClientSocket = connectClient(url, { auth: { protocol: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false });
    const peer = new Peer(socket);
    socket.connect();
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(peer));
      socket.once('connect_error', (err) => reject(new Error(err.message)));
    });
  }

  async ack<K extends CommandName>(event: K, payload: CommandInput<K>): Promise<CommandResults[K]> {
    const result = await new Promise<AckResult<CommandResults[K]>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
      (this.socket.emit as unknown as (e: string, p: unknown, cb: (r: AckResult<CommandResults[K]>) => void) => void).call(this.socket, event, payload, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    if (!result.ok) throw new Error(`${event} refused: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  /** The latest host view that satisfies the predicate (waits up to 5 s for one). */
  async host(predicate: (v: HostView) => boolean = () => true): Promise<HostView> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const v = this.last.get('workshop:host') as HostView | undefined;
      if (v && predicate(v)) return v;
      if (Date.now() > deadline) throw new Error('no matching workshop:host');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

// ---- Pages.

/** Sets the remembered UI language (what the NL/EN toggle stores) on a page of this server. */
export async function useLanguage(page: Page, url: string, lang: Lang): Promise<void> {
  await page.goto(`${url}/join`);
  await page.evaluate((l) => localStorage.setItem('raakvlak.lang', l), lang);
}

async function see(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout });
}

/** Waits until the page's main landmark holds no running CSS transition (bars glide to their length). */
async function still(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || (a.effect?.getTiming().iterations ?? 1) === Infinity), null, { timeout: 5000 });
}

/** Scrolls a part of the page to the top of the window (below any sticky header). */
export async function scrollToPart(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel} on this page`);
    const header = document.querySelector('header');
    const sticky = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().height : 0;
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - sticky - 12);
  }, selector);
}

const TITLES: Record<Lang, string> = { nl: 'Warmteplan Noordwijk', en: 'Heat plan Northside' };

const STORIES: Record<Lang, string[]> = {
  nl: ['Onze energierekening verdubbelde vorige winter; de buren met alleen AOW voelden het het meest.', 'Huurders mogen niet betalen voor de keuzes van de verhuurder.', 'Een koude nacht zonder warmte mag nooit gebeuren.'],
  en: ['Our energy bill doubled last winter; the neighbours on a pension felt it most.', 'Renters should not pay for the landlord’s choices.', 'A cold night without heat is the one thing we may never let happen.'],
};
const PROPOSALS: Record<Lang, [string, string]> = { nl: ['Rustige straten', 'rustige straat'], en: ['Quiet streets', 'quiet street'] };
const OPEN: Record<Lang, { well: string[]; better: string[] }> = {
  nl: { well: ['Iedereen komt voorbereid.', 'De bijeenkomsten zijn open en vriendelijk.'], better: ['We horen te laat over besluiten.', 'Wie wat doet tussen gemeente en corporatie is onduidelijk.'] },
  en: { well: ['Everyone shows up prepared.', 'The meetings are friendly and open.'], better: ['We hear about decisions too late.', 'Roles between the municipality and the housing association are unclear.'] },
};

/** "Why" sentences about the options: the hybrid heat pump (the browser's phone), the heat network, the heat pump. */
const OPTIONS_WHY: Record<Lang, string[]> = {
  nl: ['Nu betaalbaar, en de ketel blijft voor de koudste dagen.', 'Eén leverancier voor de hele straat, maar geen verbouwing in huis.', 'De enige zonder gas; dan moet het stroomnet wel klaar zijn.'],
  en: ['Affordable now, and the boiler stays for the coldest days.', 'One supplier for the whole street, but no building work inside.', 'The only one without gas; the power grid has to be ready for it.'],
};

export interface TourResult {
  code: string;
  hostToken: string;
}

/**
 * Walks every screen in one language. The devices are reused between languages; each language
 * gets its own workshop in that language, so the cards and groups match the interface.
 */
export async function tour(url: string, devices: Devices, lang: Lang, visit: Visit): Promise<TourResult> {
  const T = STRINGS[lang];
  const { laptop, board, phone, report } = devices;
  const at = (device: Device, name: string, part?: string) => visit({ name, lang, device, page: devices[device], ...(part ? { part } : {}) });
  const peers: Peer[] = [];
  try {
    for (const page of Object.values(devices)) await useLanguage(page, url, lang);

    // ---- Home, and the create form with its problems shown.
    await laptop.goto(url);
    await laptop.getByRole('heading', { level: 1 }).first().waitFor();
    await see(laptop, T.home.title);
    await at('laptop', 'home');
    await laptop.locator('form.create-form button[type="submit"]').click();
    await see(laptop, T.home.create.errors.title);
    await laptop.locator('form.create-form [role="alert"]').first().scrollIntoViewIfNeeded();
    await at('laptop', 'create-errors');

    // ---- A workshop in this language, names allowed (so the join form has its name field);
    // six phones in three groups join over sockets, without a name.
    const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: TITLES[lang], template: 'heat-transition', language: lang, allowNames: true }) });
    if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
    const w = (await res.json()) as CreateWorkshopResponse;
    const host = await Peer.open(url, { code: w.code, hostToken: w.hostToken });
    peers.push(host);
    const first = await host.host();
    const [explore, dots, rank1, rank2, scan, options] = first.activities.map((a) => a.id) as [string, string, string, string, string, string];
    const v = first.values.map((x) => x.id);
    const people: Peer[] = [];
    const ids: string[] = [];
    for (const g of [0, 0, 1, 1, 2, 2]) {
      const p = await Peer.open(url, { code: w.code, view: 'phone' });
      peers.push(p);
      ids.push((await p.ack('participant:join', { groupId: first.groups[g]!.id })).participantId);
      people.push(p);
    }

    // ---- The board waits; the phone types a wrong code, then joins in the browser.
    await board.goto(`${url}/b/${w.code}`);
    await see(board, `${w.code.slice(0, 3)} ${w.code.slice(3)}`);
    await at('board', 'board-waiting');

    await phone.goto(`${url}/join`);
    await phone.locator('#join-code').waitFor();
    await at('phone', 'join');
    await phone.locator('#join-code').fill('AB');
    await phone.locator('form.join-code-form button[type="submit"]').click();
    await see(phone, T.join.invalid);
    await at('phone', 'join-error');

    await phone.goto(`${url}/j/${w.code}`);
    await see(phone, T.phone.groupLegend);
    // WCAG 1.3.5: the one field about the person says so, for autofill.
    if ((await phone.locator('input[autocomplete="name"]').count()) !== 1) throw new Error('the join form has no name field with autocomplete="name"');
    await at('phone', 'phone-join');
    await phone.getByRole('radio', { name: first.groups[0]!.name, exact: true }).check({ force: true });
    await phone.getByRole('button', { name: T.phone.joinButton, exact: true }).click();
    await see(phone, T.phone.waitingTitle);
    await at('phone', 'phone-waiting');
    const token = await phone.evaluate((code) => localStorage.getItem(`raakvlak.participant.${code}`), w.code);
    if (!token) throw new Error('the phone did not keep its participant token');
    const me = await Peer.open(url, { code: w.code, participantToken: token });
    peers.push(me);
    const all = [me, ...people];

    // ---- The console before anything runs: agenda, participants, settings.
    await laptop.goto(`${url}/f/${w.code}#${w.hostToken}`);
    await laptop.getByRole('heading', { level: 1, name: TITLES[lang] }).waitFor();
    await see(laptop, literal(T.console.participation.total_other));
    await at('laptop', 'console-agenda', 'section[aria-labelledby="agenda-h"]');
    await at('laptop', 'console-participants', 'section[aria-labelledby="participation-h"]');
    await at('laptop', 'console-settings', 'section[aria-labelledby="settings-h"]');

    // ---- Explore: stories, a recognition, a proposal and its look-alike.
    await host.ack('agenda:goto', { activityId: explore });
    const { storyId } = await people[0]!.ack('story:add', { valueId: v[0]!, text: STORIES[lang][0]! });
    await people[2]!.ack('story:add', { valueId: v[1]!, text: STORIES[lang][1]! });
    await people[4]!.ack('story:add', { valueId: v[3]!, text: STORIES[lang][2]! });
    await people[3]!.ack('story:endorse', { storyId });
    await people[1]!.ack('value:propose', { title: PROPOSALS[lang][0] });
    await people[5]!.ack('value:propose', { title: PROPOSALS[lang][1] });
    await host.host((h) => h.duplicates.length > 0);
    await phone.locator('section.explore').waitFor();
    await see(phone, PROPOSALS[lang][1]);
    await at('phone', 'phone-explore');
    await see(board, STORIES[lang][0]!.slice(0, 30));
    await at('board', 'board-explore');
    await laptop.locator('section[aria-labelledby="dup-h"]').waitFor();
    await see(laptop, STORIES[lang][2]!.slice(0, 30));
    await at('laptop', 'console-moderation', 'section[aria-labelledby="wall-h"]');
    await at('laptop', 'console-duplicates', 'section[aria-labelledby="dup-h"]');
    // The facilitator merges the look-alike, as the suggestion offers.
    const proposed = (await host.host()).allValues;
    const [keep, drop] = PROPOSALS[lang].map((title) => proposed.find((x) => x.title === title)!.id) as [string, string];
    await host.ack('value:merge', { sourceId: drop, targetId: keep });

    // ---- Dots: the phone's input, the board before and after the reveal, the room's result.
    await host.ack('agenda:goto', { activityId: dots });
    await phone.locator('ul.vote-list').waitFor();
    await see(board, literal(T.vote.board.hiddenUntilReveal));
    await at('phone', 'phone-dots');
    const spread = [
      { [v[0]!]: 3, [v[1]!]: 2 },
      { [v[0]!]: 2, [v[2]!]: 3 },
      { [v[1]!]: 3, [v[3]!]: 2 },
      { [v[1]!]: 2, [v[0]!]: 3 },
      { [v[2]!]: 3, [v[3]!]: 2 },
      { [v[4]!]: 2, [v[0]!]: 3 },
      { [v[5]!]: 3, [v[1]!]: 2 },
    ];
    for (const [i, p] of all.entries()) await p.ack('answer:submit', { activityId: dots, answerId: `dots-${i}`, answer: { kind: 'dots', dots: spread[i]! } });
    await see(board, `${T.vote.board.answersIn_other}`);
    await still(board);
    await at('board', 'board-vote');
    await at('laptop', 'console-results-open', 'section[aria-labelledby="vote-panel-h"]');
    await host.ack('activity:control', { activityId: dots, action: 'lock' });
    await host.ack('activity:control', { activityId: dots, action: 'reveal' });
    await board.locator('section.vr').waitFor();
    await still(board);
    await at('board', 'board-vote-revealed');
    await phone.getByRole('region', { name: T.vote.phone.resultHeading }).waitFor();
    await at('phone', 'phone-results');
    await laptop.locator('section[aria-labelledby="vote-panel-h"]').waitFor();
    await still(laptop);
    await at('laptop', 'console-results', 'section[aria-labelledby="vote-panel-h"]');

    // Small groups: two answers each. With the smallest group size at 2 the groups lens shows.
    await host.ack('settings:update', { minGroupSize: 2 });
    await see(board, T.vote.board.lensHeading);
    await still(board);
    await at('board', 'board-lens');

    // ---- 100 points (added to the agenda), the phone's input.
    const { activityId: points } = await host.ack('agenda:add', { kind: 'points', afterActivityId: dots });
    await host.ack('agenda:goto', { activityId: points });
    await phone.locator('.points-input').first().waitFor();
    await at('phone', 'phone-points');

    // ---- Two rounds of ranking; the second shows how places moved.
    await host.ack('agenda:goto', { activityId: rank1 });
    await phone.locator('.rank').waitFor();
    await at('phone', 'phone-rank');
    const orders = [
      [0, 1, 3, 4, 5],
      [0, 1, 5, 3, 4],
      [1, 0, 3, 5, 4],
      [2, 0, 4, 5, 3],
      [0, 2, 4, 3, 5],
      [2, 4, 0, 5, 3],
      [3, 0, 5, 4, 1],
    ];
    for (const [round, activityId] of [rank1, rank2].entries()) {
      if (round === 1) await host.ack('agenda:goto', { activityId });
      for (const [i, p] of all.entries()) {
        const order = (round === 1 && i % 2 === 1 ? [1, ...orders[i]!.filter((k) => k !== 1)].slice(0, 5) : orders[i]!).map((k) => v[k]!);
        await p.ack('answer:submit', { activityId, answerId: `rank${round}-${i}`, answer: { kind: 'rank', order } });
      }
      await host.ack('activity:control', { activityId, action: 'reveal' });
    }
    await board.locator('.vt-move').first().waitFor();
    await still(board);
    await at('board', 'board-round2');
    await phone.getByRole('region', { name: T.vote.phone.resultHeading }).waitFor();
    await at('phone', 'phone-results-rank');

    // ---- The collaboration scan: answering, then the outcome on the board and the phone.
    await host.ack('agenda:goto', { activityId: scan });
    await phone.locator('fieldset.scan-statement').first().waitFor();
    await see(board, literal(T.agenda.board.answered));
    await at('phone', 'phone-scan');
    await at('board', 'board-scan');
    const statements = (await host.host()).activities.find((a) => a.id === scan)!.config.statements;
    for (const [i, p] of all.entries()) {
      // Motivation scores highest and interaction lowest, so the chart and the summary have something to say.
      const lean: Record<string, number> = { motivation: 1, organisation: 0, interaction: -1, result: 0 };
      const scores = Object.fromEntries(statements.map((s, k) => [s.id, Math.min(5, Math.max(1, (i < 4 ? 4 : 3) + (lean[s.factor] ?? 0) + ((k + i) % 3) - 1))]));
      await p.ack('answer:submit', {
        activityId: scan,
        answerId: `scan-${i}`,
        answer: { kind: 'scan', scores, wentWell: OPEN[lang].well[i] ?? '', couldBeBetter: OPEN[lang].better[i - 2] ?? '' },
      });
    }
    await host.ack('activity:control', { activityId: scan, action: 'reveal' });
    await people[3]!.ack('open-answer:endorse', { openAnswerId: openAnswerId(scan, ids[0]!, 'scan-1', 'wentWell') });
    await board.getByRole('table', { name: new RegExp(literal(T.agenda.board.chartTitle)) }).waitFor();
    await still(board);
    await at('board', 'board-scan-results');
    await phone.getByRole('region', { name: T.agenda.scan.resultsHeading }).waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await at('phone', 'phone-scan-results');

    // ---- Weigh the options (the template's last step): the phone's first option, then the
    // outcome on the board, the console and the phone. It opens with the top values of the last
    // revealed vote (the second ranking) and that vote's shares as the weights.
    await host.ack('agenda:goto', { activityId: options });
    await phone.locator('section.opt-card').first().waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await at('phone', 'phone-options');
    const weighed = (await host.host((h) => h.activities.some((a) => a.id === options && a.status === 'open'))).activities.find((a) => a.id === options)!;
    const optionIds = weighed.config.options.map((o) => o.id);
    const valueIds = weighed.config.valueIds ?? [];
    // Each option's lean per value (heat network, heat pump, hybrid, wait); groups and people differ
    // from it a little (one from the municipality cannot live with the heat network), and one
    // person does not know how the heat pump serves the first value.
    const lean = [
      [1, 0, 2, 1, 0, 1],
      [-1, 2, 1, -2, 1, 0],
      [1, 1, 1, 0, 1, 1],
      [2, -1, -1, 1, -1, 0],
    ];
    const scoreOf = (i: number, k: number, j: number): OptionScore | null => {
      if (i === 6 && k === 1 && j === 0) return null;
      const g = i < 3 ? 0 : i < 5 ? 1 : 2;
      const shift = (g === 1 && k === 3 ? -2 : 0) + (g === 2 && k === 0 ? 1 : 0) + (i === 4 && k === 0 ? -2 : 0) - ((i + j) % 3 === 0 ? 1 : 0);
      return Math.max(-2, Math.min(2, (lean[k]?.[j] ?? 0) + shift)) as OptionScore;
    };
    // The why sentences: the browser's phone on the hybrid, the next on the heat network, the next on the heat pump.
    const whyAbout = [2, 0, 1];
    for (const [i, p] of all.entries()) {
      const ratings = Object.fromEntries(optionIds.map((optionId, k) => [optionId, Object.fromEntries(valueIds.map((valueId, j) => [valueId, scoreOf(i, k, j)]))]));
      const about = whyAbout[i];
      const why = about === undefined ? {} : { [optionIds[about]!]: OPTIONS_WHY[lang][i]! };
      await p.ack('answer:submit', { activityId: options, answerId: `options-${i}`, answer: { kind: 'options', ratings, why } });
    }
    await host.ack('activity:control', { activityId: options, action: 'reveal' });
    await people[3]!.ack('open-answer:endorse', { openAnswerId: `${options}:${ids[0]!}:options-1:why.${optionIds[0]!}` });
    await board.locator('table.oft').waitFor();
    await still(board);
    await at('board', 'board-options');
    await laptop.locator('section.options-panel table').waitFor();
    await still(laptop);
    await at('laptop', 'console-options', 'section.options-panel');
    await phone.locator('section.opt-results').waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await at('phone', 'phone-options-results');

    // ---- The summary, on every screen; then the report.
    await host.ack('summary:publish', { published: true });
    await board.getByRole('heading', { level: 1, name: T.agenda.summary.heading }).waitFor();
    await still(board);
    await at('board', 'board-summary');
    await phone.getByRole('region', { name: T.agenda.summary.heading }).waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await at('phone', 'phone-summary');
    await see(laptop, T.agenda.close.published);
    await at('laptop', 'console-summary', 'section[aria-labelledby="close-h"]');

    await report.goto(`${url}/r/${w.code}#${w.hostToken}`);
    await report.getByRole('heading', { level: 1, name: TITLES[lang] }).waitFor();
    await still(report);
    await at('report', 'report');
    return { code: w.code, hostToken: w.hostToken };
  } finally {
    for (const p of peers) p.close();
  }
}
