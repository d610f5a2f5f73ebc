import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HostView } from '../../shared/index.js';
import type { OptionScore } from '../../shared/kinds/options/model.js';
import { en } from '../../client/src/i18n/en.js';
import { fetchExport } from '../integration/exports.js';
import { connectHost, createWorkshop, joinAs, mustAck, waitFor, type TestParticipant } from '../integration/harness.js';
import { BOARD, PHONE, screenshot, smallText, useBrowserSuite } from './harness.js';

/**
 * Issue 11 in the browser: the heat-transition workshop's last step, "Weigh the options". Two
 * phones (Anna, a resident; Bram, from the municipality) weigh the template's four options
 * against three values by tapping, one option at a time; four more phones answer over sockets
 * so each group has the 3 answers a group needs to be shown. The facilitator locks and reveals;
 * the board (1920×1080) shows the fit table and the option every group can live with, the
 * phones the room's result. axe checks the phone's step, the phone's result and the board; the
 * board has no text under 28 px.
 *
 * Equal weights (no vote before it): a fit is the plain mean of the three values' means.
 * Scores (Affordability, Social fairness, Sustainability); ? = don't know:
 *              heat network   heat pump     hybrid        wait
 *   Anna       −2  1  0       −2 −1  2      2  1 −1       2  0 −1      (+ a why for the hybrid)
 *   R2, R3      0  2  0       −2 −1  2      2  1 −1       2  0 −1
 *   Bram        1  1  2        0  1  ?      1  0  1       0 −1 −2
 *   M2, M3      1  1  2        0  1  2      1  0  1       0 −1 −2
 * Room means: network 1/6, 8/6, 1 → fit 5/6 (+0.8); hybrid 3/2, 1/2, 0 → 2/3 (+0.7);
 *   heat pump −1, 0, 2 (Sustainability over 5 scores) → 1/3 (+0.3); wait 1, −1/2, −3/2 → −1/3 (−0.3).
 * Group fits: Residents network (−2/3 + 5/3 + 0)/3 = 1/3 (+0.3), Municipality 4/3 (+1.3);
 *   hybrid 2/3 and 2/3 (+0.7, +0.7).
 * Can live with (own fit ≥ 0): network — Anna −1/3 ✗, so Residents 2 of 3, Municipality 3 of 3 →
 *   shares 3/5 and 4/5, √(12/25) ≈ 69%; hybrid — everyone (2/3), 4/5 and 4/5 → 80%, lowest
 *   Residents (first of the tie) 80%. So the heat network fits the room best, and the hybrid is
 *   the one every group can live with.
 */
const suite = useBrowserSuite();

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const P = en.optionsPhone;
const R = en.optionsResults;
const STEP: Record<string, string> = { '-2': P.scale.m2, '-1': P.scale.m1, '0': P.scale.z, '1': P.scale.p1, '2': P.scale.p2 };
/** The radio's accessible name: "+1: Helps it a little", "−2: Works against it". */
const stepName = (score: OptionScore) => `${score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0'}: ${STEP[String(score)]}`;

const VALUES = ['Affordability', 'Social fairness', 'Sustainability'] as const;
const OPTIONS = ['Heat network', 'All-electric heat pump (with insulation)', 'Hybrid heat pump', 'Wait for green gas / decide later'] as const;
type Row = [OptionScore | null, OptionScore | null, OptionScore | null];
const ANNA: Row[] = [[-2, 1, 0], [-2, -1, 2], [2, 1, -1], [2, 0, -1]];
const RESIDENT: Row[] = [[0, 2, 0], [-2, -1, 2], [2, 1, -1], [2, 0, -1]];
const BRAM: Row[] = [[1, 1, 2], [0, 1, null], [1, 0, 1], [0, -1, -2]];
const MUNICIPALITY: Row[] = [[1, 1, 2], [0, 1, 2], [1, 0, 1], [0, -1, -2]];
const ANNA_WHY = 'It is affordable now, and the boiler stays for the coldest days.';

/** No WCAG 2.1 A/AA violation on the page (or the part of it): one line per element. */
async function axe(page: Page, where: string, part?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG);
  if (part) builder = builder.include(part);
  const result = await builder.analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${where} · ${v.id} · ${n.target.join(' ')} · ${n.failureSummary?.replace(/\s+/g, ' ').slice(0, 160) ?? v.help}`));
}

async function join(page: Page, code: string, group: string): Promise<void> {
  await page.goto(`${suite.server.url}/join`);
  await page.evaluate(() => localStorage.setItem('raakvlak.lang', 'en'));
  await page.goto(`${suite.server.url}/j/${code}`);
  await page.getByRole('radio', { name: group, exact: true }).check({ force: true });
  await page.getByRole('button', { name: 'Join' }).click();
}

/** Weighs the four options on the phone as a person does: a choice per value, Next, and Send from the overview. */
async function weigh(page: Page, rows: Row[], why: Record<number, string> = {}, violations?: string[]): Promise<void> {
  for (const [i, row] of rows.entries()) {
    await page.getByText(P.progress.replace('{{current}}', String(i + 1)).replace('{{total}}', '4')).waitFor();
    const card = page.locator('section.opt-card').filter({ has: page.getByRole('heading', { level: 2, name: OPTIONS[i], exact: true }) });
    await card.waitFor();
    for (const [k, score] of row.entries()) {
      const scale = card.getByRole('group', { name: VALUES[k], exact: true });
      await scale.getByRole('radio', { name: score === null ? P.scale.dontKnow : stepName(score), exact: true }).check({ force: true });
    }
    if (why[i]) await card.getByLabel(P.why).fill(why[i]);
    if (i === 0 && violations) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'options-phone-step');
      violations.push(...(await axe(page, 'phone step')));
    }
    await page.getByRole('button', { name: i === rows.length - 1 ? P.toReview : P.next, exact: true }).click();
  }
  await page.getByRole('heading', { level: 2, name: P.reviewHeading, exact: true }).waitFor();
  if (violations) violations.push(...(await axe(page, 'phone overview')));
  await page.getByRole('button', { name: P.send, exact: true }).click();
  await page.getByText(P.state.in).waitFor();
}

describe('weigh the options in the browser', () => {
  it('two phones weigh the options, the facilitator reveals, the board shows what every group can live with', { timeout: 180_000 }, async () => {
    const w = await createWorkshop(suite.server, { title: 'Heat plan Northside', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality'] });
    const host = await connectHost(suite.server, w);
    const initial: HostView = await waitFor(host, 'workshop:host');
    const [res, mun] = initial.groups.map((g) => g.id) as [string, string];
    const valueIds = VALUES.map((title) => initial.allValues.find((v) => v.title === title)?.id as string);
    // The template's last step; the others are left out, so the options are weighed equally.
    const last = initial.activities.at(-1)!;
    expect(last.kind).toBe('options');
    for (const a of initial.activities.slice(0, -1)) await mustAck(host, 'agenda:remove', { activityId: a.id });
    await mustAck(host, 'activity:configure', { activityId: last.id, valueIds });
    const optionIds = last.config.options.map((o) => o.id);

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${suite.server.url}/join`);
    await board.evaluate(() => localStorage.setItem('raakvlak.lang', 'en'));
    await board.goto(`${suite.server.url}/b/${w.code}`);
    await mustAck(host, 'agenda:goto', { activityId: last.id });

    const anna = await suite.browser.newPage(PHONE);
    const bram = await suite.browser.newPage(PHONE);
    await join(anna, w.code, 'Residents');
    await join(bram, w.code, 'Municipality');
    await anna.getByText(en.optionsPhone.intro).waitFor();

    // ---- The two phones weigh the options; axe on Anna's step and overview.
    const violations: string[] = [];
    await weigh(anna, ANNA, { 2: ANNA_WHY }, violations);
    await weigh(bram, BRAM);

    // ---- The rest of the room, over sockets.
    const encode = (rows: Row[]) => ({
      kind: 'options' as const,
      ratings: Object.fromEntries(optionIds.map((id, i) => [id, Object.fromEntries(valueIds.map((v, k) => [v, rows[i]![k] ?? null]))])),
      why: {},
    });
    const others: [TestParticipant, Row[]][] = [];
    for (const g of [res, res, mun, mun]) others.push([await joinAs(suite.server, w.code, g), g === res ? RESIDENT : MUNICIPALITY]);
    for (const [i, [p, rows]] of others.entries()) await mustAck(p.socket, 'answer:submit', { activityId: last.id, answerId: `socket-${i}`, answer: encode(rows) });

    // Before the reveal the board counts answers and shows nothing else.
    await board.getByText(R.waiting.hidden).waitFor();
    await expect.poll(() => board.locator('.vw-n').textContent()).toBe('6');
    expect(await board.locator('table.oft').count()).toBe(0);

    // ---- The facilitator locks and reveals.
    await mustAck(host, 'activity:control', { activityId: last.id, action: 'lock' });
    await mustAck(host, 'activity:control', { activityId: last.id, action: 'reveal' });

    // ---- The board: the fit table, by the room's fit, and the option every group can live with.
    const table = board.getByRole('table', { name: R.table.caption });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const cells = async (i: number) => (await rows.nth(i).locator('th, td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    // Header and cells as read (screen-reader-only words included): the place, the option, the
    // room's fit in number and words, each group's fit. The live-with shares are in the card beside it.
    expect((await table.locator('thead th').allInnerTexts()).map(words)).toEqual([`# ${R.table.position}`, R.table.option, R.table.room, 'Residents', 'Municipality']);
    expect(await cells(0)).toEqual(['1', 'Heat network', `+0.8 ${R.steps.p1}`, `+0.3 ${R.steps.z}`, `+1.3 ${R.steps.p1}`]);
    const hybrid = await cells(1);
    expect([hybrid[0], ...hybrid.slice(2)]).toEqual(['2', `+0.7 ${R.steps.p1}`, `+0.7 ${R.steps.p1}`, `+0.7 ${R.steps.p1}`]);
    // The row of the option every group can live with says so in words (and a sign), not by colour alone.
    expect(hybrid[1]).toContain('Hybrid heat pump');
    expect(hybrid[1]).toContain(R.table.liveWithMark);
    expect((await cells(2)).slice(0, 3)).toEqual(['3', 'All-electric heat pump (with insulation)', `+0.3 ${R.steps.z}`]);
    expect((await cells(3)).slice(0, 3)).toEqual(['4', 'Wait for green gas / decide later', `−0.3 ${R.steps.z}`]);
    expect(await table.locator('tbody tr.is-livewith').count()).toBe(1);
    expect(await rows.nth(1).getAttribute('class')).toContain('is-livewith');
    // Beside the table: the option every group can live with, and its lowest group.
    const liveWith = board.locator('section.ob-livewith');
    await liveWith.getByRole('heading', { name: R.liveWith.heading }).waitFor();
    expect(words(await liveWith.locator('li').first().innerText())).toContain(`Hybrid heat pump ${R.liveWith.lowest.replace('{{group}}', 'Residents').replace('{{share}}', '80%')}`);
    expect(await liveWith.locator('li').count()).toBe(1);
    await expect.poll(() => board.getByText(R.weights.equal).count()).toBe(1);
    // Readable from the back row: no visible text under 28 px, and the board fits the screen.
    expect(await smallText(board)).toEqual([]);
    expect(await board.evaluate(() => [document.documentElement.scrollHeight - window.innerHeight, document.documentElement.scrollWidth - window.innerWidth])).toEqual([0, 0]);
    await screenshot(board, 'options-board');
    violations.push(...(await axe(board, 'board')));

    // ---- The phones: the room's result first, then what they sent.
    await anna.getByRole('heading', { level: 2, name: P.results.heading }).waitFor();
    const result = anna.locator('section.opt-results');
    await expect.poll(async () => (await result.innerText()).replace(/\s+/g, ' ')).toContain(`Hybrid heat pump: 80%`);
    expect((await result.innerText()).replace(/\s+/g, ' ')).toContain('Lowest in Residents: 3 of 3 can live with it');
    await anna.getByText(P.closed.locked).waitFor();

    // Bram recognises Anna's why sentence on his phone; Anna's phone shows the count.
    await bram.getByRole('button', { name: P.results.endorseLabel.replace('{{text}}', ANNA_WHY), exact: true }).click();
    await bram.getByText(P.results.endorsed).waitFor();
    await anna.getByText(P.results.endorsements_one.replace('{{count}}', '1')).waitFor();
    await anna.evaluate(() => window.scrollTo(0, 0));
    await screenshot(anna, 'options-phone-results');
    violations.push(...(await axe(anna, 'phone results')));

    // The export holds the same outcome, and Anna's why sentence with Bram's recognition.
    const exported = (await fetchExport(suite.server, w)).activities.find((a) => a.id === last.id)?.results;
    expect(exported?.options?.options.map((o) => o.optionId)).toEqual([optionIds[0], optionIds[2], optionIds[1], optionIds[3]]);
    expect(exported?.options?.winnerIds).toEqual([optionIds[0]]);
    expect(exported?.options?.liveWithIds).toEqual([optionIds[2]]);
    expect(exported?.openAnswers.map((a) => [a.text, a.endorsements])).toEqual([[ANNA_WHY, 1]]);

    if (violations.length) console.log(`axe violations:\n${violations.join('\n')}`);
    expect(violations).toEqual([]);
  });
});
