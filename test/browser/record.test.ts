import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENS_DIR, useBrowserSuite } from './harness.js';
import { PRINT } from './viewports.js';
import { RECORD_LINK, RECORD_TEXT, runRecordProcess } from './recordSetup.js';

/**
 * Issue 12's participation record, printed by Chromium: a process of two meetings run by real
 * sockets (11 phones per meeting: residents 3 of 40 invited, municipality 6 of 8, housing
 * association 2 of 6; the organiser publishes "you said, we did"), then the workshop record
 * (`/r/CODE/record#<organiser token>`) and the process record (`/p/CODE/record#…`) are printed
 * to A4 PDFs, and the PDFs' own text (pdfjs-dist) must name each group's turnout, the
 * under-represented group and a "we did" entry with its link. axe checks both pages.
 */
const suite = useBrowserSuite();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(page: Page, url: string, lang: 'nl' | 'en'): Promise<void> {
  await page.goto(`${suite.server.url}/join`);
  await page.evaluate((l) => localStorage.setItem('raakvlak.lang', l), lang);
  await page.goto(url);
}

/** The PDF's text, page by page, as pdfjs reads it; whitespace removed, so a line broken in print still matches. */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: text.replace(/\s+/g, '') };
}
const squash = (s: string) => s.replace(/\s+/g, '');

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} · ${n.target.join(' ')} · ${n.failureSummary?.replace(/\s+/g, ' ').slice(0, 160) ?? v.help}`));
}

describe('the participation record', () => {
  it('prints a meeting’s and a process’s record to A4 PDFs naming each group’s turnout and what was done', { timeout: 120_000 }, async () => {
    const url = suite.server.url;
    const { process, meetings } = await runRecordProcess(url, 'nl', 2);
    const T = RECORD_TEXT.nl;
    const [spring, autumn] = meetings as [(typeof meetings)[number], (typeof meetings)[number]];
    expect(spring.topValueTitle).not.toBe('');

    // ---- The autumn meeting's record, opened with the organiser token (a host token for every meeting of its process).
    const page = await suite.browser.newPage(PRINT);
    await open(page, `${url}/r/${autumn.code}/record#${process.organiserToken}`, 'nl');
    await page.getByRole('heading', { level: 1, name: T.meetings[1] }).waitFor();
    // The area is the process's, read from its public page.
    await page.getByText(T.area).waitFor();
    expect(await axe(page)).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    fs.writeFileSync(path.join(SCREENS_DIR, 'record.pdf'), pdf);
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    // Turnout per group: 3/40 = 7.5 % → 8 %, 6/8 = 75 %, 2/6 = 33 %.
    expect(text).toContain(squash('Bewoners: 3 van 40 uitgenodigden deden mee (8%).'));
    expect(text).toContain(squash('Gemeente: 6 van 8 uitgenodigden deden mee (75%).'));
    expect(text).toContain(squash('Woningcorporatie: 2 van 6 uitgenodigden deden mee (33%).'));
    expect(text).toContain(squash('11 van 54 uitgenodigden'));
    // The gap: residents are 3/11 = 27 % of the participants against 40/54 = 74 % of those invited.
    expect(text).toContain(squash('Ondervertegenwoordigd: Bewoners (27% van de deelnemers tegen 74% van de uitgenodigden).'));
    // What was done with it, the link printed in full; the stories next to the top value.
    expect(text).toContain(squash(`Waarde: ${autumn.topValueTitle}`));
    expect(text).toContain(squash(T.decision));
    expect(text).toContain(squash(T.when));
    expect(text).toContain(RECORD_LINK);
    expect(text).toContain(squash(T.general));
    expect(text).toContain(squash(T.stories[0]));
    expect(text).toContain(squash(`${T.title} · bijeenkomst 2`));
    // No UI chrome in print.
    expect(text).not.toContain(squash('Afdrukken / opslaan als pdf'));

    // ---- The process record: both meetings, and the series over time.
    const whole = await suite.browser.newPage(PRINT);
    await open(whole, `${url}/p/${process.code}/record#${process.organiserToken}`, 'nl');
    await whole.getByRole('heading', { level: 1, name: T.title }).waitFor();
    expect(await axe(whole)).toEqual([]);
    const processPdf = await whole.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(SCREENS_DIR, 'process-record.pdf'), processPdf);
    const all = await pdfText(processPdf);
    expect(all.pages).toBeGreaterThanOrEqual(3);
    expect(all.text).toContain(squash('In de loop van het traject'));
    for (const title of T.meetings) expect(all.text).toContain(squash(title));
    // Each meeting in brief names each group's turnout and its "we did".
    expect(all.text.split(squash('Bewoners: 3 van 40 uitgenodigden deden mee (8%).')).length - 1).toBe(2);
    expect(all.text.split(squash(T.decision)).length - 1).toBe(2);
    expect(all.text).toContain(squash(T.area));
  });
});
