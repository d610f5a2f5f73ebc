import { describe, expect, it } from 'vitest';
import { DomainHarness, HOST } from './testing.js';

const kinds = (h: DomainHarness) => h.state.activities.map((a) => a.kind);

describe('the agenda', () => {
  it('adds an activity at the end or after another', () => {
    const h = new DomainHarness({ title: 'x', template: 'collaboration-checkup' });
    const scan = h.state.activities[0]!.id;
    const points = h.must('agenda:add', { kind: 'points' }, HOST);
    expect(h.state.activities[1]?.id).toBe(points);
    expect(kinds(h)).toEqual(['scan', 'points']);
    h.must('agenda:add', { kind: 'explore', afterActivityId: null }, HOST);
    h.must('agenda:add', { kind: 'dots', afterActivityId: scan }, HOST);
    expect(kinds(h)).toEqual(['scan', 'dots', 'points', 'explore']);
    expect(h.run('agenda:add', { kind: 'dots', afterActivityId: 'nope' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('agenda:add', { kind: 'quiz' }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('agenda:add', { kind: 'dots' }, h.join())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('moves an activity, also the running one, without changing what runs', () => {
    const h = new DomainHarness({ title: 'x' }); // explore dots rank rank scan options
    const explore = h.openFirst('explore');
    const scan = h.state.activities[4]!.id;
    h.must('agenda:move', { activityId: scan, toIndex: 1 }, HOST);
    expect(kinds(h)).toEqual(['explore', 'scan', 'dots', 'rank', 'rank', 'options']);
    h.must('agenda:move', { activityId: explore, toIndex: 99 }, HOST);
    expect(kinds(h)).toEqual(['scan', 'dots', 'rank', 'rank', 'options', 'explore']);
    expect(h.state.currentActivityId).toBe(explore);
    const seq = h.state.seq;
    expect(h.run('agenda:move', { activityId: explore, toIndex: 5 }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
  });

  it('removes the running activity: nothing runs and its answers go', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    const dots = h.openFirst('dots');
    h.must('answer:submit', { activityId: dots, answerId: 'a1', answer: { kind: 'dots', dots: { [h.state.valueOrder[0]!]: 1 } } }, p);
    h.must('agenda:remove', { activityId: dots }, HOST);
    expect(h.state.currentActivityId).toBeNull();
    expect(kinds(h)).toEqual(['explore', 'rank', 'rank', 'scan', 'options']);
    expect(h.state.answers[dots]).toBeUndefined();
    expect(h.run('agenda:remove', { activityId: dots }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('duplicates an activity as a new round right after it, with its settings and no answers', () => {
    const h = new DomainHarness({ title: 'x' });
    const p = h.join();
    const rank = h.state.activities[2]!.id;
    h.must('activity:configure', { activityId: rank, rankK: 3, title: 'Wat telt het zwaarst?' }, HOST);
    h.must('agenda:goto', { activityId: rank }, HOST);
    h.must('answer:submit', { activityId: rank, answerId: 'a1', answer: { kind: 'rank', order: h.state.valueOrder.slice(0, 3) } }, p);
    h.must('agenda:duplicate', { activityId: rank }, HOST);
    const copy = h.state.activities[3]!;
    expect(copy).toMatchObject({ kind: 'rank', title: 'Wat telt het zwaarst?', status: 'pending', revealed: false });
    expect(copy.config.rankK).toBe(3);
    expect(copy.config.valueIds).toEqual(h.state.valueOrder);
    expect(h.state.answers[copy.id]).toBeUndefined();
    expect(kinds(h)).toEqual(['explore', 'dots', 'rank', 'rank', 'rank', 'scan', 'options']);
  });

  it('steps to the next activity: it opens, the one left behind locks; going back does not reopen', () => {
    const h = new DomainHarness({ title: 'x' });
    const [explore, dots] = h.state.activities.map((a) => a.id) as [string, string];
    h.must('agenda:goto', { activityId: explore }, HOST);
    expect(h.state.activities[0]?.status).toBe('open');
    h.must('agenda:goto', { activityId: dots }, HOST);
    expect(h.state.currentActivityId).toBe(dots);
    expect(h.state.activities.map((a) => a.status)).toEqual(['locked', 'open', 'pending', 'pending', 'pending', 'pending']);
    h.must('agenda:goto', { activityId: explore }, HOST);
    expect(h.state.activities.map((a) => a.status)).toEqual(['locked', 'locked', 'pending', 'pending', 'pending', 'pending']);
    const seq = h.state.seq;
    expect(h.run('agenda:goto', { activityId: explore }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
  });

  it('opening another activity locks the open one: only one activity is open at a time', () => {
    const h = new DomainHarness({ title: 'x' });
    const explore = h.openFirst('explore');
    h.openFirst('dots');
    expect(h.state.activities.find((a) => a.id === explore)?.status).toBe('locked');
  });
});

describe('timers (fake clock)', () => {
  it('starts when the activity opens and can be extended, reopening a locked activity', () => {
    const h = new DomainHarness({ title: 'x' });
    const dots = h.state.activities[1]!.id;
    h.must('activity:configure', { activityId: dots, timerSeconds: 120 }, HOST);
    const opened = h.now;
    h.must('agenda:goto', { activityId: dots }, HOST);
    expect(h.state.activities[1]?.endsAt).toBe(opened + 120_000);
    h.now += 30_000;
    h.must('activity:extend', { activityId: dots, seconds: 60 }, HOST);
    expect(h.state.activities[1]?.endsAt).toBe(opened + 180_000);
    // The server locks it when time is up…
    h.now = opened + 180_000;
    h.must('activity:control', { activityId: dots, action: 'lock' }, HOST);
    expect(h.state.activities[1]).toMatchObject({ status: 'locked', endsAt: null });
    // …and extending gives time from now and reopens it.
    h.must('activity:extend', { activityId: dots, seconds: 30 }, HOST);
    expect(h.state.activities[1]).toMatchObject({ status: 'open', endsAt: opened + 210_000 });
    expect(h.run('activity:extend', { activityId: h.state.activities[2]!.id, seconds: 30 }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});

describe('the scan', () => {
  it('takes scores 1–5 for known statements and open answers others can endorse once', () => {
    const h = new DomainHarness({ title: 'x', template: 'collaboration-checkup' });
    const a = h.join(0);
    const b = h.join(1);
    const scan = h.openFirst('scan');
    expect(h.run('answer:submit', { activityId: scan, answerId: 's0', answer: { kind: 'scan', scores: { m1: 6 } } }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('answer:submit', { activityId: scan, answerId: 's0', answer: { kind: 'scan', scores: { zz: 3 } } }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.run('answer:submit', { activityId: scan, answerId: 's0', answer: { kind: 'scan', scores: {} } }, a)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    h.must('answer:submit', { activityId: scan, answerId: 's1', answer: { kind: 'scan', scores: { m1: 4, o1: 2 }, wentWell: ' We luisteren ' } }, a);
    expect(h.state.answers[scan]?.[a.participantId]?.answer).toEqual({ kind: 'scan', scores: { m1: 4, o1: 2 }, wentWell: 'We luisteren', couldBeBetter: '' });
    const wentWell = `${scan}:${a.participantId}:s1:wentWell`;
    expect(h.run('open-answer:endorse', { openAnswerId: wentWell }, a)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('open-answer:endorse', { openAnswerId: `${scan}:${a.participantId}:s1:couldBeBetter` }, b)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('open-answer:endorse', { openAnswerId: 's1:wentWell' }, b)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    h.must('open-answer:endorse', { openAnswerId: wentWell }, b);
    // Again (a retry): acknowledged, counted once.
    expect(h.run('open-answer:endorse', { openAnswerId: wentWell }, b)).toEqual({ ok: true, ids: [] });
    expect(h.state.openAnswerEndorsements[wentWell]).toEqual([b.participantId]);
  });

  it('lets the facilitator rewrite the statements before answers come in', () => {
    const h = new DomainHarness({ title: 'x', template: 'collaboration-checkup' });
    const scan = h.state.activities[0]!.id;
    const statements = [{ id: 'x1', factor: 'result', text: { nl: 'We halen onze doelen', en: 'We reach our goals' } }];
    h.must('activity:configure', { activityId: scan, statements }, HOST);
    expect(h.state.activities[0]?.config.statements).toEqual(statements);
    expect(h.run('activity:configure', { activityId: scan, statements: [...statements, ...statements] }, HOST)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('the summary', () => {
  it('is sent once and can be taken back', () => {
    const h = new DomainHarness({ title: 'x' });
    h.must('summary:publish', { published: true }, HOST);
    expect(h.state.summaryPublishedAt).toBe(h.now);
    // Sent already: acknowledged, nothing stored.
    const seq = h.state.seq;
    expect(h.run('summary:publish', { published: true }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state.seq).toBe(seq);
    h.must('summary:publish', { published: false }, HOST);
    expect(h.state.summaryPublishedAt).toBeNull();
  });
});
