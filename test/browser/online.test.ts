import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/index.js';
import { BOARD, LAPTOP, PHONE, screenshot, smallText, useBrowserSuite } from './harness.js';
import { Peer, scrollToPart } from './screens.js';

/**
 * Room and online in a real browser: ten phones rank in the room; the facilitator keeps the rank
 * open online from the console (which ends the live session) while the scan is the current
 * step; a phone that joins afterwards sees the list of steps open online, answers the rank (not
 * the current step) and sees it marked answered; the console says "10 in the room, 1 online"
 * and the board warns that the business group is under-represented against the invited
 * numbers, and beside the revealed results says how many answered in the room and online.
 * axe-core (WCAG 2.1 A + AA) on the dialog, the phone's list, the console's panels and the board.
 * Screenshots in test-results/screens/online-*.png.
 */
const suite = useBrowserSuite();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 A + AA violations on the page (or the part of it), as lines. */
async function axe(page: Page, found: string[], name: string, part?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG);
  if (part) builder = builder.include(part);
  const result = await builder.analyze();
  for (const v of result.violations) for (const node of v.nodes) found.push(`${name} · ${v.id} · ${node.target.join(' ')} · ${v.help}`);
}
const peers: Peer[] = [];
afterAll(() => {
  for (const p of peers.splice(0)) p.close();
});

describe('room and online in the browser', () => {
  it('keeps the rank open online, a later phone answers it, the console counts 1 online', { timeout: 180_000 }, async () => {
    const url = suite.server.url;
    const found: string[] = [];
    const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Heat plan Northside', template: 'heat-transition', language: 'en' }) });
    expect(res.status).toBe(201);
    const w = (await res.json()) as CreateWorkshopResponse;
    const host = await Peer.open(url, { code: w.code, hostToken: w.hostToken });
    peers.push(host);
    const first = await host.host();
    const rank = first.activities.find((a) => a.kind === 'rank')!.id;
    const scan = first.activities.find((a) => a.kind === 'scan')!.id;
    const [A, F, S, C] = first.values.map((v) => v.id) as [string, string, string, string];
    const group = (name: string) => first.groups.find((g) => g.name === name)!.id;
    await host.ack('groups:invited', { invited: [{ groupId: group('Residents'), invited: 150 }, { groupId: group('Municipality'), invited: 10 }, { groupId: group('Business'), invited: 120 }] });
    await host.ack('activity:configure', { activityId: rank, rankK: 3, valueIds: [A, F, S, C] });
    await host.ack('agenda:goto', { activityId: rank });

    // ---- The evening: ten phones rank (6 residents, 3 municipality, 1 business).
    const room = ['Residents', 'Residents', 'Residents', 'Residents', 'Residents', 'Residents', 'Municipality', 'Municipality', 'Municipality', 'Business'];
    for (const [i, name] of room.entries()) {
      const p = await Peer.open(url, { code: w.code, view: 'phone' });
      peers.push(p);
      await p.ack('participant:join', { groupId: group(name) });
      await p.ack('answer:submit', { activityId: rank, answerId: `room-${i}`, answer: { kind: 'rank', order: i % 2 ? [A, F, S] : [S, A, C] } });
    }
    await host.ack('activity:control', { activityId: rank, action: 'close' });
    await host.ack('agenda:goto', { activityId: scan });

    // ---- The console: keep the rank open online.
    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(`${url}/f/${w.code}#${w.hostToken}`);
    const panel = laptop.locator('section[aria-labelledby="online-panel-h"]');
    await panel.getByRole('button', { name: 'Keep open online…' }).click();
    const dialog = laptop.getByRole('dialog', { name: 'Keep open online' });
    // The rank and the scan ran this evening and are picked; the scan stays a room step.
    await dialog.getByRole('checkbox', { name: /^Collaboration scan/ }).uncheck();
    await dialog.getByText('This ends the live session').waitFor();
    await screenshot(laptop, 'online-console-dialog');
    await axe(laptop, found, 'console-dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'End the live session and open online' }).click();
    await dialog.waitFor({ state: 'detached' });
    const opened = await host.host((h) => h.online !== null);
    expect(opened.online!.activityIds).toEqual([rank]);
    expect(opened.liveEndedAt).not.toBeNull();
    const span = opened.online!.until - opened.online!.openedAt;
    // The dialog's default: a week from now, to the minute.
    expect(Math.abs(span - 7 * 86_400_000)).toBeLessThan(60_000);
    await panel.getByText('Open online until').waitFor();
    await panel.getByRole('listitem').filter({ hasText: 'Rank: Put the values in order of importance.' }).waitFor();
    await scrollToPart(laptop, 'section[aria-labelledby="online-panel-h"]');
    await screenshot(laptop, 'online-console-status');

    // ---- A phone that could not come: joins through the same link and answers the rank.
    const phone = await suite.browser.newPage(PHONE);
    await phone.goto(`${url}/j/${w.code}`);
    await phone.getByRole('radio', { name: 'Business', exact: true }).check({ force: true });
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Still open online' }).waitFor();
    const step = phone.getByRole('button', { name: /^Rank/ });
    await expect.poll(() => step.textContent()).toContain('Not answered yet');
    // The scan, the current step, is not in the list.
    expect(await phone.getByRole('listitem').count()).toBe(1);
    await screenshot(phone, 'online-phone-list');
    await axe(phone, found, 'phone-list');
    await step.click();
    for (const [value, place] of [['Comfort', 1], ['Affordability', 2], ['Sustainability', 3]] as const) {
      await phone.getByRole('button', { name: `Add ${value} at place ${place}` }).click();
    }
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await phone.getByText(/Your answer is in/).waitFor();
    await screenshot(phone, 'online-phone-step');
    await phone.getByRole('button', { name: '← Back to the list' }).click();
    await expect.poll(() => phone.getByRole('button', { name: /^Rank/ }).textContent()).toContain('✓ Answered');
    await phone.setViewportSize({ width: 320, height: 700 });
    await screenshot(phone, 'online-phone-list-320');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The same list in Dutch, at 320 px.
    await phone.locator('.lang-toggle button[lang="nl"]').click();
    await phone.getByRole('heading', { level: 1, name: 'Nog online open' }).waitFor();
    await expect.poll(() => phone.getByRole('button', { name: /^Rangschikken/ }).textContent()).toContain('✓ Beantwoord');
    await screenshot(phone, 'online-phone-list-320-nl');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // ---- The console counts it online; the split shows both.
    const counted = await host.host((h) => h.results[rank]?.channels?.online.answers === 1);
    expect(counted.results[rank]!.channels!.room.answers).toBe(10);
    await laptop.getByText('10 in the room, 1 online').waitFor();
    await laptop.getByRole('button', { name: 'Room and online apart' }).click();
    await laptop.getByRole('heading', { name: 'Online (1)' }).waitFor();
    await scrollToPart(laptop, '.channel-split');
    await screenshot(laptop, 'online-console-split');
    // Business: 2 of 120 invited (1 in the room, 1 online): 2/11 ≈ 0.18 of those who took part against 120/280 ≈ 0.43 of those invited → under-represented.
    await scrollToPart(laptop, 'section[aria-labelledby="participation-h"]');
    await laptop.getByText('Business: 2 of 120 invited — under-represented').waitFor();
    await screenshot(laptop, 'online-console-participation');
    await axe(laptop, found, 'console-online', 'section[aria-labelledby="online-panel-h"]');
    await axe(laptop, found, 'console-participation', 'section[aria-labelledby="participation-h"]');
    await axe(laptop, found, 'console-split', '.channel-split-block');

    // ---- The board: the warning beside the group counts, at the board's text size.
    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${url}/b/${w.code}`);
    const warning = board.getByText('Business: 2 of 120 invited — under-represented');
    await warning.waitFor();
    await screenshot(board, 'online-board');
    await axe(board, found, 'board-warning');
    expect(await smallText(board)).toEqual([]);
    await board.locator('.lang-toggle button[lang="nl"]').click();
    await board.getByText('Bedrijven: 2 van 120 uitgenodigd — ondervertegenwoordigd').waitFor();
    await screenshot(board, 'online-board-nl');
    await board.locator('.lang-toggle button[lang="en"]').click();

    // ---- The rank's results on the board, revealed: the room and online figures beside them.
    await host.ack('agenda:goto', { activityId: rank });
    await host.ack('activity:control', { activityId: rank, action: 'reveal' });
    await board.getByText('Answers in the room 10 · online 1').waitFor();
    await screenshot(board, 'online-board-results');
    expect(await smallText(board)).toEqual([]);
    expect(found).toEqual([]);
  });
});
