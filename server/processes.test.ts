import { afterEach, describe, expect, it } from 'vitest';
import { createMeetingSchema, createProcessSchema } from '../shared/index.js';
import { silentLogger } from './logger.js';
import { nextGroups, ProcessRegistry } from './processes.js';
import { SqliteStore } from './store/sqliteStore.js';
import { hashToken, newToken } from './tokens.js';
import { IDLE_UNLOAD_MS, WorkshopRegistry } from './workshops.js';

const T0 = Date.UTC(2027, 0, 10, 19, 0, 0);
const stores: SqliteStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function boot() {
  let now = T0;
  const store = new SqliteStore(':memory:');
  stores.push(store);
  const workshops = new WorkshopRegistry(store, () => now, silentLogger);
  const changed: string[] = [];
  const processes = new ProcessRegistry(store, workshops, () => now, silentLogger, (id) => changed.push(id));
  const made = processes.create(createProcessSchema.parse({ title: 'Plan', language: 'en', groups: [{ name: 'Residents', invited: 100 }, { name: 'City' }] }));
  return { store, workshops, processes, changed, ...made, advance: (ms: number) => (now += ms), now: () => now };
}

describe('ProcessRegistry', () => {
  it('computes the process page again only after a meeting changed, and not for a meeting that left memory', async () => {
    const { workshops, processes, process, advance } = boot();
    const made = processes.createMeeting(process, createMeetingSchema.parse({ requestId: 'request-0000000001', title: 'Evening', template: 'empty' }));
    if (!made.ok) throw new Error(made.error.message);
    const meeting = made.value.workshop;
    const current = () => processes.byCode(process.code)!;
    const first = processes.report(current(), false);
    expect(processes.report(current(), false)).toBe(first);
    expect(first.meetings[0]?.representation.tookPart).toBe(0);

    // A phone joins: the next report is new and counts it.
    const joined = await workshops.execute(meeting, { type: 'participant:join', payload: { groupId: meeting.state.groups[0]!.id } }, { role: 'visitor' }, hashToken(newToken()));
    expect(joined.ok).toBe(true);
    const second = processes.report(current(), false);
    expect(second).not.toBe(first);
    expect(second.meetings[0]?.representation.tookPart).toBe(1);
    // The organiser's version is its own, and cached the same way.
    const organiser = processes.report(current(), true);
    expect(organiser.organiser).toBe(true);
    expect(processes.report(current(), true)).toBe(organiser);

    // Unloaded (nobody used it for a while): the page is served without loading it again.
    advance(IDLE_UNLOAD_MS + 1);
    expect(workshops.unloadIdle()).toBe(1);
    expect(workshops.peek(meeting.id)).toBeUndefined();
    expect(processes.report(current(), false)).toBe(second);
    expect(workshops.peek(meeting.id)).toBeUndefined();
  });

  it('tells which meetings a groups:invited changed, and sends nothing where the numbers are there already', async () => {
    const { workshops, processes, process, changed } = boot();
    const made = processes.createMeeting(process, createMeetingSchema.parse({ requestId: 'request-0000000001', title: 'Evening', template: 'empty' }));
    if (!made.ok) throw new Error(made.error.message);
    const meeting = made.value.workshop;
    const [res, city] = process.groups.map((g) => g.id) as [string, string];
    const seq = meeting.state.seq;
    const same = await processes.update(process, { requestId: 'request-0000000002', groups: [{ id: res, name: 'Residents', invited: 100 }, { id: city, name: 'City', invited: null }] });
    expect(same.ok).toBe(true);
    expect(meeting.state.seq).toBe(seq);
    expect(changed).toEqual([]);
    // Given the copy from before the meeting was added: the change applies to the process as it is now.
    const more = await processes.update(process, { requestId: 'request-0000000003', groups: [{ id: res, name: 'Residents', invited: 120 }, { id: city, name: 'City', invited: 7 }] });
    expect(more.ok).toBe(true);
    expect(workshops.get(meeting.id)?.state.groups.map((g) => g.invited)).toEqual([120, 7]);
    expect(meeting.state.seq).toBe(seq + 1);
    expect(changed).toEqual([meeting.id]);
    expect(processes.byCode(process.code)).toMatchObject({ meetingIds: [meeting.id], requests: [{ id: 'request-0000000001' }, { id: 'request-0000000002' }, { id: 'request-0000000003' }] });
  });
});

describe('nextGroups', () => {
  const current = [
    { id: 'g1', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 10 },
    { id: 'g2', name: 'Gemeente', invited: null },
  ];
  let n = 0;
  const makeId = () => `new${++n}`;

  it('keeps, renames, re-numbers and adds groups; a renamed default group loses its translations', () => {
    const r = nextGroups(current, [{ id: 'g1', name: 'Bewoners', invited: 12 }, { id: 'g2', name: 'Stad', invited: 3 }, { name: 'Scholen', invited: null }], new Set(['g1', 'g2']), makeId);
    expect(r).toEqual({
      ok: true,
      value: [
        { id: 'g1', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 12 },
        { id: 'g2', name: 'Stad', invited: 3 },
        { id: 'new1', name: 'Scholen', invited: null },
      ],
    });
    const renamed = nextGroups(current, [{ id: 'g1', name: 'Inwoners', invited: 12 }, { id: 'g2', name: 'Gemeente', invited: null }], new Set(), makeId);
    expect(renamed).toEqual({ ok: true, value: [{ id: 'g1', name: 'Inwoners', invited: 12 }, { id: 'g2', name: 'Gemeente', invited: null }] });
  });

  it('refuses an unknown id, an id twice, and leaving out a group a meeting has; a group no meeting has may go', () => {
    expect(nextGroups(current, [{ id: 'g9', name: 'X', invited: null }], new Set(), makeId)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' }, issues: [{ path: 'groups.0.id' }] });
    expect(nextGroups(current, [{ id: 'g1', name: 'A', invited: null }, { id: 'g1', name: 'B', invited: null }], new Set(), makeId)).toMatchObject({ ok: false, issues: [{ path: 'groups.1.id' }] });
    expect(nextGroups(current, [{ id: 'g1', name: 'Bewoners', invited: 10 }], new Set(['g2']), makeId)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('Gemeente') } });
    expect(nextGroups(current, [{ id: 'g1', name: 'Bewoners', invited: 10 }], new Set(['g1']), makeId)).toMatchObject({ ok: true, value: [{ id: 'g1' }] });
  });
});
