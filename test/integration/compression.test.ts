import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { connectHost, createWorkshop, serverPool, tempDataDir, waitFor } from './harness.js';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed). */
  body: Buffer;
}

/** A GET that does not decode the body, so the test sees what the server really sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decode(res: RawResponse): Buffer {
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(res.body);
    case 'gzip':
      return zlib.gunzipSync(res.body);
    default:
      return res.body;
  }
}

/** A client directory like vite's output: index.html and one content-hashed script of ~40 KB. */
function fakeClientDir(): { dir: string; script: string; asset: string } {
  const dir = tempDataDir();
  fs.mkdirSync(path.join(dir, 'assets'));
  const asset = '/assets/index-Ab12Cd34.js';
  const script = Array.from({ length: 800 }, (_, i) => `export const value${i} = "the phone page, line ${i}";`).join('\n');
  fs.writeFileSync(path.join(dir, asset), script);
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head><script type="module" src="${asset}"></script></head><body><div id="root"></div></body></html>`);
  return { dir, script, asset };
}

describe('HTTP compression', () => {
  const start = serverPool();

  it('sends a hashed script brotli-compressed when br is accepted, gzip otherwise, and cached as immutable', async () => {
    const client = fakeClientDir();
    const server = await start({ config: { clientDir: client.dir } });

    const br = await rawGet(`${server.url}${client.asset}`, { 'accept-encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(br).toString('utf8')).toBe(client.script);
    // 800 near-identical lines: compressed to well under a tenth.
    expect(br.body.length).toBeLessThan(Buffer.byteLength(client.script) / 10);

    const gzip = await rawGet(`${server.url}${client.asset}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decode(gzip).toString('utf8')).toBe(client.script);

    const plain = await rawGet(`${server.url}${client.asset}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(client.script);
  });

  it('sends hashed assets compressed once at the highest settings, from memory, after the first request', async () => {
    const client = fakeClientDir();
    const server = await start({ config: { clientDir: client.dir } });
    const best = zlib.brotliCompressSync(client.script, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    const bestGzip = zlib.gzipSync(client.script, { level: 9 });
    const url = `${server.url}${client.asset}`;

    // The first request starts the compression and is compressed per response meanwhile.
    const first = await rawGet(url, { 'accept-encoding': 'gzip, br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(decode(first).toString('utf8')).toBe(client.script);

    let later = first;
    for (let i = 0; i < 50 && !later.body.equals(best); i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await rawGet(url, { 'accept-encoding': 'gzip, br' });
    }
    expect(later.body.equals(best)).toBe(true);
    expect(later.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': String(best.length),
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
    });

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(bestGzip)).toBe(true);

    // No Accept-Encoding, or identity only: the file as it is.
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const plain = await rawGet(url, headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(client.script);
    }

    // Names outside assets/, and missing files, are left to the static handler and the SPA fallback.
    for (let i = 0; i < 3; i++) {
      const missing = await rawGet(`${server.url}/assets/nope-123.js`, { 'accept-encoding': 'br' });
      expect(missing.headers['cache-control']).toBe('no-cache'); // the SPA fallback's index.html
      expect(decode(missing).toString('utf8')).toContain('<div id="root">');
      await new Promise((r) => setTimeout(r, 20));
    }
    const escape = await rawGet(`${server.url}/assets/..%2Findex.html`, { 'accept-encoding': 'br' });
    expect(escape.headers['cache-control']).not.toBe('public, max-age=31536000, immutable');
  });

  it('serves index.html (and the SPA routes) with no-cache', async () => {
    const client = fakeClientDir();
    const server = await start({ config: { clientDir: client.dir } });
    const page = await rawGet(`${server.url}/j/ABCDEF`, { 'accept-encoding': 'gzip, br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(decode(page).toString('utf8')).toContain(client.asset);
  });

  it('compresses /api JSON', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Wijk Zuid', language: 'nl', groups: ['Bewoners', 'Wijkraad'], template: 'heat-transition' });
    const res = await rawGet(`${server.url}/api/workshops/${w.code}/export`, { 'accept-encoding': 'gzip, br', authorization: `Bearer ${w.hostToken}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(decode(res).toString('utf8')) as { workshop: { code: string; title: string } };
    expect(body.workshop).toMatchObject({ code: w.code, title: 'Wijk Zuid' });

    const gzip = await rawGet(`${server.url}/api/workshops/${w.code}/export`, { 'accept-encoding': 'gzip', authorization: `Bearer ${w.hostToken}` });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // Same document apart from the export time.
    const again = JSON.parse(decode(gzip).toString('utf8')) as typeof body & { exportedAt: string };
    expect({ ...again, exportedAt: '' }).toEqual({ ...body, exportedAt: '' });
  });

  it('leaves socket.io alone: the polling handshake and a websocket host both work', async () => {
    const client = fakeClientDir();
    const server = await start({ config: { clientDir: client.dir } });
    const w = await createWorkshop(server, { title: 'Wijk Zuid' });

    const handshake = await rawGet(`${server.url}/socket.io/?EIO=4&transport=polling`, { 'accept-encoding': 'gzip, br' });
    expect(handshake.status).toBe(200);
    // Engine.io's open packet: type 0 and the session.
    expect(decode(handshake).toString('utf8')).toMatch(/^0\{"sid":"[^"]+"/);

    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    expect(view.code).toBe(w.code);
  });
});
