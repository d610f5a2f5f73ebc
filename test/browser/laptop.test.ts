import type { AddressInfo } from 'node:net';
import type os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { databaseFile } from '../../server/env.js';
import type { InterfaceTable } from '../../server/http/origins.js';
import { silentLogger } from '../../server/logger.js';
import { SqliteStore } from '../../server/store/sqliteStore.js';
import { createWorkshop, tempDataDir } from '../integration/harness.js';
import { BOARD, LAPTOP, launchBrowser, screenshot, useBrowserSuite } from './harness.js';

/**
 * Community-centre mode (issue 10): the server started on a laptop without PUBLIC_URL, listening
 * on every interface as `npm start` does. The board is opened at 127.0.0.1 — as the facilitator
 * opens it at localhost — yet its QR code holds the laptop's Wi-Fi address, and the console's
 * picker switches it to the hotspot's. The interface table is a fake one the test controls.
 */
const iface = (address: string, internal = false): os.NetworkInterfaceInfo =>
  ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as os.NetworkInterfaceInfo;
const LOOPBACK_ONLY: InterfaceTable = { lo: [iface('127.0.0.1', true)] };
const WIFI_AND_HOTSPOT: InterfaceTable = { ...LOOPBACK_ONLY, docker0: [iface('172.17.0.1')], wlan0: [iface('192.168.1.23')], ap0: [iface('10.42.0.1')] };

let table: InterfaceTable = WIFI_AND_HOTSPOT;

/** The app as `npm start` runs it on a laptop: listening on every interface, with the test's interface table. */
async function startLaptopServer(): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const store = new SqliteStore(databaseFile(tempDataDir()));
  const app = createApp({ store, config: { clientDir: path.resolve('dist/client'), logger: silentLogger, networkInterfaces: () => table } });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '0.0.0.0', resolve));
  const port = (app.httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      await app.close();
      store.close();
    },
  };
}

const suite = useBrowserSuite(startLaptopServer);

const qrFor = (joinUrl: string) => QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

/** The SVG behind the board's QR image, fetched as the board's page fetches it. */
async function boardQr(board: Page): Promise<{ src: string; svg: string }> {
  const src = (await board.locator('.join-panel-qr img').getAttribute('src')) ?? '';
  const svg = await board.evaluate(async (s) => (await fetch(s)).text(), src);
  return { src, svg };
}

describe('a workshop on a laptop, no PUBLIC_URL', () => {
  it("the board's QR code holds the Wi-Fi address; the console's picker switches it to the hotspot", async () => {
    const { url, port } = suite.server;
    table = WIFI_AND_HOTSPOT;
    const w = await createWorkshop({ url }, { title: 'Buurthuis', language: 'en' });
    const wifi = `http://192.168.1.23:${port}/j/${w.code}`;
    const hotspot = `http://10.42.0.1:${port}/j/${w.code}`;

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${url}/b/${w.code}`);
    await board.getByText(`Join at 192.168.1.23:${port}/join`).waitFor();
    const before = await boardQr(board);
    expect(before.svg).toBe(await qrFor(wifi));
    expect(before.svg).not.toBe(await qrFor(`${url}/j/${w.code}`));
    await screenshot(board, 'laptop-board-wifi');

    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(`${url}/f/${w.code}#${w.hostToken}`);
    const picker = laptop.getByLabel('Address for phones');
    await picker.waitFor();
    // Docker's bridge is not offered: no phone is on it.
    expect(await picker.locator('option').allTextContents()).toEqual([`192.168.1.23:${port} (wlan0)`, `10.42.0.1:${port} (ap0)`]);
    await picker.selectOption(`http://10.42.0.1:${port}`);
    await laptop.getByText(`Phones now join at 10.42.0.1:${port}/j/${w.code}`).waitFor();
    await screenshot(laptop, 'laptop-console-picker');

    // The board follows at once (the socket tells it) and fetches its QR code again.
    await board.getByText(`Join at 10.42.0.1:${port}/join`).waitFor();
    await expect.poll(async () => (await boardQr(board)).src).not.toBe(before.src);
    expect((await boardQr(board)).svg).toBe(await qrFor(hotspot));
    await board.close();
    await laptop.close();
  });

  it('with no network the board says phones cannot reach it instead of a localhost QR code, and shows the address once a hotspot is on', async () => {
    const { url, port } = suite.server;
    table = LOOPBACK_ONLY;
    // The server reads the interfaces again after a few seconds: wait until it sees the change.
    const w = await createWorkshop({ url }, { title: 'Geen netwerk', language: 'en' });
    await expect
      .poll(async () => ((await (await fetch(`${url}/api/workshops/${w.code}/join-address`)).json()) as { reachable: boolean }).reachable, { timeout: 10_000 })
      .toBe(false);

    const board = await suite.browser.newPage(BOARD);
    await board.goto(`${url}/b/${w.code}`);
    await board.getByText('Phones cannot reach this laptop: connect to a Wi-Fi or start a hotspot.').waitFor();
    expect(await board.locator('.join-panel-qr img').count()).toBe(0);
    await screenshot(board, 'laptop-board-no-network');

    const laptop = await suite.browser.newPage(LAPTOP);
    await laptop.goto(`${url}/f/${w.code}#${w.hostToken}`);
    await laptop.getByRole('alert').filter({ hasText: 'Phones cannot reach this laptop' }).waitFor();

    // The facilitator starts the laptop's hotspot: the board finds it by itself.
    table = { ...LOOPBACK_ONLY, ap0: [iface('10.42.0.1')] };
    await board.getByText(`Join at 10.42.0.1:${port}/join`).waitFor({ timeout: 20_000 });
    expect((await boardQr(board)).svg).toBe(await qrFor(`http://10.42.0.1:${port}/j/${w.code}`));
    await board.close();
    await laptop.close();
  });
});

describe('the browser harness', () => {
  it('fails a test on any Content-Security-Policy violation', async () => {
    const own = await launchBrowser();
    const page = await own.newPage(LAPTOP);
    await page.goto(`${suite.server.url}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await expect(own.close()).rejects.toThrow(/CSP violation: script-src-elem blocked inline/);
  });
});
