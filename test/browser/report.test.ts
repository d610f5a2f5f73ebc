import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAnswerId, type ExportDocument, type PublicView } from '../../shared/index.js';
import { connectHost, createWorkshop, joinAs, mustAck, waitFor, type ClientSocket, type TestParticipant } from '../integration/harness.js';
import { BOARD, LAPTOP, PHONE, SCREENS_DIR, screenshot, useBrowserSuite } from './harness.js';

/**
 * A short workshop run by real socket.io phones (and one phone in the browser, which fills in
 * the collaboration scan by hand), then the printable report: opened with the host token,
 * printed to an A4 PDF by Chromium, and photographed page by page. Along the way the console's
 * agenda editor, the scan on a phone and the scan on the board are photographed too.
 */
const suite = useBrowserSuite();

/** A page that speaks English whatever the machine's locale (the choice is remembered per browser). */
async function open(page: Page, url: string, setup: Record<string, string> = {}): Promise<void> {
  await page.goto(`${suite.server.url}/join`);
  await page.evaluate((entries) => {
    localStorage.setItem('raakvlak.lang', 'en');
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, setup);
  await page.goto(url);
}

/** Counts the page objects of a PDF (not the /Pages tree node). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('the printable report', () => {
  it('runs a workshop, then prints its report to an A4 PDF with the top value in it', async () => {
    const w = await createWorkshop(suite.server, { title: 'Buurtgesprek Noord', language: 'en' });
    const host: ClientSocket = await connectHost(suite.server, w);
    const first = await waitFor(host, 'workshop:public');
    const groups = first.groups.map((g) => g.id);
    const [explore, dots, rank1, rank2, scan] = first.activities.map((a) => a.id) as [string, string, string, string, string];
    const v = first.values.map((x) => x.id);
    const phones: TestParticipant[] = [];
    for (const g of [0, 0, 0, 1, 1, 1, 2]) phones.push(await joinAs(suite.server, w.code, groups[g]!));
    const goto = (activityId: string) => mustAck(host, 'agenda:goto', { activityId });

    // Explore: stories and an endorsement.
    await goto(explore);
    const { storyId } = await mustAck(phones[0]!.socket, 'story:add', { valueId: v[0]!, text: 'My energy bill doubled last winter; I cannot do that again.' });
    await mustAck(phones[1]!.socket, 'story:add', { valueId: v[1]!, text: 'Renters should not pay for the landlord’s choices.' });
    await mustAck(phones[4]!.socket, 'story:endorse', { storyId });

    // Dots, then two rounds of ranking, each revealed.
    await goto(dots);
    for (const [i, p] of phones.entries()) {
      await mustAck(p.socket, 'answer:submit', { activityId: dots, answerId: `dots-${i}`, answer: { kind: 'dots', dots: i < 4 ? { [v[0]!]: 3, [v[1]!]: 2 } : { [v[2]!]: 3, [v[0]!]: 2 } } });
    }
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
      await goto(activityId);
      for (const [i, p] of phones.entries()) {
        const order = (round === 1 && i === 3 ? orders[0]! : orders[i]!).map((k) => v[k]!);
        await mustAck(p.socket, 'answer:submit', { activityId, answerId: `rank${round}-${i}`, answer: { kind: 'rank', order } });
      }
      await mustAck(host, 'activity:control', { activityId, action: 'reveal' });
    }

    // The scan, with a timer. The board and the console are open; one phone answers in the browser.
    await mustAck(host, 'activity:configure', { activityId: scan, timerSeconds: 600 });
    await goto(scan);
    const board = await suite.browser.newPage(BOARD);
    await open(board, `${suite.server.url}/b/${w.code}`);
    await board.getByText(/of 7 have filled in the scan/).waitFor();

    const phone = await suite.browser.newPage(PHONE);
    await open(phone, `${suite.server.url}/j/${w.code}`, { [`raakvlak.participant.${w.code}`]: phones[6]!.token });
    await phone.getByRole('heading', { level: 1, name: 'How is the collaboration doing?' }).waitFor();
    await expect.poll(() => phone.getByRole('timer').textContent()).toMatch(/^\d+:\d\d$/);
    await screenshot(phone, 'scan-phone-top');
    await phone.getByRole('group', { name: 'I know why my organisation takes part in this collaboration.' }).getByRole('radio', { name: '4: Agree' }).check();
    await phone.getByRole('group', { name: 'I see what this collaboration brings me and the people I represent.' }).getByRole('radio', { name: '5: Strongly agree' }).check();
    await screenshot(phone, 'scan-phone');
    const statements = phone.locator('fieldset.scan-statement');
    const count = await statements.count();
    for (let i = 2; i < count; i++) await statements.nth(i).getByRole('radio', { name: `${(i % 3) + 2}:`, exact: false }).check();
    await phone.getByLabel('What goes well?').fill('People really listen to the residents now.');
    await phone.getByLabel('What could be better?').fill('We hear about decisions too late.');
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await phone.getByText(/^Sent\. You can change your answers/).waitFor();
    await expect.poll(() => board.textContent('body')).toContain('1 of 7 have filled in the scan');

    for (const [i, p] of phones.slice(0, 6).entries()) {
      const scores = Object.fromEntries(first.activities[4]!.config.statements.map((s, k) => [s.id, Math.min(5, Math.max(1, (i < 3 ? 4 : 3) + ((k + i) % 3) - 1))]));
      await mustAck(p.socket, 'answer:submit', {
        activityId: scan,
        answerId: `scan-${i}`,
        answer: { kind: 'scan', scores, wentWell: i % 2 === 0 ? ['Everyone shows up prepared.', 'The meetings are friendly and open.', 'We share information early.'][i / 2]! : '', couldBeBetter: i % 3 === 0 ? ['Roles between the municipality and the housing association are unclear.', 'Decisions take too long.'][i / 3]! : '' },
      });
    }
    await mustAck(host, 'activity:control', { activityId: scan, action: 'reveal' });
    await mustAck(phones[1]!.socket, 'open-answer:endorse', { openAnswerId: openAnswerId(scan, phones[2]!.participantId, 'scan-2', 'wentWell') });
    await mustAck(phones[4]!.socket, 'open-answer:endorse', { openAnswerId: openAnswerId(scan, phones[2]!.participantId, 'scan-2', 'wentWell') });
    await mustAck(phones[2]!.socket, 'open-answer:endorse', { openAnswerId: openAnswerId(scan, phones[3]!.participantId, 'scan-3', 'couldBeBetter') });

    // The board shows the chart and the wall; the phone shows what the group says.
    await board.getByRole('table', { name: /Average and spread per factor/ }).waitFor();
    await expect.poll(() => board.textContent('body')).toContain('+2');
    await screenshot(board, 'scan-board');
    await phone.getByRole('region', { name: 'What the group says' }).waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await screenshot(phone, 'scan-phone-results');

    // The console: the agenda editor, and the scan's set-up dialog.
    const laptop = await suite.browser.newPage(LAPTOP);
    await open(laptop, `${suite.server.url}/f/${w.code}#${w.hostToken}`);
    await laptop.getByRole('heading', { level: 1, name: 'Buurtgesprek Noord' }).waitFor();
    // The agenda panel at the top of the window (below the sticky header).
    await laptop.evaluate(() => {
      const panel = document.getElementById('agenda-h');
      if (panel) window.scrollTo(0, panel.getBoundingClientRect().top + window.scrollY - 110);
    });
    await screenshot(laptop, 'console-agenda');
    // Dutch is longer: the same panel must still hold together.
    await laptop.getByRole('button', { name: 'Nederlands' }).click();
    await laptop.getByRole('heading', { name: 'Agenda' }).waitFor();
    await screenshot(laptop, 'console-agenda-nl');
    await laptop.getByRole('button', { name: 'English' }).click();
    await laptop.evaluate(() => window.scrollTo(0, 0));
    await screenshot(laptop, 'console-run');
    await laptop.getByRole('button', { name: 'Add a step' }).click();
    await laptop.getByRole('region', { name: 'Add a step' }).scrollIntoViewIfNeeded();
    await screenshot(laptop, 'console-library');
    await laptop.getByRole('button', { name: 'Set up Collaboration scan' }).click();
    await laptop.getByRole('dialog').waitFor();
    await screenshot(laptop, 'console-setup-scan');
    await laptop.keyboard.press('Escape');

    // Close: send the summary to everyone.
    await laptop.getByRole('button', { name: 'Send summary to everyone' }).click();
    await board.getByRole('heading', { level: 1, name: 'What we found together' }).waitFor();
    await screenshot(board, 'summary-board');
    await phone.getByRole('region', { name: 'What we found together' }).waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await screenshot(phone, 'summary-phone');

    // The report, as the facilitator opens it from the console.
    const res = await fetch(`${suite.server.url}/api/workshops/${w.code}/export`, { headers: { Authorization: `Bearer ${w.hostToken}` } });
    const doc = (await res.json()) as ExportDocument;
    const topId = doc.summary.topValues[0]?.valueId;
    const topTitle = doc.values.find((x) => x.id === topId)?.title ?? '';
    expect(topTitle).not.toBe('');

    const report = await suite.browser.newPage({ width: 794, height: 1123 });
    await open(report, `${suite.server.url}/r/${w.code}#${w.hostToken}`);
    await report.getByRole('heading', { level: 1, name: 'Buurtgesprek Noord' }).waitFor();
    const text = (await report.textContent('main')) ?? '';
    expect(text).toContain(topTitle);
    expect(text).toContain('What we found together');
    expect(text).toContain('People really listen to the residents now.');

    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENS_DIR, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    expect(pdf.length).toBeGreaterThan(30_000);

    // Each section starts a printed page: photograph them with the print stylesheet.
    await report.emulateMedia({ media: 'print' });
    const sections = report.locator('section.report-section');
    const n = await sections.count();
    expect(n).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < n; i++) await sections.nth(i).screenshot({ path: path.join(SCREENS_DIR, `report-page-${i + 1}.png`) });
    // No UI chrome in print.
    expect(await report.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(false);

    const last = (await waitFor(host, 'workshop:public')) as PublicView;
    expect(last.summaryPublished).toBe(true);
  });
});
