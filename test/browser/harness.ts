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
