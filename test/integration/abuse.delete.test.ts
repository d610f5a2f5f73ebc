import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse, ExportDocument } from '../../shared/index.js';
import { databaseFile } from '../../server/env.js';
import type { Logger } from '../../server/logger.js';
import { fetchExport } from './exports.js';
import {
  connect,
  connectHost,
  connectVisitor,
  createWorkshop,
  joinAs,
  mustAck,
  refusal,
  serverPool,
  settle,
  tempDataDir,
  waitFor,
  type ClientSocket,
  type Endpoint,
  type StartOptions,
  type TestServer,
} from './harness.js';

/**
 * Delete means gone (issue 9): a deleted workshop leaves memory, the database file (raw bytes,
 * WAL included) and every endpoint; retention deletes idle workshops; an erased participant
 * leaves state, results, export and the stored log, and the workshop still replays.
 */

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 19, 0, 0);

/** The database file and its WAL, as bytes: what someone with the disk would read. */
function rawBytes(dataDir: string): Buffer {
  const file = databaseFile(dataDir);
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

/** Whether the text is anywhere in the files, as SQLite stores it (UTF-8). */
const onDisk = (dataDir: string, text: string): boolean => rawBytes(dataDir).includes(Buffer.from(text, 'utf8'));

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

const del = (server: Endpoint, code: string, token?: string) =>
  fetch(`${server.url}/api/workshops/${code}`, { method: 'DELETE', headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });

/** The socket is told and then cut off by the server. */
function deletedAndCut(socket: ClientSocket, event: 'workshop:deleted' | 'participant:erased'): Promise<string> {
  return new Promise((resolve, reject) => {
    let told = false;
    const timer = setTimeout(() => reject(new Error(`no ${event} and disconnect`)), 3000);
    socket.once(event, () => (told = true));
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      if (told) resolve(reason);
      else reject(new Error(`disconnected (${reason}) without ${event}`));
    });
  });
}

/** A workshop with a story, a hidden story, an edited card, a named participant, a host, a phone and a board. */
async function busyWorkshop(server: TestServer, title: string, secret: string) {
  const w = await createWorkshop(server, { title, template: 'empty', groups: ['Bewoners', 'Gemeente'] });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  const [g1] = view.groups.map((g) => g.id) as [string];
  await mustAck(host, 'settings:update', { allowNames: true });
  await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
  const { valueId } = await mustAck(host, 'value:add', { title: `${secret}-PRE-EDIT-TITLE` });
  await mustAck(host, 'value:edit', { valueId, title: 'Warmte', description: '' });
  const phone = await joinAs(server, w.code, g1, `${secret}-NAME`);
  const { storyId } = await mustAck(phone.socket, 'story:add', { valueId, text: `${secret}-STORY` });
  const { storyId: hiddenId } = await mustAck(phone.socket, 'story:add', { valueId, text: `${secret}-HIDDEN-STORY` });
  await mustAck(host, 'story:hide', { storyId: hiddenId, hidden: true });
  const board = await connectVisitor(server, w.code);
  await waitFor(board, 'workshop:public');
  return { w, host, phone, board, valueId, storyId };
}

describe('deleting a workshop', () => {
  const start = serverPool();

  it('asks for the host token: none is 401, another workshop’s is 403, an unknown code 404', async () => {
    const server = await start();
    const a = await createWorkshop(server, { title: 'A', template: 'empty' });
    const b = await createWorkshop(server, { title: 'B', template: 'empty' });
    expect((await del(server, a.code)).status).toBe(401);
    expect((await del(server, a.code, 'not-a-token')).status).toBe(403);
    expect((await del(server, a.code, b.hostToken)).status).toBe(403);
    expect((await del(server, 'ZZZZZZ', a.hostToken)).status).toBe(404);
    // Nothing was deleted by any of them.
    expect((await fetchExport(server, a)).workshop.title).toBe('A');
    expect((await fetchExport(server, b)).workshop.title).toBe('B');
  });

  it('is gone from memory, the database file, every endpoint and every socket; another workshop is untouched', async () => {
    const server = await start();
    const doomed = await busyWorkshop(server, 'Weg ermee', 'QUOKKA');
    const kept = await busyWorkshop(server, 'Blijft', 'WOMBAT');
    // A vote with a running timer: deleting stops it.
    const { activityId: timed } = await mustAck(doomed.host, 'agenda:add', { kind: 'dots' });
    await mustAck(doomed.host, 'activity:configure', { activityId: timed, valueIds: [doomed.valueId], timerSeconds: 600 });
    await mustAck(doomed.host, 'agenda:goto', { activityId: timed });
    expect(server.app.timers.has(doomed.w.workshopId)).toBe(true);
    server.app.registry.flush();
    // Before: the texts are on disk (so the checks below can fail).
    for (const t of ['QUOKKA-STORY', 'QUOKKA-HIDDEN-STORY', 'QUOKKA-PRE-EDIT-TITLE', 'QUOKKA-NAME', 'Weg ermee']) expect(onDisk(server.dataDir, t), t).toBe(true);

    const told = [doomed.host, doomed.phone.socket, doomed.board].map((s) => deletedAndCut(s, 'workshop:deleted'));
    const res = await del(server, doomed.w.code, doomed.w.hostToken);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await Promise.all(told)).toEqual(['io server disconnect', 'io server disconnect', 'io server disconnect']);

    // Memory.
    expect([...server.app.registry.loaded()].map((w) => w.code)).toEqual([kept.w.code]);
    expect(server.app.timers.has(doomed.w.workshopId)).toBe(false);
    // Every endpoint, and the sockets.
    const h = { Authorization: `Bearer ${doomed.w.hostToken}` };
    for (const path of ['', '/export', '/export.csv', '/qr.svg']) {
      expect((await fetch(`${server.url}/api/workshops/${doomed.w.code}${path}`, { headers: h })).status, path).toBe(404);
    }
    expect((await del(server, doomed.w.code, doomed.w.hostToken)).status).toBe(404);
    expect(await refusal(server, { code: doomed.w.code, hostToken: doomed.w.hostToken })).toBe('WORKSHOP_NOT_FOUND');
    expect(await refusal(server, { code: doomed.w.code, participantToken: doomed.phone.token })).toBe('WORKSHOP_NOT_FOUND');
    expect(await refusal(server, { code: doomed.w.code, view: 'board' })).toBe('WORKSHOP_NOT_FOUND');

    // The database file and its WAL: none of its texts, while the other workshop's are all there.
    for (const t of ['QUOKKA-STORY', 'QUOKKA-HIDDEN-STORY', 'QUOKKA-PRE-EDIT-TITLE', 'QUOKKA-NAME', 'Weg ermee']) expect(onDisk(server.dataDir, t), t).toBe(false);
    for (const t of ['WOMBAT-STORY', 'WOMBAT-HIDDEN-STORY', 'WOMBAT-NAME', 'Blijft']) expect(onDisk(server.dataDir, t), t).toBe(true);
    expect((await fetchExport(server, kept.w)).stories.map((s) => s.text)).toEqual(['WOMBAT-STORY', 'WOMBAT-HIDDEN-STORY']);
    await mustAck(kept.host, 'value:add', { title: 'Nog een' });

    // After a restart on the same file the code stays unknown.
    await server.close();
    const again = await start({ dataDir: server.dataDir });
    expect((await fetch(`${again.url}/api/workshops/${doomed.w.code}`)).status).toBe(404);
    expect((await fetchExport(again, kept.w)).values.map((v) => v.title)).toEqual(['Warmte', 'Nog een']);
    const db = new Database(databaseFile(server.dataDir), { readonly: true });
    expect(db.prepare('SELECT code FROM workshops').pluck().all()).toEqual([kept.w.code]);
    db.close();
  });
});

describe('retention', () => {
  const start = serverPool();

  it('deletes a workshop unchanged for longer than RETENTION_DAYS (fake clock), keeps one changed since, and logs code and age only', async () => {
    let now = T0;
    const logger = capture();
    const server = await start({ clock: () => now, config: { retentionDays: 30, logger } });
    const idle = await busyWorkshop(server, 'Vergeten sessie', 'IDLE');
    const active = await createWorkshop(server, { title: 'Lopende sessie', template: 'empty' });
    const activeHost = await connectHost(server, active);
    now = T0 + 20 * DAY;
    await mustAck(activeHost, 'value:add', { title: 'Nieuw' });

    // 30 days and a bit since the idle one last changed; the active one changed 10 days ago.
    now = T0 + 30 * DAY + 60_000;
    const told = deletedAndCut(idle.phone.socket, 'workshop:deleted');
    expect(server.app.sweepRetention()).toEqual([idle.w.code]);
    await told;
    expect((await fetch(`${server.url}/api/workshops/${idle.w.code}`)).status).toBe(404);
    expect((await fetchExport(server, active)).values.map((v) => v.title)).toEqual(['Nieuw']);
    expect(onDisk(server.dataDir, 'IDLE-STORY')).toBe(false);
    expect(logger.lines.filter((l) => l.includes('Retention'))).toEqual([`info Retention: deleted workshop ${idle.w.code}, unchanged for 30 days (RETENTION_DAYS=30)`]);
    // A second sweep finds nothing more.
    expect(server.app.sweepRetention()).toEqual([]);
  });

  it('runs at start with the default of 365 days, and RETENTION_DAYS=0 keeps everything', async () => {
    let now = T0;
    const dataDir = tempDataDir();
    const first = await start({ dataDir, clock: () => now });
    const w = await createWorkshop(first, { title: 'Oud', template: 'empty' });
    await first.close();

    now = T0 + 400 * DAY;
    const keeping = await start({ dataDir, clock: () => now, config: { retentionDays: 0 } });
    expect(keeping.app.sweepRetention()).toEqual([]);
    expect((await fetch(`${keeping.url}/api/workshops/${w.code}`)).status).toBe(200);
    await keeping.close();

    now = T0 + 364 * DAY;
    const young = await start({ dataDir, clock: () => now });
    expect((await fetch(`${young.url}/api/workshops/${w.code}`)).status).toBe(200);
    await young.close();

    now = T0 + 366 * DAY;
    const sweeping = await start({ dataDir, clock: () => now });
    expect((await fetch(`${sweeping.url}/api/workshops/${w.code}`)).status).toBe(404);
  });
});

/** Three people vote dots on three values; Anna also writes, endorses and answers a scan. */
async function votingRoom(server: TestServer) {
  const w = await createWorkshop(server, { title: 'Stemmen', template: 'empty', groups: ['Bewoners', 'Gemeente'] });
  const host = await connectHost(server, w);
  const view = await waitFor(host, 'workshop:host');
  const [g1, g2] = view.groups.map((g) => g.id) as [string, string];
  await mustAck(host, 'settings:update', { allowNames: true });
  await mustAck(host, 'activity:control', { activityId: view.activities[0]?.id as string, action: 'open' });
  const v = [] as string[];
  for (const title of ['Warmte', 'Betaalbaar', 'Samen']) v.push((await mustAck(host, 'value:add', { title })).valueId);
  const [v1, v2, v3] = v as [string, string, string];
  const anna = await joinAs(server, w.code, g1, 'Anna Zebrastraat');
  const bram = await joinAs(server, w.code, g2, 'Bram');
  const carla = await joinAs(server, w.code, g1);
  const { storyId: annaStory } = await mustAck(anna.socket, 'story:add', { valueId: v1, text: 'ANNA-STORY-5521 onze flat is koud' });
  const { storyId: bramStory } = await mustAck(bram.socket, 'story:add', { valueId: v2, text: 'Bram zijn verhaal' });
  await mustAck(bram.socket, 'story:endorse', { storyId: annaStory });
  await mustAck(anna.socket, 'story:endorse', { storyId: bramStory });
  await mustAck(carla.socket, 'story:endorse', { storyId: bramStory });
  const { activityId: dots } = await mustAck(host, 'agenda:add', { kind: 'dots' });
  await mustAck(host, 'activity:configure', { activityId: dots, valueIds: [v1, v2, v3], dotsPerParticipant: 5, dotsMaxPerValue: 5 });
  await mustAck(host, 'agenda:goto', { activityId: dots });
  await mustAck(anna.socket, 'answer:submit', { activityId: dots, answerId: 'anna-dots-1', answer: { kind: 'dots', dots: { [v1]: 5 } } });
  await mustAck(bram.socket, 'answer:submit', { activityId: dots, answerId: 'bram-dots-1', answer: { kind: 'dots', dots: { [v2]: 3, [v1]: 2 } } });
  await mustAck(carla.socket, 'answer:submit', { activityId: dots, answerId: 'carla-dots-1', answer: { kind: 'dots', dots: { [v3]: 4, [v1]: 1 } } });
  return { w, host, anna, bram, carla, v1, v2, v3, dots, annaStory, bramStory };
}

const scores = (doc: ExportDocument, activityId: string) =>
  Object.fromEntries((doc.activities.find((a) => a.id === activityId)?.results?.vote?.values ?? []).map((x) => [x.valueId, x.score]));

/** The export without the moment it was made. */
const stable = (doc: ExportDocument) => ({ ...doc, exportedAt: '' });

async function restarted(start: (opts?: StartOptions) => Promise<TestServer>, server: TestServer, w: CreateWorkshopResponse) {
  await server.close();
  const again = await start({ dataDir: server.dataDir });
  return { again, doc: await fetchExport(again, w) };
}

describe('erasing a participant', () => {
  const start = serverPool();

  it('by the facilitator: name, stories and answers leave state, results, export and the stored log; it replays after a restart', async () => {
    const server = await start();
    const r = await votingRoom(server);
    // Hand-computed: v1 5 + 2 + 1 = 8, v2 3, v3 4.
    expect(scores(await fetchExport(server, r.w), r.dots)).toEqual({ [r.v1]: 8, [r.v2]: 3, [r.v3]: 4 });
    server.app.registry.flush();
    expect(onDisk(server.dataDir, 'ANNA-STORY-5521')).toBe(true);
    expect(onDisk(server.dataDir, 'Anna Zebrastraat')).toBe(true);

    const cut = deletedAndCut(r.anna.socket, 'participant:erased');
    await mustAck(r.host, 'participant:erase', { participantId: r.anna.participantId });
    expect(await cut).toBe('io server disconnect');
    // A retry after a lost ack is acknowledged the same.
    expect(await mustAck(r.host, 'participant:erase', { participantId: r.anna.participantId })).toEqual({});

    const doc = await fetchExport(server, r.w);
    // Results: v1 2 + 1 = 3, v2 3, v3 4, from two answers.
    expect(scores(doc, r.dots)).toEqual({ [r.v1]: 3, [r.v2]: 3, [r.v3]: 4 });
    expect(doc.activities.find((a) => a.id === r.dots)?.answers.map((a) => a.participantId)).toEqual([r.bram.participantId, r.carla.participantId]);
    expect(doc.participants.map((p) => p.id)).toEqual([r.bram.participantId, r.carla.participantId]);
    expect(doc.stories.map((s) => [s.id, s.endorsements.map((e) => e.participantId)])).toEqual([[r.bramStory, [r.carla.participantId]]]);
    const text = JSON.stringify(doc);
    for (const trace of ['Anna Zebrastraat', 'ANNA-STORY-5521', r.anna.participantId, 'anna-dots-1']) expect(text, trace).not.toContain(trace);
    // The live views: the console and the board.
    const hostView = await waitFor(r.host, 'workshop:host', (v) => v.participants.length === 2);
    expect(JSON.stringify(hostView)).not.toContain('Anna Zebrastraat');
    expect(hostView.allStories.map((s) => s.id)).toEqual([r.bramStory]);
    // Bram's own view no longer lists the story he endorsed.
    expect((await waitFor(r.bram.socket, 'participant:self', (s) => s.endorsedStoryIds.length === 0)).endorsedStoryIds).toEqual([]);

    // The stored log: nothing of Anna in the database file or the WAL.
    for (const t of ['ANNA-STORY-5521', 'Anna Zebrastraat', 'anna-dots-1']) expect(onDisk(server.dataDir, t), t).toBe(false);
    expect(onDisk(server.dataDir, 'Bram zijn verhaal')).toBe(true);
    // Her token opens nothing.
    expect(await refusal(server, { code: r.w.code, participantToken: r.anna.token })).toBe('BAD_PARTICIPANT_TOKEN');

    // Still a working workshop, and after a restart on the same data it is the same.
    await mustAck(r.bram.socket, 'answer:submit', { activityId: r.dots, answerId: 'bram-dots-2', answer: { kind: 'dots', dots: { [r.v2]: 5 } } });
    const before = await fetchExport(server, r.w);
    expect(scores(before, r.dots)).toEqual({ [r.v1]: 1, [r.v2]: 5, [r.v3]: 4 });
    const { again, doc: after } = await restarted(start, server, r.w);
    expect(stable(after)).toEqual(stable(before));
    expect(await refusal(again, { code: r.w.code, participantToken: r.anna.token })).toBe('BAD_PARTICIPANT_TOKEN');
    const bramAgain = await connect(again, { code: r.w.code, participantToken: r.bram.token });
    expect((await waitFor(bramAgain, 'participant:self')).participant.name).toBe('Bram');
  });

  it('by the participant from the phone: its own data goes, it is told and cut off, others keep theirs', async () => {
    const server = await start();
    const r = await votingRoom(server);
    const cut = deletedAndCut(r.anna.socket, 'participant:erased');
    expect(await mustAck(r.anna.socket, 'participant:eraseSelf', {})).toEqual({});
    await cut;
    const doc = await fetchExport(server, r.w);
    expect(doc.participants.map((p) => p.name)).toEqual(['Bram', null]);
    expect(scores(doc, r.dots)).toEqual({ [r.v1]: 3, [r.v2]: 3, [r.v3]: 4 });
    expect(JSON.stringify(doc)).not.toContain('ANNA-STORY-5521');
    expect(onDisk(server.dataDir, 'ANNA-STORY-5521')).toBe(false);
    expect(onDisk(server.dataDir, 'Anna Zebrastraat')).toBe(false);
    expect(await refusal(server, { code: r.w.code, participantToken: r.anna.token })).toBe('BAD_PARTICIPANT_TOKEN');
    // Only a participant may erase itself; the host names whom.
    expect(await mustAck(r.host, 'participant:erase', { participantId: r.anna.participantId })).toEqual({});
    const { doc: after } = await restarted(start, server, r.w);
    expect(stable(after)).toEqual(stable(doc));
  });

  it('a removed participant is exported without a name, and the name leaves the stored log', async () => {
    const server = await start();
    const r = await votingRoom(server);
    await mustAck(r.host, 'participant:remove', { participantId: r.anna.participantId });
    const doc = await fetchExport(server, r.w);
    expect(doc.participants.find((p) => p.id === r.anna.participantId)).toMatchObject({ removed: true, name: null });
    // Her answer stays, not counted: v1 2 + 1 = 3.
    expect(scores(doc, r.dots)).toEqual({ [r.v1]: 3, [r.v2]: 3, [r.v3]: 4 });
    expect(onDisk(server.dataDir, 'Anna Zebrastraat')).toBe(false);
    const { doc: after } = await restarted(start, server, r.w);
    expect(stable(after)).toEqual(stable(doc));
  });
});

describe('a damaged event log', () => {
  const start = serverPool();

  it('still loads when one event row was deleted by hand: the rest is there, it is logged once without content, and new commands are stored', async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Beschadigd', template: 'empty' });
    const host = await connectHost(server, w);
    for (const title of ['Een', 'Twee', 'Drie']) await mustAck(host, 'value:add', { title });
    await server.close();

    const db = new Database(databaseFile(server.dataDir));
    const seqOfTwee = db.prepare("SELECT seq FROM events WHERE type = 'value:added' AND payload LIKE '%Twee%'").pluck().get() as number;
    expect(db.prepare('DELETE FROM events WHERE seq = ?').run(seqOfTwee).changes).toBe(1);
    // The shutdown's snapshot covers the whole log; without it the load replays the damaged log.
    db.prepare('DELETE FROM snapshots').run();
    db.close();

    const logger = capture();
    const again = await start({ dataDir: server.dataDir, config: { logger } });
    expect((await fetchExport(again, w)).values.map((v) => v.title)).toEqual(['Een', 'Drie']);
    const host2 = await connectHost(again, w);
    await mustAck(host2, 'value:add', { title: 'Vier' });
    expect((await fetchExport(again, w)).values.map((v) => v.title)).toEqual(['Een', 'Drie', 'Vier']);
    // Unloaded and loaded again: not logged a second time.
    host2.disconnect();
    await settle(50);
    again.app.registry.unloadIdle(Date.now() + 60 * 60_000);
    expect((await fetchExport(again, w)).values.map((v) => v.title)).toEqual(['Een', 'Drie', 'Vier']);
    const damage = logger.lines.filter((l) => l.includes(w.code));
    expect(damage).toEqual([`error Workshop ${w.code} (${w.workshopId}) loaded without 1 of its events: missing ${seqOfTwee}`]);
    expect(damage.join()).not.toMatch(/Twee|Beschadigd/);
  });
});
