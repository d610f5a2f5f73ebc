import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BOARD, LAPTOP, PHONE, screenshot, useBrowserSuite } from './harness.js';

/**
 * The explore flow as people do it: a facilitator creates a workshop on the home page and opens
 * Explore from the console, the board is on the projector, two phones join, propose a value,
 * write and endorse a story; the facilitator merges a duplicate. The board shows it all live.
 */
const suite = useBrowserSuite();

async function join(page: Page, code: string, group: string): Promise<void> {
  await page.goto(`${suite.server.url}/j/${code}`);
  await page.getByRole('radio', { name: group, exact: true }).check({ force: true });
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('article', { name: 'People-centred' }).waitFor();
}

describe('explore in the browser', () => {
  it('runs from the facilitator’s laptop to two phones and the projector', async () => {
    // The facilitator prepares the workshop on the home page.
    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(suite.server.url);
    await laptop.getByLabel('Workshop title').fill('Buurtgesprek Zuid');
    await laptop.getByRole('radio', { name: /Values-based working in the social domain/ }).check({ force: true });
    await laptop.getByRole('button', { name: 'Create workshop' }).click();
    await laptop.waitForURL(/\/f\/[A-Z0-9]{6}#/);
    const code = new URL(laptop.url()).pathname.split('/').pop() as string;
    await laptop.getByRole('heading', { level: 1, name: 'Buurtgesprek Zuid' }).waitFor();

    // The projector shows the join code and a QR code.
    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${suite.server.url}/b/${code}`);
    await expect.poll(() => board.textContent('body')).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(await board.locator('img[src$="qr.svg"]').count()).toBe(1);

    await laptop.getByRole('button', { name: 'Open: Explore' }).click();

    const anna = await suite.browser.newPage(PHONE);
    const bram = await suite.browser.newPage(PHONE);
    await join(anna, code, 'Residents');
    await join(bram, code, 'Municipality');

    // The board counts them per group, live.
    const counts = board.getByRole('region', { name: 'Participants per group' });
    await expect.poll(() => counts.textContent()).toMatch(/2 participants/);

    // Anna proposes a value; Bram writes a story; Anna recognises it.
    await anna.getByRole('button', { name: 'Propose a value' }).click();
    await anna.getByLabel('Name of the value').fill('Quiet streets');
    await anna.getByLabel(/What do you mean by it/).fill('No building noise for months on end');
    await anna.getByRole('button', { name: 'Propose', exact: true }).click();
    await bram.getByRole('article', { name: 'Quiet streets' }).waitFor();

    const card = bram.getByRole('article', { name: 'People-centred' });
    await card.getByRole('button', { name: 'Add my story' }).click();
    await card.getByRole('textbox').fill('My mother waited a year for help because nobody owned her case.');
    await card.getByRole('button', { name: 'Send' }).click();
    const story = anna.getByRole('button', { name: /I recognise this story: My mother waited/ });
    await anna.getByRole('article', { name: 'People-centred' }).getByRole('button', { name: 'Read stories' }).click();
    await story.click();

    // The board shows the new value and the story with its endorsement.
    const quiet = board.getByRole('article', { name: 'Quiet streets' });
    await quiet.waitFor();
    const peopleCentred = board.getByRole('article', { name: 'People-centred' });
    await expect.poll(() => peopleCentred.textContent()).toContain('My mother waited a year for help');
    await expect.poll(() => peopleCentred.textContent()).toContain('+1');
    expect(await board.textContent('body')).not.toContain('Anna');

    // Bram proposes the same value again; the console suggests the merge and one click does it.
    await bram.getByRole('button', { name: 'Propose a value' }).click();
    await bram.getByLabel('Name of the value').fill('quiet street');
    await bram.getByRole('button', { name: 'Propose', exact: true }).click();
    await board.getByRole('article', { name: 'quiet street', exact: true }).waitFor();
    await laptop.getByRole('button', { name: 'Merge into Quiet streets' }).click();
    await expect.poll(() => board.getByRole('article', { name: 'quiet street', exact: true }).count()).toBe(0);
    await expect.poll(() => laptop.textContent('body')).toContain('Merged from');

    await screenshot(laptop, 'explore-console');
    await screenshot(board, 'explore-board');
    await screenshot(anna, 'explore-phone-anna');
    await screenshot(bram, 'explore-phone-bram');
  });
});
