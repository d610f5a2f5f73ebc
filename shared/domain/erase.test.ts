import { describe, expect, it } from 'vitest';
import { apply } from './apply.js';
import { decide } from './decide.js';
import { exportWorkshop } from './export.js';
import { activityResults, openAnswerId } from './results.js';
import { DomainHarness, HOST, VISITOR } from './testing.js';
import { hostView, selfView } from './views.js';

/**
 * `participant:erase` (host) and `participant:eraseSelf` (the participant): the person and all
 * they gave leave the state; what belongs to the room (values they proposed) stays, unsigned.
 */
function room() {
  const h = new DomainHarness({ title: 'Erase', groups: ['Bewoners', 'Gemeente'] });
  h.must('settings:update', { allowNames: true, allowProposals: true }, HOST);
  const anna = h.join(0, 'Anna');
  const bram = h.join(1, 'Bram');
  const carla = h.join(0, 'Carla');
  const byKind = (kind: string) => h.state.activities.find((a) => a.kind === kind)!.id;
  const explore = h.openFirst('explore');
  const [v1, v2, v3] = h.state.valueOrder as [string, string, string];
  const annaStory = h.must('story:add', { valueId: v1, text: 'Anna schreef dit', storyId: 'story_anna_000001' }, anna);
  const bramStory = h.must('story:add', { valueId: v2, text: 'Bram schreef dit', storyId: 'story_bram_000001' }, bram);
  h.must('story:endorse', { storyId: annaStory }, bram);
  h.must('story:endorse', { storyId: annaStory }, carla);
  h.must('story:endorse', { storyId: bramStory }, anna);
  h.must('story:endorse', { storyId: bramStory }, carla);
  const proposed = h.must('value:propose', { title: 'Buurtfeest', valueId: 'value_anna_000001' }, anna);
  void explore;

  const dots = byKind('dots');
  h.must('activity:configure', { activityId: dots, valueIds: [v1, v2, v3], dotsPerParticipant: 5, dotsMaxPerValue: 5 }, HOST);
  h.must('agenda:goto', { activityId: dots }, HOST);
  h.must('answer:submit', { activityId: dots, answerId: 'a-anna', answer: { kind: 'dots', dots: { [v1]: 5 } } }, anna);
  h.must('answer:submit', { activityId: dots, answerId: 'a-bram', answer: { kind: 'dots', dots: { [v2]: 3, [v1]: 2 } } }, bram);
  h.must('answer:submit', { activityId: dots, answerId: 'a-carla', answer: { kind: 'dots', dots: { [v3]: 4, [v1]: 1 } } }, carla);

  const scan = byKind('scan');
  h.must('agenda:goto', { activityId: scan }, HOST);
  const statement = h.state.activities.find((a) => a.id === scan)!.config.statements[0]!.id;
  h.must('answer:submit', { activityId: scan, answerId: 's-anna', answer: { kind: 'scan', scores: { [statement]: 4 }, wentWell: 'Anna: we luisteren' } }, anna);
  h.must('answer:submit', { activityId: scan, answerId: 's-bram', answer: { kind: 'scan', scores: { [statement]: 2 }, wentWell: 'Bram: korte lijnen' } }, bram);
  const annaOpen = openAnswerId(scan, anna.participantId, 's-anna', 'wentWell');
  const bramOpen = openAnswerId(scan, bram.participantId, 's-bram', 'wentWell');
  h.must('open-answer:endorse', { openAnswerId: annaOpen }, bram);
  h.must('open-answer:endorse', { openAnswerId: bramOpen }, anna);
  h.must('open-answer:endorse', { openAnswerId: bramOpen }, carla);
  return { h, anna, bram, carla, v1, v2, v3, dots, scan, annaStory, bramStory, proposed, annaOpen, bramOpen };
}

describe('participant:erase', () => {
  it('takes the person, their stories, answers and endorsements out of state, results, views and export', () => {
    const { h, anna, bram, carla, v1, v2, v3, dots, scan, annaStory, bramStory, proposed, annaOpen, bramOpen } = room();
    // Before: dots v1 5 + 2 + 1 = 8, v2 3, v3 4.
    const totals = () => Object.fromEntries((activityResults(h.state, dots)?.vote?.values ?? []).map((v) => [v.valueId, v.score]));
    expect(totals()).toEqual({ [v1]: 8, [v2]: 3, [v3]: 4 });

    h.must('participant:erase', { participantId: anna.participantId }, HOST);
    const s = h.state;
    expect(Object.keys(s.participants)).toEqual([bram.participantId, carla.participantId]);
    expect(Object.keys(s.stories)).toEqual([bramStory]);
    expect(s.stories[bramStory]?.endorsements).toEqual([carla.participantId]);
    expect(s.values[proposed]).toMatchObject({ title: 'Buurtfeest', origin: 'participant', proposedBy: null });
    expect(Object.keys(s.answers[dots] ?? {})).toEqual([bram.participantId, carla.participantId]);
    expect(Object.keys(s.answers[scan] ?? {})).toEqual([bram.participantId]);
    expect(s.openAnswerEndorsements).toEqual({ [bramOpen]: [carla.participantId] });
    expect(s.erasedParticipantIds).toEqual([anna.participantId]);
    // After: v1 2 + 1 = 3, v2 3, v3 4; two answers.
    expect(totals()).toEqual({ [v1]: 3, [v2]: 3, [v3]: 4 });
    expect(activityResults(h.state, dots)?.vote?.answers).toBe(2);
    expect(activityResults(h.state, scan)?.openAnswers.map((o) => [o.id, o.endorsements])).toEqual([[bramOpen, 1]]);

    const json = JSON.stringify([exportWorkshop(s, h.now), hostView(s)]);
    for (const trace of ['Anna', anna.participantId, annaStory, annaOpen, 'a-anna', 's-anna']) expect(json).not.toContain(trace);
    expect(selfView(s, bram.participantId)?.endorsedStoryIds).toEqual([]);
    expect(selfView(s, anna.participantId)).toBeNull();
  });

  it('is acknowledged again with nothing stored when retried, and is NOT_FOUND for an id never seen', () => {
    const { h, anna } = room();
    h.must('participant:erase', { participantId: anna.participantId }, HOST);
    const before = h.state;
    expect(h.run('participant:erase', { participantId: anna.participantId }, HOST)).toEqual({ ok: true, ids: [] });
    expect(h.state).toBe(before);
    expect(h.run('participant:erase', { participantId: 'nobody' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.run('participant:erase', { participantId: 'constructor' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is the host’s: a participant or visitor is FORBIDDEN; a participant erases only themselves', () => {
    const { h, anna, bram } = room();
    expect(h.run('participant:erase', { participantId: bram.participantId }, anna)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('participant:eraseSelf', {}, VISITOR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.run('participant:eraseSelf', {}, HOST)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const decided = decide(h.state, { type: 'participant:eraseSelf', payload: {} }, bram, h.ctx());
    expect(decided).toEqual({ ok: true, value: [{ type: 'participant:erased', at: h.now, participantId: bram.participantId }] });
    h.must('participant:eraseSelf', {}, bram);
    expect(h.state.participants[bram.participantId]).toBeUndefined();
    // Gone: the same phone cannot act again (its token opens nothing on the server either).
    expect(h.run('participant:eraseSelf', {}, bram)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(h.run('answer:submit', { activityId: h.state.currentActivityId, answerId: 'again', answer: { kind: 'scan', scores: {} } }, bram)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('erases a removed participant too, and apply() leaves the state it was given as it was', () => {
    const { h, carla } = room();
    h.must('participant:remove', { participantId: carla.participantId }, HOST);
    const before = h.state;
    const snapshot = JSON.stringify(before);
    const after = apply(before, { type: 'participant:erased', at: h.now, participantId: carla.participantId });
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.participants[carla.participantId]).toBeUndefined();
    expect(after.seq).toBe(before.seq + 1);
  });
});

describe('participant:removed', () => {
  it('drops the name: the export of a removed participant carries none', () => {
    const { h, anna } = room();
    h.must('participant:remove', { participantId: anna.participantId }, HOST);
    const exported = exportWorkshop(h.state, h.now).participants.find((p) => p.id === anna.participantId);
    expect(exported).toMatchObject({ removed: true, name: null });
    expect(JSON.stringify(exportWorkshop(h.state, h.now).participants)).not.toContain('Anna');
  });
});
