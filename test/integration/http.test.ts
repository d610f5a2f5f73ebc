import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, LIMITS, type CreateWorkshopResponse, type HttpErrorResponse, type WorkshopSummary } from '../../shared/index.js';
import { createWorkshop, serverPool, tempDataDir } from './harness.js';

const post = (url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}/api/workshops`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HTTP', () => {
  const start = serverPool();

  it('answers /healthz', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('creates a workshop: a 6-character code, a 32-character host token, the URLs', async () => {
    const server = await start();
    const res = await post(server.url, { title: '  Wijk Zuid ', language: 'en', groups: ['Residents', 'Wijkraad'] });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreateWorkshopResponse;
    expect(body.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(body.hostToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(body.urls).toEqual({ host: `/f/${body.code}#${body.hostToken}`, board: `/b/${body.code}`, join: `/j/${body.code}` });
    expect(body.joinUrl).toBe(`${server.url}/j/${body.code}`);
    expect(Object.keys(body).sort()).toEqual(['code', 'hostToken', 'joinUrl', 'urls', 'workshopId']);
    // Only the hash is kept.
    expect(JSON.stringify(server.app.registry.byCode(body.code)?.state)).not.toContain(body.hostToken);

    const summary = await fetch(`${server.url}/api/workshops/${body.code.toLowerCase()}`);
    expect(summary.status).toBe(200);
    const s = (await summary.json()) as WorkshopSummary;
    expect(s).toMatchObject({ code: body.code, title: 'Wijk Zuid', language: 'en', settings: { allowNames: false, allowProposals: true } });
    expect(s.groups.map((g) => g.name)).toEqual(['Residents', 'Wijkraad']);
    expect(s.joinUrl).toBe(`${server.url}/j/${body.code}`);
    expect(Object.keys(s).sort()).toEqual(['code', 'feedback', 'groups', 'joinUrl', 'language', 'process', 'settings', 'title']);
    // A workshop outside a process, with nothing published.
    expect([s.feedback, s.process]).toEqual([null, null]);
  });

  it('uses PUBLIC_URL for the join URL', async () => {
    const server = await start({ config: { publicUrl: 'https://raakvlak.example/' } });
    const w = await createWorkshop(server, { title: 'x' });
    expect(w.joinUrl).toBe(`https://raakvlak.example/j/${w.code}`);
    // The board reads the same address from the summary to show beside its QR code.
    const s = (await (await fetch(`${server.url}/api/workshops/${w.code}`)).json()) as WorkshopSummary;
    expect(s.joinUrl).toBe(`https://raakvlak.example/j/${w.code}`);
  });

  it('refuses invalid bodies with 400 and the issues', async () => {
    const server = await start();
    const cases: [unknown, string][] = [
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(LIMITS.workshopTitle + 1) }, 'title'],
      [{ title: 'x', groups: Array.from({ length: LIMITS.groupsMax + 1 }, (_, i) => `Groep ${i}`) }, 'groups'],
      [{ title: 'x', groups: [] }, 'groups'],
      [{ title: 'x', groups: ['Bewoners', 'bewoners'] }, 'groups'],
      [{ title: 'x', template: 'nope' }, 'template'],
      [{ title: 'x', language: 'de' }, 'language'],
      [['title'], ''],
    ];
    for (const [body, pathName] of cases) {
      const res = await post(server.url, body);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as HttpErrorResponse;
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.issues?.some((i) => i.path === pathName)).toBe(true);
    }
    expect(server.app.registry.size).toBe(0);
  });

  it('refuses bodies that are not JSON, malformed or too large', async () => {
    const server = await start();
    expect((await post(server.url, 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    const malformed = await post(server.url, '{"title":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON' } });
    const huge = await post(server.url, { title: 'x', padding: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as HttpErrorResponse).error.code).toBe('BAD_REQUEST');
  });

  it('rate-limits workshop creation per address', async () => {
    const server = await start({ config: { limits: { createsPerAddress: { points: 2, seconds: 600 } } } });
    expect((await post(server.url, { title: 'a' })).status).toBe(201);
    expect((await post(server.url, { title: 'b' })).status).toBe(201);
    const third = await post(server.url, { title: 'c' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await third.json()) as HttpErrorResponse).error.code).toBe('RATE_LIMITED');
  });

  it('answers 404 JSON for an unknown workshop or API path', async () => {
    const server = await start();
    for (const p of ['/api/workshops/ZZZZZZ', '/api/workshops/not-a-code', '/api/workshops/ZZZZZZ/qr.svg', '/api/nope', '/api']) {
      const res = await fetch(server.url + p);
      expect(res.status).toBe(404);
      expect(((await res.json()) as HttpErrorResponse).error.code).toBe('NOT_FOUND');
    }
  });

  it('serves the join QR code as SVG', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'x' });
    const res = await fetch(`${server.url}/api/workshops/${w.code}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    // The address may change (the facilitator's pick): never kept by a shared cache.
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await res.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('serves the built client with an SPA fallback, but never for /api', async () => {
    const clientDir = tempDataDir();
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Raakvlak</title>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)');
    const server = await start({ config: { clientDir } });
    for (const p of ['/', '/j/ABCDEF', '/f/ABCDEF', '/b/ABCDEF']) {
      const res = await fetch(server.url + p);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Raakvlak</title>');
    }
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/api/unknown`)).headers.get('content-type')).toMatch(/json/);
  });
});
