import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, Lang } from '../../shared/index.js';
import { feedbackEditEn } from '../../client/src/i18n/feedbackEdit.en.js';
import { feedbackEditNl } from '../../client/src/i18n/feedbackEdit.nl.js';
import { LAPTOP, PHONE, screenshot, useBrowserSuite } from './harness.js';
import { Peer, STRINGS, scrollToPart, useLanguage } from './screens.js';

/**
 * "You said, we did" in a real browser: the organiser writes entries in the console (a
 * javascript: link refused by the server with the message at the field), publishes them, and
 * a phone that took part sees the entry about what it said first and marked; a phone opening
 * the link later sees them under the join form and on the "joining is closed" screen; the
 * printed report has the section. axe-core (WCAG 2.1 A + AA) on each of those screens, in
 * Dutch and English; screenshots in test-results/screens/feedback-*.png.
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EDIT = { nl: feedbackEditNl, en: feedbackEditEn };
const DECISION: Record<Lang, string> = { nl: 'De gemeenteraad maximeert de aansluitkosten op € 1.000.', en: 'The council caps the connection fee at €1,000.' };
const GENERAL: Record<Lang, string> = { nl: 'Het verslag ligt in de bibliotheek.', en: 'The minutes are at the library.' };
const LINK = 'https://example.org/raad/2027-03';

const suite = useBrowserSuite();
const peers: Peer[] = [];
afterAll(() => {
  for (const p of peers.splice(0)) p.close();
});

let laptop: Page;
let phone: Page;
let later: Page;
let report: Page;
beforeAll(async () => {
  laptop = await suite.browser.newPage(LAPTOP);
  phone = await suite.browser.newPage(PHONE);
  later = await suite.browser.newPage(PHONE);
  report = await suite.browser.newPage({ width: 794, height: 1123 });
});

async function axe(page: Page, found: string[], name: string, part?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG);
  if (part) builder = builder.include(part);
  const result = await builder.analyze();
  for (const v of result.violations) for (const node of v.nodes) found.push(`${name} · ${v.id} · ${node.target.join(' ')} · ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 200) ?? v.help}`);
}

describe('"you said, we did" in the browser', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`written in the console, published, seen on the phone, the join page and the report (${lang})`, { timeout: 180_000 }, async () => {
      const T = STRINGS[lang];
      const E = EDIT[lang];
      const url = suite.server.url;
      const found: string[] = [];
      for (const page of [laptop, phone, later, report]) await useLanguage(page, url, lang);

      const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: lang === 'nl' ? 'Warmteplan Noordwijk' : 'Heat plan Northside', template: 'heat-transition', language: lang }) });
      expect(res.status).toBe(201);
      const w = (await res.json()) as CreateWorkshopResponse;
      const host = await Peer.open(url, { code: w.code, hostToken: w.hostToken });
      peers.push(host);
      const first = await host.host();
      const [explore, dots] = first.activities.map((a) => a.id) as [string, string];
      const v = first.values.map((x) => x.id);

      // The browser's phone joins in group 1 and tells a story on the first value; five phones over sockets.
      await phone.goto(`${url}/j/${w.code}`);
      await phone.getByRole('radio', { name: first.groups[0]!.name, exact: true }).check({ force: true });
      await phone.getByRole('button', { name: T.phone.joinButton, exact: true }).click();
      await phone.getByText(T.phone.waitingTitle).waitFor();
      const token = await phone.evaluate((code) => localStorage.getItem(`raakvlak.participant.${code}`), w.code);
      const me = await Peer.open(url, { code: w.code, participantToken: token });
      peers.push(me);
      const others: Peer[] = [];
      for (const g of [0, 0, 1, 1, 1]) {
        const p = await Peer.open(url, { code: w.code, view: 'phone' });
        peers.push(p);
        await p.ack('participant:join', { groupId: first.groups[g]!.id });
        others.push(p);
      }
      await host.ack('agenda:goto', { activityId: explore });
      await me.ack('story:add', { valueId: v[0]!, text: lang === 'nl' ? 'Onze energierekening verdubbelde.' : 'Our energy bill doubled.' });
      // A dots vote: the first value on top (13 dots); the second splits the groups (group 1 none, group 2 nine).
      await host.ack('agenda:goto', { activityId: dots });
      const spread = [
        { [v[0]!]: 3, [v[2]!]: 2 },
        { [v[0]!]: 3, [v[2]!]: 2 },
        { [v[0]!]: 3, [v[3]!]: 2 },
        { [v[1]!]: 3, [v[0]!]: 2 },
        { [v[1]!]: 3, [v[0]!]: 2 },
        { [v[1]!]: 3, [v[2]!]: 2 },
      ];
      for (const [i, p] of [me, ...others].entries()) await p.ack('answer:submit', { activityId: dots, answerId: `dots-${lang}-${i}`, answer: { kind: 'dots', dots: spread[i]! } });
      await host.ack('activity:control', { activityId: dots, action: 'close' });
      const summary = (await host.host((h) => (h.summary?.topValues.length ?? 0) > 0)).summary!;
      expect(summary.topValues[0]!.valueId).toBe(v[0]);
      const top = first.values[0]!.title;

      // ---- The console: write an entry on the top value, with a javascript: link first.
      await laptop.goto(`${url}/f/${w.code}#${w.hostToken}`);
      const panel = laptop.locator('section[aria-labelledby="fb-h"]');
      await panel.waitFor();
      await panel.getByRole('heading', { level: 2, name: E.title }).waitFor();
      const topGroup = panel.locator('.fb-group').filter({ has: laptop.getByRole('heading', { level: 3, name: E.groups.value }) });
      await topGroup.getByRole('button', { name: E.addFor.replace('{{name}}', top) }).click();
      const form = panel.getByRole('form', { name: E.editing.replace('{{name}}', top) });
      await form.getByLabel(E.fields.decision).fill(DECISION[lang]);
      await form.getByLabel(E.fields.when, { exact: true }).fill(lang === 'nl' ? 'maart 2027' : 'March 2027');
      await form.getByLabel(E.fields.link, { exact: true }).fill('javascript:alert(1)');
      await form.getByRole('button', { name: E.save }).click();
      const refusal = form.getByRole('alert').filter({ hasText: E.refused.badLink });
      await refusal.waitFor();
      await refusal.scrollIntoViewIfNeeded();
      await screenshot(laptop, `feedback-console-refused-${lang}`);
      await axe(laptop, found, 'console-refused', 'section[aria-labelledby="fb-h"]');
      expect((await host.host()).feedback?.entries).toEqual([]);

      await form.getByLabel(E.fields.link, { exact: true }).fill(LINK);
      await form.getByRole('button', { name: E.save }).click();
      await form.waitFor({ state: 'detached' });
      await panel.getByRole('button', { name: E.addGeneral }).click();
      const general = panel.getByRole('form', { name: E.editingGeneral });
      await general.getByLabel(E.fields.decision).fill(GENERAL[lang]);
      await general.getByRole('button', { name: E.save }).click();
      await general.waitFor({ state: 'detached' });
      const hosted = await host.host((h) => h.feedback?.entries.length === 2);
      expect(hosted.feedback!.entries.map((e) => [e.target.kind, e.target.id, e.link])).toEqual([
        ['value', v[0], LINK],
        ['general', null, null],
      ]);
      // Nothing on the phone before publishing.
      await phone.waitForTimeout(300);
      expect(await phone.getByRole('region', { name: T.feedback.title }).count()).toBe(0);

      await panel.getByRole('button', { name: E.publish }).click();
      await panel.getByRole('button', { name: E.unpublish }).waitFor();
      await panel.locator('details.fb-preview > summary').click();
      await scrollToPart(laptop, 'section[aria-labelledby="fb-h"]');
      await screenshot(laptop, `feedback-console-published-${lang}`);
      await axe(laptop, found, 'console-published', 'section[aria-labelledby="fb-h"]');

      // ---- The phone that took part: its entry first, marked; the link opens safely.
      const section = phone.getByRole('region', { name: T.feedback.title });
      await section.waitFor();
      const items = section.getByRole('listitem');
      expect(await items.count()).toBe(2);
      await expect.poll(() => items.nth(0).textContent()).toContain(T.feedback.aboutYou);
      expect(await items.nth(0).textContent()).toContain(DECISION[lang]);
      expect(await items.nth(1).textContent()).toContain(GENERAL[lang]);
      expect(await items.nth(1).textContent()).not.toContain(T.feedback.aboutYou);
      const link = section.getByRole('link', { name: LINK });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      await section.scrollIntoViewIfNeeded();
      await screenshot(phone, `feedback-phone-${lang}`);
      await axe(phone, found, 'phone');

      // ---- Someone opening the link later: under the join form, and on the closed screen.
      await later.goto(`${url}/j/${w.code}`);
      await later.getByRole('link', { name: T.feedback.jump }).click();
      const laterSection = later.getByRole('region', { name: T.feedback.title });
      await laterSection.waitFor();
      expect(await laterSection.getByRole('listitem').count()).toBe(2);
      expect(await laterSection.textContent()).not.toContain(T.feedback.aboutYou);
      await screenshot(later, `feedback-join-${lang}`);
      await axe(later, found, 'join');
      await host.ack('settings:update', { joiningOpen: false });
      await later.getByRole('heading', { level: 1, name: T.doors.phone.closedTitle }).waitFor();
      await laterSection.waitFor();
      await screenshot(later, `feedback-closed-${lang}`);
      await axe(later, found, 'closed');

      // ---- The report.
      await report.goto(`${url}/r/${w.code}#${w.hostToken}`);
      const printed = report.getByRole('region', { name: E.title });
      await printed.waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
        await screenshot(report, `feedback-report-failed-${lang}`);
        throw err;
      });
      expect(await printed.textContent()).toContain(DECISION[lang]);
      expect(await printed.textContent()).toContain(LINK);
      await printed.scrollIntoViewIfNeeded();
      await screenshot(report, `feedback-report-${lang}`);
      await axe(report, found, 'report', 'section[aria-labelledby="feedback-h"]');

      // Taken back: the phones no longer show it.
      await host.ack('feedback:publish', { published: false });
      await section.waitFor({ state: 'detached' });

      if (found.length) console.log(found.join('\n'));
      expect(found).toEqual([]);
      for (const p of peers.splice(0)) p.close();
    });
  }
});

