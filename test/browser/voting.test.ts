import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateWorkshopResponse, HostView } from '../../shared/index.js';
import { connectHost, createWorkshop, joinAs, mustAck, waitFor, type TestParticipant } from '../integration/harness.js';
import { BOARD, LAPTOP, PHONE, screenshot, useBrowserSuite } from './harness.js';

/**
 * Issue 3 in the browser: the facilitator sets up a rank vote (top 3 of 4 values) in the
 * console, two phones answer it in the browser (the rest of the room answers over sockets, so
 * the board has groups to show), the facilitator locks and reveals from the console, and the
 * projector shows the expected order.
 *
 * Borda points (3, 2, 1), A = Affordability, S = Sustainability, F = Social fairness, C = Comfort:
 *   Residents   Anna ASC · R2 AFC · R3 ACS · R4 AFS    A 12  S 4   F 4  C 4
 *   Municipality Bram SAF · M2 SFA · M3 SAC · M4 FSA   A 6   S 11  F 6  C 1
 *   Business    B1 CFA (one answer: left out of the lens)   A 1  S 0  F 2  C 3
 *   Total: Affordability 19, Sustainability 15, Social fairness 12, Comfort 8.
 */
const suite = useBrowserSuite();

const FOUR = ['Affordability', 'Social fairness', 'Sustainability', 'Comfort'];

async function join(page: Page, code: string, group: string): Promise<void> {
  await page.goto(`${suite.server.url}/j/${code}`);
  await page.getByRole('radio', { name: group, exact: true }).check({ force: true });
  await page.getByRole('button', { name: 'Join' }).click();
}

describe('voting in the browser', () => {
  it('two phones rank, the facilitator reveals, the board shows the order', async () => {
    const res = await fetch(`${suite.server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Heat plan Northside', template: 'heat-transition', language: 'en' }),
    });
    expect(res.status).toBe(201);
    const w = (await res.json()) as CreateWorkshopResponse;

    // A host socket only to read ids for the participants who answer over sockets.
    const hostSocket = await connectHost(suite.server, w);
    const initial: HostView = await waitFor(hostSocket, 'workshop:host');
    const groupId = (name: string) => initial.groups.find((g) => g.name === name)?.id as string;
    const valueId = (title: string) => initial.allValues.find((v) => v.title === title)?.id as string;
    const [A, F, S, C] = FOUR.map(valueId) as [string, string, string, string];

    // ---- The facilitator sets up the rank vote in the console: top 3, four values.
    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(`${suite.server.url}${w.urls.host}`);
    await laptop.getByRole('heading', { level: 1, name: 'Heat plan Northside' }).waitFor();
    await laptop.getByRole('tab', { name: 'Rank Not started', exact: true }).click();
    const settings = laptop.getByRole('group', { name: 'Vote settings' });
    await settings.getByRole('spinbutton', { name: 'How many values to rank' }).fill('3');
    await settings.getByRole('checkbox', { name: /All visible values/ }).uncheck();
    for (const v of initial.values) {
      if (!FOUR.includes(v.title)) await settings.getByRole('checkbox', { name: v.title, exact: true }).uncheck();
    }
    await expect.poll(() => settings.textContent()).toContain('4 of 12 chosen');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => {
        const view = await waitFor(hostSocket, 'workshop:host');
        const rank = view.activities.find((a) => a.kind === 'rank');
        return rank ? { k: rank.config.rankK, values: rank.config.valueIds } : null;
      })
      .toEqual({ k: 3, values: [A, F, S, C] });
    await laptop.getByRole('button', { name: 'Open: Rank', exact: true }).click();

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${suite.server.url}/b/${w.code}`);
    await board.getByRole('heading', { level: 1, name: 'Put the values in order of importance.' }).waitFor();

    // ---- Two phones in the browser.
    const anna = await suite.browser.newPage(PHONE);
    const bram = await suite.browser.newPage(PHONE);
    await join(anna, w.code, 'Residents');
    await join(bram, w.code, 'Municipality');
    await anna.getByText('Choose your top 3 and put them in order: the most important at the top.').waitFor();

    // Anna picks Comfort, Affordability, Sustainability, then reorders with the buttons: A, S, C.
    for (const [value, place] of [['Comfort', 1], ['Affordability', 2], ['Sustainability', 3]] as const) {
      await anna.getByRole('button', { name: `Add ${value} at place ${place}` }).click();
    }
    await anna.getByRole('button', { name: 'Move Affordability up' }).click();
    await anna.getByRole('button', { name: 'Move Sustainability up' }).click();
    await expect.poll(() => anna.locator('.rank-title').allTextContents()).toEqual(['Place 1: Affordability', 'Place 2: Sustainability', 'Place 3: Comfort']);
    await screenshot(anna, 'voting-phone-rank');
    await anna.getByRole('button', { name: 'Send my answer' }).click();
    await anna.getByText(/Your answer is in/).waitFor();

    for (const [value, place] of [['Sustainability', 1], ['Affordability', 2], ['Social fairness', 3]] as const) {
      await bram.getByRole('button', { name: `Add ${value} at place ${place}` }).click();
    }
    await bram.getByRole('button', { name: 'Send my answer' }).click();
    await bram.getByText(/Your answer is in/).waitFor();

    // ---- The rest of the room answers from their phones (sockets).
    const others: [string, string[]][] = [
      ['Residents', [A, F, C]],
      ['Residents', [A, C, S]],
      ['Residents', [A, F, S]],
      ['Municipality', [S, F, A]],
      ['Municipality', [S, A, C]],
      ['Municipality', [F, S, A]],
      ['Business', [C, F, A]],
    ];
    const rankId = initial.activities.find((a) => a.kind === 'rank')?.id as string;
    const sockets: TestParticipant[] = [];
    for (const [i, [group, order]] of others.entries()) {
      const p = await joinAs(suite.server, w.code, groupId(group));
      sockets.push(p);
      await mustAck(p.socket, 'answer:submit', { activityId: rankId, answerId: `socket-${i}`, answer: { kind: 'rank', order } });
    }

    // Before the reveal the board counts answers, per group, and shows nothing of the result.
    await expect.poll(() => board.locator('.vw-n').textContent()).toBe('9');
    expect(await board.locator('.vt-title').count()).toBe(0);
    await board.waitForTimeout(600); // the per-group bars glide to their new length
    await screenshot(board, 'voting-board-before');

    // ---- The facilitator locks and reveals from the console.
    // The vote panel's pause (the run bar above has the same action, under the same word).
    await laptop.locator('section[aria-labelledby="vote-panel-h"]').getByRole('button', { name: 'Pause: Rank', exact: true }).click();
    await laptop.getByRole('button', { name: 'Reveal results to the room: Rank', exact: true }).click();
    await board.getByRole('table', { name: 'Priority of the values and how each group scores them' }).waitFor();
    await expect.poll(() => board.locator('.vr .vt-title').allTextContents()).toEqual(['Affordability', 'Sustainability', 'Social fairness', 'Comfort']);
    const body = await board.textContent('body');
    expect(body).toContain('19 points');
    expect(body).toContain('Business: too few answers to show');
    await board.waitForTimeout(700); // let the bars finish their transition before the picture
    await screenshot(board, 'voting-board-after');

    // Anna's phone: the room's result and where her own answer stands.
    await anna.getByRole('region', { name: "The room's result" }).waitFor();
    await anna.getByText('You put Sustainability at place 2; the room put it at place 2.').waitFor();
    await screenshot(anna, 'voting-phone-result');
    await bram.getByText('You put Social fairness at place 3; the room put it at place 3.').waitFor();
    await screenshot(laptop, 'voting-console');
    // The facilitator also sees agreement within and between the groups, below the table.
    const groupsCard = laptop.getByRole('region', { name: 'Within and between the groups' });
    await groupsCard.scrollIntoViewIfNeeded();
    await expect.poll(() => groupsCard.textContent()).toContain('Residents and Municipality');
    await screenshot(laptop, 'voting-console-groups');

    for (const p of sockets) p.socket.disconnect();
    hostSocket.disconnect();
  });

  it('fits twelve values (two balanced pages of six at the 28 px minimum), three groups, stories and a second round on a 1920×1080 screen', async () => {
    const w = await createWorkshop(suite.server, { title: 'Heat plan Northside', template: 'heat-transition', language: 'en' });
    const host = await connectHost(suite.server, w);
    const view: HostView = await waitFor(host, 'workshop:host');
    const group = (name: string) => view.groups.find((g) => g.name === name)?.id as string;
    const v = (title: string) => view.allValues.find((x) => x.title === title)?.id as string;
    const [explore, , rank1, rank2] = view.activities.map((a) => a.id) as [string, string, string, string];
    const prefs: Record<string, string[]> = {
      Residents: ['Affordability', 'Social fairness', 'Comfort', 'Reliability', 'Simplicity, being taken care of', 'Health and safety', 'Community', 'Trust', 'Living environment', 'Say and control', 'Future-proofing', 'Sustainability'],
      Municipality: ['Sustainability', 'Future-proofing', 'Affordability', 'Social fairness', 'Say and control', 'Living environment', 'Trust', 'Community', 'Reliability', 'Health and safety', 'Simplicity, being taken care of', 'Comfort'],
      'Grid operator / heat company': ['Reliability', 'Future-proofing', 'Sustainability', 'Affordability', 'Trust', 'Simplicity, being taken care of', 'Health and safety', 'Comfort', 'Say and control', 'Social fairness', 'Community', 'Living environment'],
      Business: ['Reliability', 'Affordability', 'Future-proofing', 'Trust', 'Comfort', 'Sustainability', 'Social fairness', 'Community', 'Say and control', 'Health and safety', 'Living environment', 'Simplicity, being taken care of'],
    };
    const people: { p: TestParticipant; prefs: string[] }[] = [];
    for (const [name, list] of Object.entries(prefs)) {
      for (let i = 0; i < (name === 'Business' ? 2 : 4); i++) {
        // Each member differs a little from their group: two neighbours swapped.
        const mine = [...list];
        const at = i % 4;
        [mine[at], mine[at + 1]] = [mine[at + 1] as string, mine[at] as string];
        people.push({ p: await joinAs(suite.server, w.code, group(name)), prefs: mine });
      }
    }

    // Stories first, "telling alongside counting".
    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });
    const story = async (who: number, value: string, text: string) => (await mustAck(people[who]!.p.socket, 'story:add', { valueId: v(value), text })).storyId;
    const s1 = await story(0, 'Affordability', 'Our energy bill doubled last winter; the neighbours on a pension felt it most.');
    const s2 = await story(5, 'Sustainability', 'We promised the council a CO₂-neutral district by 2040 — this is how we keep that promise.');
    await story(9, 'Reliability', 'A cold night without heat is the one thing we may never let happen.');
    for (const who of [1, 2, 3]) await mustAck(people[who]!.p.socket, 'story:endorse', { storyId: s1 });
    await mustAck(people[4]!.p.socket, 'story:endorse', { storyId: s2 });

    const run = async (activityId: string, tweak: (order: string[], i: number) => string[]) => {
      await mustAck(host, 'activity:control', { activityId, action: 'open' });
      for (const [i, { p, prefs: mine }] of people.entries()) {
        const order = tweak(mine, i).slice(0, 5).map(v);
        await mustAck(p.socket, 'answer:submit', { activityId, answerId: `${activityId}-${i}`, answer: { kind: 'rank', order } });
      }
      await mustAck(host, 'activity:control', { activityId, action: 'lock' });
      await mustAck(host, 'activity:control', { activityId, action: 'reveal' });
    };
    // Rank the top 5 of all twelve values; in the second round, after the stories, social fairness rises.
    await mustAck(host, 'activity:configure', { activityId: rank1, rankK: 5 });
    await mustAck(host, 'activity:configure', { activityId: rank2, rankK: 5 });
    await run(rank1, (order) => order);
    await run(rank2, (order, i) => (i % 2 === 0 ? ['Social fairness', ...order.filter((x) => x !== 'Social fairness')] : order));

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${suite.server.url}/b/${w.code}`);
    await board.getByRole('table', { name: 'Priority of the values and how each group scores them' }).waitFor();
    const results = (await waitFor(host, 'workshop:host')).results[rank2]!.vote!;
    const expected = results.values.map((r) => view.allValues.find((x) => x.id === r.valueId)?.title);
    // At most eight rows fit a page with nothing under 28 px, so twelve values show as 6 + 6.
    await expect.poll(() => board.locator('.vr .vt-title').allTextContents()).toEqual(expected.slice(0, 6));
    expect(await board.locator('.vt-move').count()).toBe(6);
    await board.waitForTimeout(700);
    await screenshot(board, 'voting-board-12-values');

    // Nothing scrolls and nothing is cut off at the bottom.
    const fit = await board.evaluate(() => {
      const bottom = (sel: string) => Math.max(...Array.from(document.querySelectorAll(sel)).map((el) => el.getBoundingClientRect().bottom));
      return {
        scroll: document.documentElement.scrollHeight - window.innerHeight,
        rows: bottom('.vt-row'),
        foot: bottom('.vr-foot'),
        side: bottom('.vr-card'),
        height: window.innerHeight,
      };
    });
    expect(fit.scroll).toBeLessThanOrEqual(0);
    expect(fit.rows).toBeLessThanOrEqual(fit.height);
    expect(fit.foot).toBeLessThanOrEqual(fit.height);
    expect(fit.side).toBeLessThanOrEqual(fit.height);

    for (const { p } of people) p.socket.disconnect();
    host.disconnect();
  });
});
