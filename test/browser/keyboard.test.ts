import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/index.js';
import { connectHost, joinAs, mustAck, waitFor, type TestParticipant } from '../integration/harness.js';
import { LAPTOP, useBrowserSuite } from './harness.js';

/**
 * Issue 10, the facilitator with the keyboard only, on a 1440×900 laptop: create a workshop on
 * the home page, then in the console add a step, start the first, open the vote, reveal it, go
 * on, and send the summary — counting the Tab presses from each action to the next, and
 * checking at every press that the focused control shows a visible focus indicator.
 *
 * Presses count from wherever the previous action left the focus: the fewest of Tab, Shift+Tab,
 * or Tab to "Skip to main content" + Enter + on from there (the link and the Enter both count).
 * The bounds: the live actions (open, reveal, next) sit together in the run bar, so ≤ 10 between
 * them; reaching the agenda, the run bar or the close panel from elsewhere ≤ 20, the width of one
 * side panel. The search walks forward and backward from each start, so the focus indicator is
 * checked on most controls of the home page and the console, not only on the path taken.
 */
const BOUNDS = {
  /** Home page, from the top: skip link, Enter, the title field (the first field of the form). */
  titleField: 5,
  /** From the title field to "Create workshop": template, language, seven group names, two options. */
  createButton: 30,
  /** Console just loaded: to "Add a step" at the end of the agenda (five steps of six controls each). */
  addStep: 20,
  /** From "Add a step" to the library's "Add 100 points". */
  addPoints: 10,
  /** From the library to "Start: Explore" in the run bar. */
  start: 20,
  /** From "Start" to "Next step: Dots" (the vote opens): the same place in the run bar. */
  next: 10,
  /** To "Reveal results: Dots", next to "Next step" in the run bar. */
  reveal: 10,
  /** From the run bar to "Send summary to everyone" in the Close and report panel. */
  summary: 20,
};

const suite = useBrowserSuite();

interface Focused {
  tag: string;
  name: string;
  body: boolean;
  /** :focus-visible matches and an outline (or ring) is drawn around the element. */
  visible: boolean;
  style: string;
  /** Place in document order, to tell a wrap-around from the next control. */
  order: number;
}

/** What has the focus, its accessible-ish name, and whether its focus indicator is drawn. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', name: '', body: true, visible: false, style: '', order: -1 };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const ring = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const labelled = el.getAttribute('aria-labelledby');
    const byId = labelled ? labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const labels = (el as HTMLInputElement).labels;
    const label = labels && labels.length ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
    const name = (el.getAttribute('aria-label') ?? (byId || label || el.textContent || '')).replace(/\s+/g, ' ').trim();
    // A time field's last stop is Chromium's own picker button inside the field: the host does not
    // match :focus-visible then, and the browser draws its default ring around that button.
    const picker = el instanceof HTMLInputElement && el.type === 'time' && !el.matches(':focus-visible');
    const order = Array.prototype.indexOf.call(document.querySelectorAll('*'), el) as number;
    return { order, tag: el.tagName.toLowerCase(), name, body: false, visible: picker || (el.matches(':focus-visible') && (outline || ring)), style: `:focus-visible ${el.matches(':focus-visible')}, outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}` };
  });
}

const presses: { action: string; tabs: number; bound: number; how: string }[] = [];

/**
 * Presses `key` until the focused element's name matches; every stop must show its focus. Past
 * either end of the page the walk has failed: a browser's Tab goes on into its own toolbar there.
 */
async function walk(page: Page, key: 'Tab' | 'Shift+Tab', action: string, name: RegExp): Promise<number | null> {
  const trail: string[] = [];
  let order = (await focused(page)).order;
  for (let n = 1; n <= 150; n++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    trail.push(f.name.slice(0, 40));
    // Back at <body>, or at the other end of the page: the walk went past an end.
    if (f.body || (order >= 0 && (key === 'Tab' ? f.order < order : f.order > order))) return null;
    order = f.order;
    expect(f.visible, `no visible focus on <${f.tag}> "${f.name.slice(0, 60)}" (${f.style}) on ${key} ${n} towards ${action}, after: ${trail.join(' | ')}`).toBe(true);
    if (name.test(f.name)) return n;
  }
  return null;
}

/** Marks where the focus is now, so a second walk can start from the same place. */
const mark = (page: Page) => page.evaluate(() => document.activeElement?.setAttribute('data-kb-start', ''));
const back = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-kb-start]');
    el?.removeAttribute('data-kb-start');
    if (el && el !== document.body) el.focus();
    else {
      // Back to "nothing focused" with the next Tab at the top of the page: blur() alone would
      // leave the browser's sequential-navigation starting point where the last walk ended.
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    }
  });

type Step = { key: 'Tab' | 'Shift+Tab'; until: RegExp } | { key: 'Enter' };

/** Runs a path from the marked start; returns the presses it took, or null if it got nowhere. */
async function follow(page: Page, action: string, path: Step[]): Promise<number | null> {
  let total = 0;
  for (const step of path) {
    if (step.key === 'Enter') {
      await page.keyboard.press('Enter');
      total++;
      continue;
    }
    const n = await walk(page, step.key, action, step.until);
    if (n === null) return null;
    total += n;
  }
  return total;
}

const SKIP = /^Skip to /;

/**
 * The fewest presses from the current focus to the control named `name`: Tab or Shift+Tab
 * straight there, or to a skip link, Enter, and on from where it lands. Then it presses them,
 * so the page ends where a person would be.
 */
async function tabTo(page: Page, action: keyof typeof BOUNDS, name: RegExp): Promise<number> {
  // The previous action may have left the focus on this control already (none pressed then).
  if (name.test((await focused(page)).name)) {
    presses.push({ action, tabs: 0, bound: BOUNDS[action], how: 'already there' });
    return 0;
  }
  const paths: Step[][] = [];
  for (const a of ['Tab', 'Shift+Tab'] as const) {
    paths.push([{ key: a, until: name }]);
  }
  for (const a of ['Tab', 'Shift+Tab'] as const) {
    for (const b of ['Tab', 'Shift+Tab'] as const) paths.push([{ key: a, until: SKIP }, { key: 'Enter' }, { key: b, until: name }]);
  }
  let best: { path: Step[]; n: number } | null = null;
  for (const path of paths) {
    // A skip link costs at least two presses (to it, Enter): no use once the target is that close.
    if (best && best.n <= 2 && path.length > 1) continue;
    await mark(page);
    const n = await follow(page, action, path);
    await back(page);
    if (n !== null && (!best || n < best.n)) best = { path, n };
  }
  if (!best) throw new Error(`${action}: ${name} not reached with Tab, Shift+Tab or a skip link`);
  const n = (await follow(page, action, best.path)) as number;
  presses.push({ action, tabs: n, bound: BOUNDS[action], how: best.path.map((s) => (s.key === 'Enter' ? 'Enter' : `${s.key} to ${s.until === SKIP ? 'skip link' : 'it'}`)).join(', ') });
  return n;
}

const dropped: string[] = [];

/** After an action the focus is on a control, not dropped to <body> (checked at the end). */
async function focusKept(page: Page, action: string): Promise<void> {
  await page.waitForTimeout(300);
  if ((await focused(page)).body) dropped.push(action);
}

describe('the facilitator with the keyboard only', () => {
  it('creates a workshop and runs it to the summary within the Tab bounds, focus always visible', async () => {
    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(`${suite.server.url}/join`);
    await laptop.evaluate(() => localStorage.setItem('raakvlak.lang', 'en'));

    // ---- Home: the title, then "Create workshop".
    await laptop.goto(suite.server.url);
    await laptop.getByLabel('Workshop title').waitFor();
    await tabTo(laptop, 'titleField', /^Workshop title/);
    await laptop.keyboard.type('Heat plan Northside');
    await tabTo(laptop, 'createButton', /^Create workshop$/);
    await laptop.keyboard.press('Enter');
    await laptop.waitForURL(/\/f\/[A-Z0-9]{6}#/, { timeout: 8000 }).catch(async (e) => { await laptop.screenshot({ path: '/tmp/kb.png' }); console.log(JSON.stringify(presses)); throw e; });
    await laptop.getByRole('heading', { level: 1, name: 'Heat plan Northside' }).waitFor();
    const code = new URL(laptop.url()).pathname.split('/').pop() as string;
    const hostToken = decodeURIComponent(new URL(laptop.url()).hash.slice(1));

    // Four phones over sockets, so the vote has answers to reveal.
    const host = await connectHost(suite.server, { code, hostToken });
    const view: HostView = await waitFor(host, 'workshop:host');
    const phones: TestParticipant[] = [];
    for (const g of [0, 0, 1, 2]) phones.push(await joinAs(suite.server, code, view.groups[g]!.id));

    // ---- Console: add a step from the library.
    await tabTo(laptop, 'addStep', /Add a step$/);
    await laptop.keyboard.press('Enter');
    await focusKept(laptop, 'opening the library');
    await tabTo(laptop, 'addPoints', /^Add 100 points$/);
    await laptop.keyboard.press('Enter');
    await expect.poll(async () => (await waitFor(host, 'workshop:host', (h) => h.activities.length === 7)).activities.at(-1)?.kind).toBe('points');
    await focusKept(laptop, 'adding a step');

    // ---- Start the first step, then the vote.
    await tabTo(laptop, 'start', /^Start: Explore$/);
    await laptop.keyboard.press('Enter');
    await waitFor(host, 'workshop:host', (h) => h.currentActivityId === view.activities[0]!.id);
    await focusKept(laptop, 'starting Explore');
    await tabTo(laptop, 'next', /^Next step: Dots$/);
    await laptop.keyboard.press('Enter');
    const dots = view.activities[1]!.id;
    await waitFor(host, 'workshop:host', (h) => h.currentActivityId === dots);
    await focusKept(laptop, 'opening Dots');
    for (const [i, p] of phones.entries()) {
      await mustAck(p.socket, 'answer:submit', { activityId: dots, answerId: `kb-${i}`, answer: { kind: 'dots', dots: { [view.values[i % 3]!.id]: 3, [view.values[3]!.id]: 2 } } });
    }

    // ---- Reveal, go on, send the summary.
    await tabTo(laptop, 'reveal', /^Reveal results.*: Dots$/);
    await laptop.keyboard.press('Enter');
    await waitFor(host, 'workshop:host', (h) => h.activities.find((a) => a.id === dots)?.revealed === true);
    await focusKept(laptop, 'revealing Dots');
    await tabTo(laptop, 'next', /^Next step: Rank$/);
    await laptop.keyboard.press('Enter');
    await waitFor(host, 'workshop:host', (h) => h.currentActivityId === view.activities[2]!.id);
    await focusKept(laptop, 'opening Rank');
    await tabTo(laptop, 'summary', /^Send summary to everyone$/);
    await laptop.keyboard.press('Enter');
    await waitFor(host, 'workshop:host', (h) => h.summaryPublished);
    await focusKept(laptop, 'sending the summary');

    console.log(`Tab presses per action:\n${presses.map((p) => `  ${p.action}: ${p.tabs} (bound ${p.bound}; ${p.how})`).join('\n')}`);
    expect(dropped, 'actions after which the focus fell to <body>').toEqual([]);
    for (const p of presses) expect(p.tabs, `${p.action}: ${p.tabs} Tab presses, bound ${p.bound}`).toBeLessThanOrEqual(p.bound);
    host.disconnect();
  });
});
