import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type TestServer } from '../integration/harness.js';

/**
 * Browser test harness: the real server serving the built client (npm test builds it first),
 * and Debian's Chromium driven by playwright-core. Screenshots go to test-results/screens/.
 */
export const PHONE = { width: 390, height: 844 };
export const BOARD = { width: 1920, height: 1080 };
export const LAPTOP = { width: 1440, height: 900 };

const CLIENT_DIR = path.resolve('dist/client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.resolve('test-results/screens');

export async function startAppServer(): Promise<TestServer> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error('dist/client is missing: run `npm run build` first (npm test does)');
  }
  return startServer({ config: { clientDir: CLIENT_DIR } });
}

export interface TestBrowser {
  /** A page in its own context (own localStorage), as a separate device would be. */
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

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
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (err) => errors.push(err.message));
      return page;
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

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
