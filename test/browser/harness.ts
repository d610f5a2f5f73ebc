import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../integration/harness.js';
import { BOARD, LAPTOP, PHONE } from './viewports.js';

/**
 * Browser test harness: the real server serving the built client (npm test builds it first),
 * and Debian's Chromium driven by playwright-core. Screenshots go to test-results/screens/.
 */
export { BOARD, LAPTOP, PHONE };

const CLIENT_DIR = path.resolve('dist/client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.resolve('test-results/screens');

export async function startAppServer(): Promise<TestServer> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` first (npm test does)');
  }
  // The pages are opened at 127.0.0.1, which the server otherwise treats as unreachable for phones
  // (the board would say so instead of showing a QR code): as an operator would, allow that name.
  return startServer({ config: { clientDir: CLIENT_DIR, allowedHosts: ['127.0.0.1'] } });
}

export interface TestBrowser {
  /** A page in its own context (own localStorage), as a separate device would be. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Every page reports Content-Security-Policy violations (and bad Permissions-Policy features) as
 * console errors, which fail the test at close(): the app must run under the server's policy.
 */
const reportViolations = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
};
const VIOLATION = /CSP violation|Refused to|Content Security Policy|Permissions-Policy/i;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<TestBrowser> {
  const contexts: { context: BrowserContext; dir: string }[] = [];
  const errors: string[] = [];
  return {
    async newPage(viewport) {
      // One persistent context per device: separate storage, like separate phones.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raakvlak-chromium-'));
      const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
      contexts.push({ context, dir });
      await context.addInitScript(reportViolations);
      const watch = (page: Page) => {
        page.on('pageerror', (err) => errors.push(err.message));
        page.on('console', (msg) => {
          if (VIOLATION.test(msg.text())) errors.push(`${msg.text()} on ${page.url()}`);
        });
      };
      // The first tab exists already; popups and later tabs are watched as they open.
      const first = context.pages()[0];
      if (first) watch(first);
      context.on('page', watch);
      return first ?? (await context.newPage());
    },
    async close() {
      for (const { context, dir } of contexts.splice(0)) {
        await context.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
      if (errors.length) throw new Error(`Page errors: ${errors.join('; ')}`);
    },
  };
}

/** What a suite starts before its tests and closes after them. */
export interface Closable {
  close(): Promise<void>;
}

export interface BrowserSuite<S extends Closable> {
  /** The server the suite's pages talk to (from the suite's beforeAll on). */
  readonly server: S;
  /** The suite's Chromium (from the suite's beforeAll on). */
  readonly browser: TestBrowser;
}

/**
 * One server and one Chromium for a test file: `const suite = useBrowserSuite();` at the top
 * registers a beforeAll that starts the server (by default the app serving the built client, see
 * startAppServer; or `start`) and launches the browser, and an afterAll that closes the browser —
 * failing the file on any page error or CSP violation — and then the server, even if that failed.
 * Reading `suite.server` or `suite.browser` before the beforeAll ran throws.
 */
export function useBrowserSuite(): BrowserSuite<TestServer>;
export function useBrowserSuite<S extends Closable>(start: () => Promise<S>): BrowserSuite<S>;
export function useBrowserSuite(start: () => Promise<Closable> = startAppServer): BrowserSuite<Closable> {
  let server: Closable | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await server?.close();
    }
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet: use it inside a test or a later hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet: use it inside a test or a later hook');
      return browser;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface SmallText {
  text: string;
  px: number;
  where: string;
}

/** Every visible text node on screen with a computed font size under 28 px (the board's minimum at 1920×1080). */
export function smallText(page: Page, minPx = 27.95): Promise<SmallText[]> {
  return page.evaluate((minPx) => {
    const out: SmallText[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      // Screen-reader-only text is clipped to a 1 px box.
      if (r.width <= 2 || r.height <= 2 || el.closest('.sr-only')) continue;
      if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      const where = `${el.tagName.toLowerCase()}.${String(el.className)}`;
      // One entry per kind of element and size is enough to find the rule to fix.
      if (px < minPx && !out.some((o) => o.where === where && o.px === Math.round(px * 10) / 10)) out.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10, where });
    }
    return out;
  }, minPx);
}
