import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { participantBundleSize } from '../../scripts/bundle-size.js';
import type { HostView } from '../../shared/index.js';
import { connectHost, createWorkshop, mustAck, waitFor } from '../integration/harness.js';
import { PHONE, useBrowserSuite } from './harness.js';

/**
 * A slow phone opens the join link and answers a dots vote: Chromium with its CPU throttled 4×
 * and the network emulated at 400 kbit/s each way with 400 ms round trips, on a cold cache. The
 * figure is the time from the start of navigation (the page's time origin) to the moment the
 * phone shows that the server accepted its answer ("Your answer is in", shown once the ack
 * arrives). The target is < 8 s; the test prints the figure and fails above 15 s, a bound
 * loose enough for a machine shared with other work.
 */
const TARGET_MS = 8_000;
const BOUND_MS = 15_000;
const KBIT_400_BYTES_PER_S = (400 * 1024) / 8;

const suite = useBrowserSuite();

/** Records, in the page's own clock (ms since navigation start), when each text first shows. */
function milestoneScript(marks: Record<string, string>) {
  const w = window as unknown as { __marks: Record<string, number> };
  w.__marks = {};
  const check = () => {
    const text = document.body?.innerText ?? '';
    for (const [name, needle] of Object.entries(marks)) {
      if (!(name in w.__marks) && text.includes(needle)) w.__marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
}

describe('a slow phone', () => {
  it("loads only the phone's code: no zod, no console, board, report or home page", () => {
    const dist = path.resolve('dist/client');
    const size = participantBundleSize(dist);
    const scripts = size.files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // zod keeps `_zod` on every schema (a property name, so minifying keeps it); the console's
    // template files need it, the phone does not.
    for (const file of scripts) expect(fs.readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('_zod');
    expect(size.files.filter((f) => /(ConsolePage|BoardPage|ReportPage|HomePage)-/.test(f))).toEqual([]);
    console.log(`Participant route: ${(size.js / 1024).toFixed(1)} KiB JS gzipped (${(size.brotliJs / 1024).toFixed(1)} KiB brotli), ${(size.css / 1024).toFixed(1)} KiB CSS gzipped`);
    // The target is 90 KiB; React 19 alone is about 55 KiB of it. This bound catches a
    // regression (today about 150 KiB), not the target. It was 140 KiB until the options kind:
    // its step (18 KB) and the results math stay out of the first load (chunks of their own),
    // but its texts in both languages and the summary's options part are in it.
    expect(size.js).toBeLessThan(155 * 1024);
    expect(size.files.filter((f) => /(results-math|OptionsPhone)-/.test(f))).toEqual([]);
  });

  it('joins and has its first answer accepted: time from opening the join link', async () => {
    const w = await createWorkshop(suite.server, { title: 'Heat plan Northside', template: 'heat-transition', language: 'en' });
    const host = await connectHost(suite.server, w);
    const view: HostView = await waitFor(host, 'workshop:host');
    const dots = view.activities.find((a) => a.kind === 'dots');
    if (!dots) throw new Error('the heat-transition template has no dots activity');
    await mustAck(host, 'activity:control', { activityId: dots.id, action: 'open' });

    // The room's first phone makes the server compress each asset once; every later phone gets
    // the stored brotli file. Measure such a later phone: fetch the assets until they come stored.
    // The page's assets and the chunks it fetches later (the options step, preloaded once the
    // agenda has one): every script the phone loads.
    const html = await (await fetch(`${suite.server.url}/j/${w.code}`)).text();
    const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(linked.length).toBeGreaterThan(0);
    const chunks = fs.readdirSync(path.resolve('dist/client/assets')).filter((f) => f.endsWith('.js')).map((f) => `/assets/${f}`);
    const assets = [...new Set([...linked, ...chunks])];
    for (const asset of assets) {
      await expect
        .poll(async () => (await fetch(`${suite.server.url}${asset}`, { headers: { 'accept-encoding': 'br' } })).headers.get('content-length'), { timeout: 10_000 })
        .not.toBeNull();
    }

    const phone = await suite.browser.newPage(PHONE);
    const cdp = await phone.context().newCDPSession(phone);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: KBIT_400_BYTES_PER_S,
      uploadThroughput: KBIT_400_BYTES_PER_S,
    });
    await phone.addInitScript(milestoneScript, { joinForm: 'Residents', question: 'You have 5 dots', accepted: 'Your answer is in' });

    const scripts: { url: string; encoding: string | undefined }[] = [];
    phone.on('response', (res) => {
      if (res.url().endsWith('.js')) scripts.push({ url: res.url(), encoding: res.headers()['content-encoding'] });
    });

    await phone.goto(`${suite.server.url}/j/${w.code}`, { waitUntil: 'commit' });
    await phone.getByRole('radio', { name: 'Residents', exact: true }).check({ force: true, timeout: 60_000 });
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.getByRole('button', { name: 'Add a dot to Affordability' }).click({ timeout: 60_000 });
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await phone.getByText(/Your answer is in/).waitFor({ timeout: 60_000 });
    const marks = await phone.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
    // When the last script had arrived: the network's part of the time, before the CPU's.
    const scriptsIn = await phone.evaluate(() =>
      Math.max(...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => (e as PerformanceResourceTiming).responseEnd)),
    );

    // The server has it: one answer to the dots vote, from the group the phone chose.
    const residents = view.groups.find((g) => g.name === 'Residents')?.id as string;
    const counts = await waitFor(host, 'workshop:host', (v) => (v.answerCounts[dots.id]?.total ?? 0) > 0);
    expect(counts.answerCounts[dots.id]?.total).toBe(1);
    expect(counts.answerCounts[dots.id]?.byGroup[residents]).toBe(1);

    // Only the phone's chunks, and compressed.
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /(ConsolePage|BoardPage|ReportPage|HomePage)-/.test(s.url))).toEqual([]);
    expect(scripts.every((s) => s.encoding === 'br')).toBe(true);

    const accepted = Math.round(marks.accepted ?? Number.NaN);
    console.log(
      `Slow phone (4× CPU, 400 kbit/s, 400 ms RTT, cold cache): scripts in at ${Math.round(scriptsIn)} ms, join form at ${Math.round(marks.joinForm ?? NaN)} ms, ` +
        `dots question at ${Math.round(marks.question ?? NaN)} ms, first accepted answer at ${accepted} ms (target < ${TARGET_MS} ms)`,
    );
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(BOUND_MS);
    host.disconnect();
  });
});
