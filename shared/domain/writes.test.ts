import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../protocol/commands.js';
import { exportWorkshop } from './export.js';
import { BUILT_IN_NAMES, getOwn, isBuiltInName } from './own.js';
import { decide } from './decide.js';
import { activityResults, openAnswerId, parseOpenAnswerId } from './results.js';
import { activityValueIds } from './rules.js';
import { DomainHarness, HOST } from './testing.js';

const PHONE_ID = 'v_console_made_0001';

describe('own keys', () => {
  it('getOwn finds only what a record holds itself', () => {
    const record: Record<string, number> = { a: 1 };
    expect(getOwn(record, 'a')).toBe(1);
    for (const name of BUILT_IN_NAMES) expect(getOwn(record, name)).toBeUndefined();
    expect(BUILT_IN_NAMES).toEqual([
      '__defineGetter__',
      '__defineSetter__',
      '__lookupGetter__',
      '__lookupSetter__',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'prototype',
      'toLocaleString',
      'toString',
      'valueOf',
    ]);
    expect(isBuiltInName('constructor')).toBe(true);
    expect(isBuiltInName('constructors')).toBe(false);
  });

  it('a built-in name as an id finds no value, story or participant', () => {
    const h = new DomainHarness({ title: 'x' });
    const a = h.join(0);
    h.openFirst('explore');
    const before = h.state;
    for (const name of BUILT_IN_NAMES) {
      expect(h.run('value:edit', { valueId: name, title: 'x' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('value:hide', { valueId: name, hidden: true }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('value:merge', { sourceId: name, targetId: h.state.valueOrder[0] }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('value:merge', { sourceId: h.state.valueOrder[0], targetId: name }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('story:hide', { storyId: name, hidden: true }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('story:endorse', { storyId: name }, a)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('story:add', { valueId: name, text: 'Omdat' }, a)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('participant:remove', { participantId: name }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(h.run('activity:configure', { activityId: h.state.activities[1]!.id, valueIds: [name] }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // A participant whose id is a built-in name does not exist.
      expect(h.run('value:propose', { title: 'Rust' }, { role: 'participant', participantId: name })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(h.state).toBe(before);
  });

  it('a ballot never holds a value that does not exist', () => {
    const h = new DomainHarness({ title: 'x' });
    const dots = h.state.activities[1]!;
    const [v1] = h.state.valueOrder as [string];
    expect(activityValueIds(h.state, { config: { ...dots.config, valueIds: [v1, 'constructor', 'toString'] } })).toEqual([v1]);
  });

  it('refuses a client-made id that is a built-in name (BAD_REQUEST), and keeps other ids', () => {
    for (const name of BUILT_IN_NAMES) {
      expect(commandSchemas['value:propose'].safeParse({ title: 'x', valueId: name }).success).toBe(false);
      expect(commandSchemas['value:add'].safeParse({ title: 'x', valueId: name }).success).toBe(false);
      expect(commandSchemas['story:add'].safeParse({ valueId: 'v1', text: 'x', storyId: name }).success).toBe(false);
      expect(commandSchemas['answer:submit'].safeParse({ activityId: 'a1', answerId: name, answer: { kind: 'rank', order: [] } }).success).toBe(false);
      const statement = { id: name, factor: 'result', text: { nl: 'a', en: 'b' } };
      expect(commandSchemas['activity:configure'].safeParse({ activityId: 'a1', statements: [statement] }).success).toBe(false);
    }
    expect(commandSchemas['value:add'].safeParse({ title: 'x', valueId: '__defineGetter__x' }).success).toBe(true);
    expect(commandSchemas['answer:submit'].safeParse({ activityId: 'a1', answerId: 'toStringy', answer: { kind: 'rank', order: [] } }).success).toBe(true);
  });
});

describe('value:add with a console-made id', () => {
  it('stores a retried add once, acknowledges it, and refuses an id another card holds', () => {
    const h = new DomainHarness({ title: 'x' });
    const a = h.join(0);
    h.openFirst('explore');
    expect(h.must('value:add', { title: 'Eerlijk delen', valueId: PHONE_ID }, HOST)).toBe(PHONE_ID);
    expect(h.state.values[PHONE_ID]).toMatchObject({ title: 'Eerlijk delen', origin: 'facilitator', proposedBy: null });
    const seq = h.state.seq;
    const count = h.state.valueOrder.length;
    expect(h.run('value:add', { title: 'Eerlijk delen', valueId: PHONE_ID }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.state.valueOrder).toHaveLength(count);
    // A participant's proposal holds this id: the console cannot take it, nor the other way round.
    const proposed = 'v_phone_made_id_0002';
    h.must('value:propose', { title: 'Rust', valueId: proposed }, a);
    expect(h.run('value:add', { title: 'Rust', valueId: proposed }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(h.run('value:propose', { title: 'Eerlijk', valueId: PHONE_ID }, a)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Without an id the server makes one, as before.
    expect(h.must('value:add', { title: 'Zonder id' }, HOST)).toMatch(/^id\d+$/);
  });
});

describe('open-answer ids', () => {
  function scanWithSameAnswerIds() {
    const h = new DomainHarness({ title: 'x', template: 'collaboration-checkup' });
    const a = h.join(0);
    const b = h.join(1);
    const c = h.join(1);
    const scan = h.openFirst('scan');
    // Both phones happen to make the same answerId: answer ids are unique only per participant.
    h.must('answer:submit', { activityId: scan, answerId: 'same', answer: { kind: 'scan', scores: { m1: 4 }, wentWell: 'We luisteren' } }, a);
    h.must('answer:submit', { activityId: scan, answerId: 'same', answer: { kind: 'scan', scores: { m1: 2 }, wentWell: 'Koffie' } }, b);
    return { h, a, b, c, scan };
  }

  it('are <activityId>:<participantId>:<answerId>:<field> and parse back', () => {
    expect(openAnswerId('act1', 'p1', 'ans1', 'wentWell')).toBe('act1:p1:ans1:wentWell');
    expect(parseOpenAnswerId('act1:p1:ans1:couldBeBetter')).toEqual({ activityId: 'act1', participantId: 'p1', answerId: 'ans1', field: 'couldBeBetter' });
    expect(parseOpenAnswerId('ans1:wentWell')).toBeNull();
    expect(parseOpenAnswerId('a:b:c:other')).toBeNull();
  });

  it('two participants with the same answerId get two wall entries with their own endorsements', () => {
    const { h, a, b, c, scan } = scanWithSameAnswerIds();
    const aId = openAnswerId(scan, a.participantId, 'same', 'wentWell');
    const bId = openAnswerId(scan, b.participantId, 'same', 'wentWell');
    h.must('open-answer:endorse', { openAnswerId: aId }, c);
    h.must('open-answer:endorse', { openAnswerId: aId }, b);
    const wall = activityResults(h.state, scan)?.openAnswers.map((o) => [o.id, o.text, o.endorsements]);
    expect(wall).toEqual([
      [aId, 'We luisteren', 2],
      [bId, 'Koffie', 0],
    ]);
    // Nobody endorses their own through the other's id: a's id is a's answer, b's is b's.
    expect(h.run('open-answer:endorse', { openAnswerId: aId }, a)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('open-answer:endorse', { openAnswerId: bId }, b)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    h.must('open-answer:endorse', { openAnswerId: bId }, a);
    // The export keeps them apart too.
    expect(exportWorkshop(h.state, h.now).openAnswerEndorsements).toEqual({ [aId]: [c.participantId, b.participantId], [bId]: [a.participantId] });
  });

  it('names one submission: a changed answer is a new entry, and the old id is no longer found', () => {
    const { h, a, c, scan } = scanWithSameAnswerIds();
    const old = openAnswerId(scan, a.participantId, 'same', 'wentWell');
    h.must('open-answer:endorse', { openAnswerId: old }, c);
    h.must('answer:submit', { activityId: scan, answerId: 'second', answer: { kind: 'scan', scores: { m1: 4 }, wentWell: 'We luisteren niet' } }, a);
    const fresh = openAnswerId(scan, a.participantId, 'second', 'wentWell');
    expect(activityResults(h.state, scan)?.openAnswers.find((o) => o.text === 'We luisteren niet')).toMatchObject({ id: fresh, endorsements: 0 });
    // c's endorsement is stored: c's retry is acknowledged; someone new finds the old entry gone.
    expect(h.run('open-answer:endorse', { openAnswerId: old }, c)).toEqual({ ok: true, ids: [] });
    expect(h.run('open-answer:endorse', { openAnswerId: old }, h.join(0))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Another activity's id or another participant's id with this answer id finds nothing.
    expect(h.run('open-answer:endorse', { openAnswerId: openAnswerId('otherActivity', a.participantId, 'second', 'wentWell') }, c)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('open-answer:endorse', { openAnswerId: openAnswerId(scan, c.participantId, 'second', 'wentWell') }, a)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a removed participant’s answer leaves the wall and cannot be endorsed', () => {
    const { h, a, c, scan } = scanWithSameAnswerIds();
    h.must('participant:remove', { participantId: a.participantId }, HOST);
    expect(h.run('open-answer:endorse', { openAnswerId: openAnswerId(scan, a.participantId, 'same', 'wentWell') }, c)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a command that asks for what already holds stores nothing', () => {
  function setup() {
    const h = new DomainHarness({ title: 'x', allowNames: true });
    const a = h.join(0, 'Ans');
    const b = h.join(1);
    const explore = h.openFirst('explore');
    const storyId = h.must('story:add', { valueId: h.state.valueOrder[0], text: 'Omdat' }, a);
    return { h, a, b, explore, storyId };
  }

  it('acknowledges ok with no events, and the state does not move', () => {
    const { h, a, b, explore, storyId } = setup();
    const [v1, v2] = h.state.valueOrder as [string, string];
    const dots = h.state.activities[1]!.id;
    h.must('value:hide', { valueId: v2, hidden: true }, HOST);
    h.must('story:endorse', { storyId }, b);
    h.must('activity:configure', { activityId: dots, valueIds: [v1], timerSeconds: 60, title: 'Vraag' }, HOST);
    const v1Value = h.state.values[v1]!;
    const before = h.state;
    const noops: [string, unknown, typeof HOST | typeof a][] = [
      ['participant:update', { name: 'Ans', groupId: h.state.groups[0]!.id }, a],
      ['participant:update', { groupId: h.state.groups[0]!.id }, a],
      ['participant:update', { name: '' }, b],
      ['value:hide', { valueId: v2, hidden: true }, HOST],
      ['value:hide', { valueId: v1, hidden: false }, HOST],
      ['story:hide', { storyId, hidden: false }, HOST],
      ['story:endorse', { storyId }, b],
      ['settings:update', { allowNames: true, allowProposals: true, minGroupSize: 3 }, HOST],
      ['settings:update', { minGroupSize: 3 }, HOST],
      ['value:edit', { valueId: v1, title: v1Value.title, description: v1Value.description }, HOST],
      ['activity:configure', { activityId: dots, valueIds: [v1], timerSeconds: 60 }, HOST],
      ['activity:configure', { activityId: dots, title: 'Vraag', dotsPerParticipant: h.state.activities[1]!.config.dotsPerParticipant }, HOST],
      ['activity:configure', { activityId: h.state.activities[2]!.id, title: '' }, HOST],
      ['agenda:goto', { activityId: explore }, HOST],
      ['agenda:move', { activityId: explore, toIndex: 0 }, HOST],
      ['summary:publish', { published: false }, HOST],
    ];
    for (const [type, payload, actor] of noops) {
      expect([type, h.run(type as 'value:hide', payload, actor)]).toEqual([type, { ok: true, ids: [] }]);
      expect([type, h.state.seq]).toEqual([type, before.seq]);
    }
    expect(h.state).toBe(before);
    h.must('summary:publish', { published: true }, HOST);
    const published = h.state;
    expect(h.run('summary:publish', { published: true }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state).toBe(published);
  });

  it('a retried merge into the same target stores nothing; into another it is still CONFLICT', () => {
    const { h } = setup();
    const [v1, v2, v3] = h.state.valueOrder as [string, string, string];
    h.must('value:merge', { sourceId: v1, targetId: v2 }, HOST);
    const seq = h.state.seq;
    expect(h.run('value:merge', { sourceId: v1, targetId: v2 }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('value:merge', { sourceId: v1, targetId: v3 }, HOST)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('stores only what differs when some of an update already holds', () => {
    const { h } = setup();
    h.must('settings:update', { allowNames: true, minGroupSize: 5 }, HOST);
    expect(h.state.settings).toEqual({ allowNames: true, allowProposals: true, minGroupSize: 5, joiningOpen: true });
    const dots = h.state.activities[1]!;
    const payload = commandSchemas['activity:configure'].parse({ activityId: dots.id, dotsPerParticipant: dots.config.dotsPerParticipant, timerSeconds: 90, title: dots.title });
    expect(decide(h.state, { type: 'activity:configure', payload }, HOST, h.ctx())).toEqual({
      ok: true,
      value: [{ type: 'activity:configured', at: h.now, activityId: dots.id, config: { timerSeconds: 90 } }],
    });
    const settings = commandSchemas['settings:update'].parse({ allowNames: true, minGroupSize: 4 });
    expect(decide(h.state, { type: 'settings:update', payload: settings }, HOST, h.ctx())).toEqual({ ok: true, value: [{ type: 'settings:changed', at: h.now, settings: { minGroupSize: 4 } }] });
  });

  it('the answer-shaping lock only refuses a real change: the same settings after answers are ok', () => {
    const { h, a } = setup();
    const dots = h.openFirst('dots');
    const [v1] = h.state.valueOrder as [string];
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [v1]: 1 } } }, a);
    const config = h.state.activities[1]!.config;
    const seq = h.state.seq;
    expect(h.run('activity:configure', { activityId: dots, valueIds: config.valueIds, dotsPerParticipant: config.dotsPerParticipant }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    expect(h.run('activity:configure', { activityId: dots, dotsPerParticipant: config.dotsPerParticipant + 1 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('the scan statements as they are, in any key order, are no change', () => {
    const h = new DomainHarness({ title: 'x', template: 'collaboration-checkup' });
    const scan = h.state.activities[0]!;
    const reordered = scan.config.statements.map((st) => ({ text: { en: st.text.en, nl: st.text.nl }, factor: st.factor, id: st.id }));
    const seq = h.state.seq;
    expect(h.run('activity:configure', { activityId: scan.id, statements: reordered }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    h.must('activity:configure', { activityId: scan.id, statements: reordered.slice(1) }, HOST);
    expect(h.state.seq).toBe(seq + 1);
  });

  it('an empty update is BAD_REQUEST', () => {
    const { h, a } = setup();
    expect(h.run('participant:update', {}, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('settings:update', {}, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('activity:configure', { activityId: h.state.activities[1]!.id }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('a name is still refused when names are off, unless it is the name one has', () => {
    const { h, a, b } = setup();
    h.must('settings:update', { allowNames: false }, HOST);
    expect(h.run('participant:update', { name: 'Bea' }, b)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('participant:update', { name: 'Ans' }, a)).toEqual({ ok: true, ids: [] });
    h.must('participant:update', { name: '' }, a);
    expect(h.state.participants[a.participantId]?.name).toBeNull();
  });
});
