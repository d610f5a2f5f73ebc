import { describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION, type ExportDocument, type HostView } from '../../shared/index.js';
import { connect, connectHost, createWorkshop, emitAck, joinAs, mustAck, serverPool, waitFor } from './harness.js';

const T0 = Date.UTC(2026, 10, 23, 19, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('a facilitator and three participants in two groups: join → explore → merge → export', () => {
  const start = serverPool();

  it('records everything, shows it live, and exports it field by field', async () => {
    // A clock the test moves, so every timestamp in the export is known exactly.
    let now = T0;
    const server = await start({ clock: () => now });
    const w = await createWorkshop(server, { title: 'Wijk Noord', template: 'heat-transition', language: 'en', groups: ['Residents', 'Municipality'], allowNames: true });

    const host = await connectHost(server, w);
    const board = await connect(server, { code: w.code, view: 'board' });
    const initial = await waitFor(host, 'workshop:host');
    const [residents, municipality] = initial.groups.map((g) => g.id) as [string, string];
    const affordability = initial.allValues.find((v) => v.title === 'Affordability')?.id as string;
    const explore = initial.activities.find((a) => a.kind === 'explore')?.id as string;

    now = T0 + 60_000;
    const ans = await joinAs(server, w.code, residents, 'Ans');
    const p2 = await joinAs(server, w.code, residents);
    now = T0 + 90_000;
    const p3 = await joinAs(server, w.code, municipality);
    const presence = await waitFor(host, 'workshop:presence', (p) => p.connected === 3);
    expect(presence.byGroup).toEqual({ [residents]: 2, [municipality]: 1 });
    expect((await waitFor(board, 'workshop:public', (v) => v.participation.total === 3)).participation.byGroup).toEqual({ [residents]: 2, [municipality]: 1 });

    // Before the explore step opens, participants can't add anything yet.
    expect(await emitAck(ans.socket, 'value:propose', { title: 'Too early' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    now = T0 + 120_000;
    await mustAck(host, 'activity:control', { activityId: explore, action: 'open' });

    now = T0 + 180_000;
    const { valueId: cheapHeat } = await mustAck(ans.socket, 'value:propose', { title: 'Cheap heat', description: 'My energy bill stays low' });
    now = T0 + 200_000;
    const { valueId: lowCosts } = await mustAck(p3.socket, 'value:propose', { title: 'Low costs' });

    now = T0 + 240_000;
    const { storyId: billsStory } = await mustAck(p2.socket, 'story:add', { valueId: lowCosts, text: '  My bills doubled last winter.  ' });
    now = T0 + 250_000;
    const { storyId: ansStory } = await mustAck(ans.socket, 'story:add', { valueId: affordability, text: 'Pensioners here count every euro.' });

    now = T0 + 300_000;
    await mustAck(p3.socket, 'story:endorse', { storyId: billsStory });
    now = T0 + 310_000;
    await mustAck(ans.socket, 'story:endorse', { storyId: billsStory });
    await mustAck(p2.socket, 'story:endorse', { storyId: ansStory });
    // Endorsing again (a retry) is acknowledged and counted once: what it asks for holds.
    expect(await emitAck(ans.socket, 'story:endorse', { storyId: billsStory })).toEqual({ ok: true, data: {} });
    expect(await emitAck(p2.socket, 'story:endorse', { storyId: billsStory })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });

    // The board shows the story next to its value, with its endorsements, live.
    const live = await waitFor(board, 'workshop:public', (v) => v.values.find((x) => x.id === lowCosts)?.stories[0]?.endorsements === 2);
    expect(live.values.find((x) => x.id === lowCosts)).toMatchObject({ title: 'Low costs', storyCount: 1, stories: [{ id: billsStory, text: 'My bills doubled last winter.', author: null }] });
    expect(live.values.find((x) => x.id === affordability)?.stories[0]).toMatchObject({ id: ansStory, author: 'Ans', endorsements: 1 });

    // Each phone has its own data.
    expect(await waitFor(p2.socket, 'participant:self', (s) => s.endorsedStoryIds.length === 1)).toMatchObject({ storyIds: [billsStory], endorsedStoryIds: [ansStory] });
    expect(await waitFor(ans.socket, 'participant:self', (s) => s.endorsedStoryIds.length === 1)).toMatchObject({
      participant: { id: ans.participantId, name: 'Ans', groupId: residents },
      storyIds: [ansStory],
      proposedValueIds: [cheapHeat],
    });

    // The facilitator merges the duplicate: the story and its endorsements follow.
    now = T0 + 400_000;
    await mustAck(host, 'value:merge', { sourceId: lowCosts, targetId: cheapHeat });
    const merged = await waitFor(board, 'workshop:public', (v) => !v.values.some((x) => x.id === lowCosts));
    expect(merged.values.find((x) => x.id === cheapHeat)).toMatchObject({
      storyCount: 1,
      stories: [{ id: billsStory, valueId: cheapHeat, endorsements: 2 }],
      provenance: [
        { valueId: cheapHeat, title: 'Cheap heat', origin: 'participant', groupId: residents },
        { valueId: lowCosts, title: 'Low costs', origin: 'participant', groupId: municipality },
      ],
    });
    const hostAfter: HostView = await waitFor(host, 'workshop:host', (v) => v.seq === merged.seq);
    expect(hostAfter.allValues.find((v) => v.id === lowCosts)?.mergedInto).toBe(cheapHeat);

    // Export, checked field by field.
    now = T0 + 500_000;
    const res = await fetch(`${server.url}/api/workshops/${w.code}/export`, { headers: { Authorization: `Bearer ${w.hostToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="raakvlak-${w.code}.json"`);
    const text = await res.text();
    const doc = JSON.parse(text) as ExportDocument;

    expect(doc.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(doc.exportedAt).toBe(iso(T0 + 500_000));
    expect(doc.workshop).toEqual({
      id: w.workshopId,
      code: w.code,
      title: 'Wijk Noord',
      language: 'en',
      template: 'heat-transition',
      createdAt: iso(T0),
      updatedAt: iso(T0 + 400_000),
      settings: { allowProposals: true, allowNames: true, minGroupSize: 3, joiningOpen: true },
    });
    expect(doc.groups).toEqual([
      { id: residents, name: 'Residents', nameNl: 'Bewoners', nameEn: 'Residents', invited: null },
      { id: municipality, name: 'Municipality', nameNl: 'Gemeente', nameEn: 'Municipality', invited: null },
    ]);

    // Pseudonymous: an id, the group, a name only if one was given; never a token or its hash.
    expect(doc.participants).toEqual([
      { id: ans.participantId, groupId: residents, name: 'Ans', joinedAt: iso(T0 + 60_000), removed: false },
      { id: p2.participantId, groupId: residents, name: null, joinedAt: iso(T0 + 60_000), removed: false },
      { id: p3.participantId, groupId: municipality, name: null, joinedAt: iso(T0 + 90_000), removed: false },
    ]);
    for (const secret of [w.hostToken, ans.token, p2.token, p3.token, 'tokenHash', 'hostTokenHash']) expect(text).not.toContain(secret);

    expect(doc.values).toHaveLength(14);
    expect(doc.values.find((v) => v.id === affordability)).toEqual({
      id: affordability,
      title: 'Affordability',
      description: 'The costs stay bearable for my household.',
      origin: 'template',
      proposedBy: null,
      groupId: null,
      hidden: false,
      mergedInto: null,
      mergedFrom: [],
      provenance: [{ valueId: affordability, title: 'Affordability', origin: 'template', groupId: null }],
      createdAt: iso(T0),
      updatedAt: iso(T0),
    });
    expect(doc.values.find((v) => v.id === cheapHeat)).toEqual({
      id: cheapHeat,
      title: 'Cheap heat',
      description: 'My energy bill stays low',
      origin: 'participant',
      proposedBy: ans.participantId,
      groupId: residents,
      hidden: false,
      mergedInto: null,
      mergedFrom: [lowCosts],
      provenance: [
        { valueId: cheapHeat, title: 'Cheap heat', origin: 'participant', groupId: residents },
        { valueId: lowCosts, title: 'Low costs', origin: 'participant', groupId: municipality },
      ],
      createdAt: iso(T0 + 180_000),
      updatedAt: iso(T0 + 400_000),
    });
    expect(doc.values.find((v) => v.id === lowCosts)).toEqual({
      id: lowCosts,
      title: 'Low costs',
      description: '',
      origin: 'participant',
      proposedBy: p3.participantId,
      groupId: municipality,
      hidden: false,
      mergedInto: cheapHeat,
      mergedFrom: [],
      provenance: [{ valueId: lowCosts, title: 'Low costs', origin: 'participant', groupId: municipality }],
      createdAt: iso(T0 + 200_000),
      updatedAt: iso(T0 + 400_000),
    });
    // Template cards and participant cards keep their creation order.
    expect(doc.values.slice(-2).map((v) => v.id)).toEqual([cheapHeat, lowCosts]);

    expect(doc.stories).toEqual([
      {
        id: billsStory,
        valueId: cheapHeat,
        originalValueId: lowCosts,
        participantId: p2.participantId,
        text: 'My bills doubled last winter.',
        hidden: false,
        shown: true,
        createdAt: iso(T0 + 240_000),
        endorsements: [{ participantId: p3.participantId }, { participantId: ans.participantId }],
      },
      {
        id: ansStory,
        valueId: affordability,
        originalValueId: affordability,
        participantId: ans.participantId,
        text: 'Pensioners here count every euro.',
        hidden: false,
        shown: true,
        createdAt: iso(T0 + 250_000),
        endorsements: [{ participantId: p2.participantId }],
      },
    ]);

    const exploreOut = doc.activities.find((a) => a.id === explore);
    expect(exploreOut).toMatchObject({ kind: 'explore', status: 'open', round: 1, openedAt: iso(T0 + 120_000), answers: [], results: null });
    expect(doc.activities.map((a) => [a.kind, a.round, a.status])).toEqual([
      ['explore', 1, 'open'],
      ['dots', 1, 'pending'],
      ['rank', 1, 'pending'],
      ['rank', 2, 'pending'],
      ['scan', 1, 'pending'],
      ['options', 1, 'pending'],
    ]);
    expect(doc.openAnswerEndorsements).toEqual({});
    expect(doc.summaryPublishedAt).toBeNull();
  });
});
