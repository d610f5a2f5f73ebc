/**
 * Screenshots of every screen in Dutch and in English, for docs/screenshots/: the same tour of a
 * workshop as the accessibility test (test/browser/screens.ts) with a picture at each screen —
 * the console at 1440×900, the board at 1920×1080, the phone at 390×844, the report at A4 width —
 * each of the window only, as PNG. The board's join address is that of a laptop on Wi-Fi at
 * 192.168.1.20, as a phone in the room would use it.
 *
 * `npx vite build && npx tsx scripts/screenshots.ts [outDir]` (outDir defaults to docs/screenshots).
 * `SCREENS_ONLY=options,summary` writes only the screens whose name contains one of those words
 * (the tour still walks every screen to reach them).
 * After the tour, a process of two meetings (test/browser/recordSetup.ts) per language: the process
 * page for the organiser at 1440×900 and in public on a phone at 390×844, and the participation
 * records of a meeting and of the process at 1240 wide (A4 proportions); `SCREENS_ONLY=process,record`
 * skips the tour.
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createApp } from '../server/app.js';
import { databaseFile } from '../server/env.js';
import { silentLogger } from '../server/logger.js';
import { SqliteStore } from '../server/store/sqliteStore.js';
import { scrollToPart, tour, VIEWPORTS, type Device, type Devices } from '../test/browser/screens.js';
import { RECORD_TEXT, runRecordProcess } from '../test/browser/recordSetup.js';
import type { Page } from 'playwright-core';

const OUT = path.resolve(process.argv[2] ?? 'docs/screenshots');
const ONLY = (process.env.SCREENS_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const CLIENT_DIR = path.resolve('dist/client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
  console.error('dist/client is missing: run `npx vite build` first');
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-screens-'));
const store = new SqliteStore(databaseFile(dataDir));
// The laptop in a community centre, on Wi-Fi at 192.168.1.20: the board's join address and QR code
// name that address (PUBLIC_URL), while this script's browser opens the pages on the loopback.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as AddressInfo;
    probe.close(() => resolve(free));
  });
});
const url = `http://127.0.0.1:${port}`;
const app = createApp({ store, clock: Date.now, config: { logger: silentLogger, clientDir: CLIENT_DIR, publicUrl: `http://192.168.1.20:${port}`, allowedOrigins: [url] } });
await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', () => resolve()));

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
fs.mkdirSync(OUT, { recursive: true });
let bytes = 0;
let count = 0;
try {
  const devices = {} as Devices;
  for (const device of Object.keys(VIEWPORTS) as Device[]) {
    const context = await browser.newContext({ viewport: VIEWPORTS[device] });
    devices[device] = await context.newPage();
  }
  // The process and record screens (below) are not in the tour: asking only for them skips it.
  const PROCESS_SCREENS = ['process-organiser', 'process-public', 'record-workshop', 'record-workshop-results', 'record-workshop-did', 'record-process', 'record-process-time'];
  const onlyProcess = ONLY.length > 0 && ONLY.every((word) => PROCESS_SCREENS.some((name) => name.includes(word)));
  for (const lang of onlyProcess ? [] : (['en', 'nl'] as const)) {
    await tour(url, devices, lang, async (screen) => {
      if (ONLY.length > 0 && !ONLY.some((word) => screen.name.includes(word))) return;
      if (screen.part) await scrollToPart(screen.page, screen.part);
      const file = path.join(OUT, `${screen.lang}-${screen.name}.png`);
      await screen.page.screenshot({ path: file });
      bytes += fs.statSync(file).size;
      count++;
      console.log(`${path.relative(process.cwd(), file)}  ${Math.round(fs.statSync(file).size / 1024)} kB`);
    });
  }
  const shoot = async (page: Page, lang: string, name: string) => {
    if (ONLY.length > 0 && !ONLY.some((word) => name.includes(word))) return;
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(OUT, `${lang}-${name}.png`);
    await page.screenshot({ path: file });
    bytes += fs.statSync(file).size;
    count++;
    console.log(`${path.relative(process.cwd(), file)}  ${Math.round(fs.statSync(file).size / 1024)} kB`);
  };
  // A part of a record at the top of the window, below the sticky toolbar.
  const scrollTo = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const bar = document.querySelector('.report-toolbar')?.getBoundingClientRect().height ?? 0;
      if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - bar - 16);
    }, selector);
  for (const lang of ['en', 'nl'] as const) {
    const T = RECORD_TEXT[lang];
    const { process: p, meetings } = await runRecordProcess(url, lang, 2);
    const last = meetings[meetings.length - 1]!;
    // Each page in a context of its own, so the public phone does not remember the organiser's token.
    const fresh = async (viewport: { width: number; height: number }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${url}/join`);
      await page.evaluate((l) => localStorage.setItem('raakvlak.lang', l), lang);
      return page;
    };
    const organiser = await fresh(VIEWPORTS.laptop);
    await organiser.goto(`${url}/p/${p.code}#${p.organiserToken}`);
    await organiser.getByRole('heading', { level: 1, name: T.title }).waitFor();
    await shoot(organiser, lang, 'process-organiser');
    const phone = await fresh(VIEWPORTS.phone);
    await phone.goto(`${url}/p/${p.code}`);
    await phone.getByRole('heading', { level: 1, name: T.title }).waitFor();
    await shoot(phone, lang, 'process-public');
    const sheet = await fresh({ width: 1240, height: 1754 });
    await sheet.goto(`${url}/r/${last.code}/record#${p.organiserToken}`);
    await sheet.getByRole('heading', { level: 1, name: T.meetings[1] }).waitFor();
    await sheet.getByText(T.area).waitFor();
    await shoot(sheet, lang, 'record-workshop');
    await scrollTo(sheet, '[aria-labelledby="rec-results-h"]');
    await shoot(sheet, lang, 'record-workshop-results');
    await scrollTo(sheet, '[aria-labelledby="rec-did-h"]');
    await shoot(sheet, lang, 'record-workshop-did');
    await sheet.goto(`${url}/p/${p.code}/record#${p.organiserToken}`);
    await sheet.getByRole('heading', { level: 1, name: T.title }).waitFor();
    await shoot(sheet, lang, 'record-process');
    await scrollTo(sheet, '[aria-labelledby="rec-time-h"]');
    await shoot(sheet, lang, 'record-process-time');
    for (const page of [organiser, phone, sheet]) await page.context().close();
  }
  console.log(`${count} screenshots, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
  await app.close();
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
