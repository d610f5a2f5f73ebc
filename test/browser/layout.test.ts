import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { HostView } from '../../shared/index.js';
import { connectHost, createWorkshop, joinAs, mustAck, waitFor, type TestParticipant } from '../integration/harness.js';
import { BOARD, SCREENS_DIR, smallText, useBrowserSuite } from './harness.js';

/**
 * Issue 10, items 2, 7, 8 and 9 in the browser.
 *
 * Phones: every phone screen at 320 and 390 px wide, at the default text size and at 200 %,
 * has no horizontal overflow: the page does not scroll sideways and no visible element's box
 * reaches past the viewport (an element inside a box that clips or scrolls counts only if that
 * box itself reaches past it).
 *
 * "200 % text size" is the browser's own font-size preference at 32 px instead of 16 px (see
 * newPhone). The app's type is in rem, so everything follows it; each check also asserts the root
 * font size really is 32 px.
 *
 * Board: at 1920×1080, in every state, no visible text is smaller than 28 px.
 */
const suite = useBrowserSuite();

// Runs before the suite's own afterAll (vitest runs after-hooks last-registered first).
afterAll(async () => {
  for (const { context, dir } of ownContexts.splice(0)) {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

interface Phone {
  name: string;
  page: Page;
  rootPx: number;
}

const ownContexts: { context: BrowserContext; dir: string }[] = [];

/**
 * A phone with its own profile. At textScale 2 the profile's font-size preference
 * (webkit.webprefs.default_font_size, what Chromium's "Font size" setting writes) is 32 px instead
 * of 16 px: the browser's own text size at 200 %, not a style the test adds.
 */
async function newPhone(width: number, lang: 'nl' | 'en', textScale: 1 | 2): Promise<Phone> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-layout-'));
  fs.mkdirSync(path.join(dir, 'Default'));
  const prefs = { webkit: { webprefs: { default_font_size: 16 * textScale, default_fixed_font_size: 13 * textScale } } };
  fs.writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify(prefs));
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], viewport: { width, height: 740 } });
  ownContexts.push({ context, dir });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript((l) => localStorage.setItem('raakvlak.lang', l), lang);
  return { name: `${width}-${lang}-${textScale * 100}`, page, rootPx: 16 * textScale };
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage });
}

interface Overflow {
  rootPx: number;
  scrollWidth: number;
  clientWidth: number;
  beyond: string[];
}

/** The page's sideways overflow, and every visible element whose box leaves the viewport. */
function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const clipsX = (el: Element) => {
      const o = getComputedStyle(el).overflowX;
      return o !== 'visible';
    };
    const describe = (el: Element, r: DOMRect) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ').join('.')} [${Math.round(r.left)}–${Math.round(r.right)}] "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const beyond: string[] = [];
    const outside = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (r.width > 0 || r.height > 0) && (r.right > vw + 0.5 || r.left < -0.5);
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!outside(el)) continue;
      const r = el.getBoundingClientRect();
      // Reported where the overflow starts: an element whose parent is itself inside the viewport.
      if (el.parentElement && el.parentElement !== document.body && outside(el.parentElement)) continue;
      // Inside a box that clips or scrolls sideways, only that box's own edges matter.
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clipsX(a)) {
          clipped = true;
          break;
        }
      }
      if (!clipped) beyond.push(describe(el, r));
    }
    // Text can also run out of a box that stays inside (a word too long for its line).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? '').trim() || outside(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      let clipped = false;
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) if (clipsX(a) && !outside(a)) clipped = true;
      if (!clipped) beyond.push(`text in ${describe(el, r)}`);
    }
    const se = document.scrollingElement as Element;
    return { rootPx: parseFloat(getComputedStyle(document.documentElement).fontSize), scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, beyond };
  });
}

async function expectNoOverflow(phones: Phone[], screen: string): Promise<void> {
  for (const p of phones) {
    await p.page.waitForTimeout(150);
    await shoot(p.page, `layout-phone-${p.name}-${screen}`, true);
    const m = await measureOverflow(p.page);
    expect.soft({ phone: p.name, screen, rootPx: m.rootPx, scrollWidth: m.scrollWidth, beyond: m.beyond }).toEqual({ phone: p.name, screen, rootPx: p.rootPx, scrollWidth: m.clientWidth, beyond: [] });
  }
}

async function expectBoardReadable(board: Page, state: string): Promise<void> {
  await board.waitForTimeout(700);
  await shoot(board, `layout-board-${state}`, false);
  const fit = await board.evaluate(() => ({ scroll: document.documentElement.scrollHeight - window.innerHeight, sideways: document.documentElement.scrollWidth - window.innerWidth }));
  expect.soft({ state, small: await smallText(board), fit }).toEqual({ state, small: [], fit: { scroll: 0, sideways: 0 } });
}

describe('layout for every person in the room', () => {
  it('phones at 320 and 390 px and at 200 % text never scroll sideways; the board has nothing under 28 px', async () => {
    const w = await createWorkshop(suite.server, { title: 'Warmteplan Noordwijk: samen naar een toekomstbestendige wijk', template: 'heat-transition', language: 'nl' });
    const host = await connectHost(suite.server, w);
    const view: HostView = await waitFor(host, 'workshop:host');
    await mustAck(host, 'settings:update', { minGroupSize: 2 });
    const [explore, dots, rank1, rank2, scan] = view.activities.map((a) => a.id) as [string, string, string, string, string];
    const { activityId: points } = await mustAck(host, 'agenda:add', { kind: 'points', afterActivityId: dots });
    const groupIds = view.groups.slice(0, 3).map((g) => g.id);
    const valueIds = view.values.map((v) => v.id);

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${suite.server.url}/b/${w.code}`);
    await board.locator('.board-waiting').waitFor();

    const phones = [await newPhone(320, 'nl', 1), await newPhone(320, 'nl', 2), await newPhone(390, 'en', 1), await newPhone(390, 'en', 2)];

    // /join with the error shown ("no workshop with this code").
    for (const p of phones) {
      await p.page.goto(`${suite.server.url}/join`);
      await p.page.locator('#join-code').fill('ZZZ999');
      await p.page.locator('.join-code-form button[type=submit]').click();
      await p.page.locator('#join-code-problem').waitFor();
    }
    await expectNoOverflow(phones, 'join-code');

    // The join form (group choice), then joined.
    for (const p of phones) await p.page.goto(`${suite.server.url}/j/${w.code}`);
    for (const p of phones) await p.page.locator('input[type=radio]').first().waitFor({ state: 'attached' });
    await expectNoOverflow(phones, 'join-form');

    // The rest of the room: two people in each of three groups, so the groups lens shows.
    const room: TestParticipant[] = [];
    for (const g of groupIds) for (let i = 0; i < 2; i++) room.push(await joinAs(suite.server, w.code, g));
    await expectBoardReadable(board, 'waiting');

    for (const p of phones) {
      await p.page.locator('input[type=radio]').first().check({ force: true });
      await p.page.locator('form button[type=submit]').last().click();
    }

    await mustAck(host, 'agenda:goto', { activityId: explore });
    const story = await mustAck(room[0]!.socket, 'story:add', { valueId: valueIds[0]!, text: 'Onze energierekening verdubbelde vorige winter; de buren met alleen AOW voelden het het hardst.' });
    await mustAck(room[1]!.socket, 'story:endorse', { storyId: story.storyId });
    await mustAck(room[2]!.socket, 'story:add', { valueId: valueIds[1]!, text: 'De energiecoöperatie in het dorp laat zien dat het samen kan.' });
    for (const p of phones) await p.page.locator('.phone-card').first().waitFor();
    await expectNoOverflow(phones, 'explore');
    await expectBoardReadable(board, 'explore');
    // Twelve cards, at most nine a page: two balanced pages of six (3 × 2), not 9 + 3.
    expect(await board.locator('.board-grid > li').count()).toBe(6);
    expect(await board.locator('.board-page > span').textContent()).toBe('Pagina 1 van 2');

    // Dots: open, before the reveal, the read-more of a long card, then revealed.
    await mustAck(host, 'agenda:goto', { activityId: dots });
    for (const p of phones) await p.page.locator('section.vote').first().waitFor();
    await expectNoOverflow(phones, 'dots');
    await expectBoardReadable(board, 'vote-before');

    // Every description is whole, or cut with a "Read more" right after it that shows all of it.
    for (const p of phones) {
      const descs = await p.page.evaluate(() =>
        Array.from(document.querySelectorAll('.vote-item-desc')).map((d) => ({
          cut: d.scrollHeight > d.clientHeight + 1,
          button: d.nextElementSibling?.matches('button.read-more[aria-expanded="false"]') ?? false,
        })),
      );
      expect(descs.length, p.name).toBe(12);
      expect(descs.filter((d) => d.cut && !d.button), p.name).toEqual([]);
      expect(await p.page.evaluate(() => document.documentElement.lang), p.name).toBe(p.name.includes('-nl-') ? 'nl' : 'en');
    }
    // At 320 px and 200 % text the two-line preview cuts the descriptions; one opens in full.
    const big = phones[1]!.page;
    const more = big.locator('.vote-item button.read-more').first();
    expect(await big.locator('.vote-item button.read-more').count()).toBeGreaterThan(0);
    const box = await more.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await more.click();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    expect(await more.textContent()).toBe('Minder tonen');
    const opened = await big.locator('.vote-item-desc.is-open').first().evaluate((d) => ({ whole: d.scrollHeight <= d.clientHeight + 1, text: d.textContent }));
    expect(opened.whole).toBe(true);
    await big.locator('.vote-item-desc.is-open').first().scrollIntoViewIfNeeded();
    await shoot(big, 'layout-phone-320-nl-200-dots-read-more', false);
    await more.click();
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    for (const [i, r] of room.entries()) {
      await mustAck(r.socket, 'answer:submit', { activityId: dots, answerId: `dots-${i}`, answer: { kind: 'dots', dots: { [valueIds[i % 4]!]: 1, [valueIds[(i + 1) % 4]!]: 1 } } });
    }
    await mustAck(host, 'activity:control', { activityId: dots, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: dots, action: 'reveal' });
    for (const p of phones) await p.page.locator('.phone-results').first().waitFor();
    await expectNoOverflow(phones, 'results');
    await board.locator('.vr').waitFor();
    await expectBoardReadable(board, 'vote-after-lens');
    // Twelve values, at most eight rows a page: 6 + 6; the heat map has a column per group with answers.
    expect(await board.locator('.vr .vt-row').count()).toBe(6);
    expect(await board.locator('.vt-h-group').count()).toBe(3);

    await mustAck(host, 'agenda:goto', { activityId: points });
    await phones[0]!.page.waitForTimeout(300);
    await expectNoOverflow(phones, 'points');

    await mustAck(host, 'agenda:goto', { activityId: rank1 });
    await phones[0]!.page.waitForTimeout(300);
    await expectNoOverflow(phones, 'rank');
    const rankK = view.activities.find((a) => a.id === rank1)!.config.rankK ?? valueIds.length;
    const rankAnswer = (i: number) => ({ kind: 'rank' as const, order: Array.from({ length: rankK }, (_, k) => valueIds[(k + i) % valueIds.length]!) });
    for (const [i, r] of room.entries()) await mustAck(r.socket, 'answer:submit', { activityId: rank1, answerId: `rank1-${i}`, answer: rankAnswer(i) });
    await mustAck(host, 'activity:control', { activityId: rank1, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: rank1, action: 'reveal' });
    await mustAck(host, 'agenda:goto', { activityId: rank2 });
    for (const [i, r] of room.entries()) await mustAck(r.socket, 'answer:submit', { activityId: rank2, answerId: `rank2-${i}`, answer: rankAnswer(i + 1) });
    await mustAck(host, 'activity:control', { activityId: rank2, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: rank2, action: 'reveal' });
    await board.locator('.vt-move').first().waitFor();
    await expectBoardReadable(board, 'round-2');

    await mustAck(host, 'agenda:goto', { activityId: scan });
    for (const p of phones) await p.page.locator('section.scan').first().waitFor();
    // One phone scores every statement, so its send bar says "12 van 12 stellingen gescoord".
    const scorer = phones[1]!.page;
    for (const fieldset of await scorer.locator('fieldset.scan-statement').all()) await fieldset.locator('input[type=radio]').nth(2).evaluate((el: HTMLInputElement) => el.click()); // the sticky send bar may cover it
    await expect.poll(() => scorer.locator('.scan-progress').textContent()).toMatch(/^12 van 12/);
    await expectNoOverflow(phones, 'scan');
    await expectBoardReadable(board, 'scan');
    const scanView: HostView = await waitFor(host, 'workshop:host', (v) => v.activities.some((a) => a.id === scan && a.status === 'open'));
    const statements = scanView.activities.find((a) => a.id === scan)!.config.statements.map((s) => s.id);
    for (const [i, r] of room.entries()) {
      const scores = Object.fromEntries(statements.map((s, k) => [s, ((i + k) % 5) + 1]));
      await mustAck(r.socket, 'answer:submit', { activityId: scan, answerId: `scan-${i}`, answer: { kind: 'scan', scores, wentWell: 'Iedereen kwam aan het woord.', couldBeBetter: '' } });
    }
    await mustAck(host, 'activity:control', { activityId: scan, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: scan, action: 'reveal' });
    await board.waitForTimeout(500);
    await expectNoOverflow(phones, 'scan-results');
    await expectBoardReadable(board, 'scan-results');

    await mustAck(host, 'summary:publish', { published: true });
    await board.locator('.board-summary, [class*=summary]').first().waitFor();
    await phones[0]!.page.waitForTimeout(500);
    await expectNoOverflow(phones, 'summary');
    await expectBoardReadable(board, 'summary');

    // A 1280×720 projector keeps the proportions: the minimum scales to 28 × 1280 / 1920 = 18.7 px.
    await board.setViewportSize({ width: 1280, height: 720 });
    await board.waitForTimeout(500);
    await shoot(board, 'layout-board-summary-1280', false);
    expect((await smallText(board, 18.6)).map((t) => `${t.where} ${t.px}`)).toEqual([]);

    for (const r of room) r.socket.disconnect();
    host.disconnect();
  });

  it("the console's add-step list keeps long Dutch names inside their card, also at 200 % text", async () => {
    const w = await createWorkshop(suite.server, { title: 'Samenwerkingsscan Noord', template: 'heat-transition', language: 'nl' });
    for (const scale of [1, 2] as const) {
      const laptop = await newPhone(1440, 'nl', scale);
      await laptop.page.setViewportSize({ width: 1440, height: 900 });
      await laptop.page.goto(`${suite.server.url}${w.urls.host}`);
      await laptop.page.locator('.agenda-add-open').click();
      const library = laptop.page.locator('.library');
      await library.waitFor();
      await library.scrollIntoViewIfNeeded();
      await shoot(laptop.page, `layout-console-add-step-${scale * 100}`, false);
      // Every text in the list ends inside the list's own box.
      const outside = await library.evaluate((lib) => {
        const box = lib.getBoundingClientRect();
        const out: string[] = [];
        const walker = document.createTreeWalker(lib, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!(n.textContent ?? '').trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          if (r.width > 2 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) out.push((n.textContent ?? '').trim());
        }
        return out;
      });
      expect({ scale, outside }).toEqual({ scale, outside: [] });
      expect(await laptop.page.locator('.library').textContent()).toContain('Samenwerkingsscan');
    }
  });
});
