import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import committed from '../../docs/export.schema.json';
import { EXPORT_SCHEMA_VERSION, exportWorkshop } from './export.js';
import { exportDocumentSchema, exportJsonSchema, exportJsonSchemaText } from './exportSchema.js';
import { openAnswerId } from './results.js';
import { DomainHarness, HOST } from './testing.js';

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(committed);
}

/** A workshop with every kind of answer, results, a removed participant and a published summary. */
function fullWorkshop() {
  const h = new DomainHarness({ title: 'Schema', template: 'heat-transition', groups: ['A', 'B'], allowNames: true });
  const [explore, dots, rank, rank2, scan] = h.state.activities.map((a) => a.id) as [string, string, string, string, string];
  const people = [0, 0, 0, 1, 1, 1].map((g, i) => h.join(g, i === 0 ? 'Ans' : undefined));
  const [v1, v2, v3] = h.state.valueOrder as [string, string, string];
  h.must('agenda:goto', { activityId: explore }, HOST);
  const story = h.must('story:add', { valueId: v1, text: 'Why it matters' }, people[0]!);
  h.must('story:endorse', { storyId: story }, people[1]!);
  h.must('agenda:goto', { activityId: dots }, HOST);
  people.forEach((p, i) => h.must('answer:submit', { activityId: dots, answerId: `d${i}`, answer: { kind: 'dots', dots: { [v1]: 2, [i % 2 ? v2 : v3]: 3 } } }, p));
  for (const [activityId, round] of [[rank, 1], [rank2, 2]] as const) {
    h.must('agenda:goto', { activityId }, HOST);
    people.forEach((p, i) => h.must('answer:submit', { activityId, answerId: `r${round}${i}`, answer: { kind: 'rank', order: i % 2 ? [v1, v2, v3, ...h.state.valueOrder.slice(3, 5)] : [v3, v2, v1, ...h.state.valueOrder.slice(5, 7)] } }, p));
  }
  h.must('agenda:goto', { activityId: scan }, HOST);
  people.forEach((p, i) => h.must('answer:submit', { activityId: scan, answerId: `s${i}`, answer: { kind: 'scan', scores: { m1: 1 + (i % 5), o2: 3 }, wentWell: i === 0 ? 'Listening' : '' } }, p));
  h.must('open-answer:endorse', { openAnswerId: openAnswerId(scan, people[0]!.participantId, 's0', 'wentWell') }, people[2]!);
  h.must('activity:control', { activityId: rank2, action: 'reveal' }, HOST);
  h.must('participant:remove', { participantId: people[5]!.participantId }, HOST);
  h.must('summary:publish', { published: true }, HOST);
  // Issue 12: a meeting of a process, invited numbers, feedback published, an online answer after the evening.
  h.state = { ...h.state, process: { id: 'p1', code: 'PQRSTU', title: 'Lombok', meeting: 2 } };
  const [gA, gB] = h.state.groups.map((g) => g.id) as [string, string];
  h.must('groups:invited', { invited: [{ groupId: gA, invited: 30 }, { groupId: gB, invited: null }] }, HOST);
  h.must('feedback:set', { entryId: 'f1', target: { kind: 'value', id: v1, activityId: null }, decision: 'Done', link: 'https://example.org/besluit' }, HOST);
  h.must('feedback:set', { entryId: 'f2', target: { kind: 'general', id: null }, decision: 'Next meeting in May', when: 'May 2027' }, HOST);
  h.must('feedback:publish', { published: true }, HOST);
  h.now += 60_000;
  h.must('online:open', { activityIds: [scan], until: h.now + 7 * 86_400_000 }, HOST);
  h.must('answer:submit', { activityId: scan, answerId: 's9', answer: { kind: 'scan', scores: { m1: 5 } } }, people[1]!);
  return h;
}

describe('docs/export.schema.json', () => {
  it('is what `npm run schema` generates now (run it after changing the export)', () => {
    expect(exportJsonSchemaText(committed)).toBe(exportJsonSchemaText(exportJsonSchema()));
  });

  it('accepts an export with every kind of answer and result, and the zod schema agrees', () => {
    const doc = JSON.parse(JSON.stringify(exportWorkshop(fullWorkshop().state, 1_800_000_000_000)));
    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(exportDocumentSchema.parse(doc)).toEqual(doc);
    // Everything is exercised: round comparison, scan, open answers, summary.
    expect(doc.activities[3].results.previousRound.comparison.values.length).toBeGreaterThan(0);
    expect(doc.activities[4].results.openAnswers[0].endorsements).toBe(1);
    expect(doc.summary.scanActivityId).toBe(doc.activities[4].id);
    // The fields of issue 12, with hand-computed values.
    expect(doc.groups.map((g: { invited: number | null }) => g.invited)).toEqual([30, null]);
    expect(doc.feedback.entries.map((e: { id: string }) => e.id)).toEqual(['f1', 'f2']);
    expect(doc.feedback.publishedAt).toBe(doc.feedback.entries[0].createdAt);
    expect(doc.liveEndedAt).toBe(doc.online.openedAt);
    expect(Date.parse(doc.online.until) - Date.parse(doc.online.openedAt)).toBe(7 * 86_400_000);
    expect(doc.activities[4].answers.map((a: { answerId: string; channel: string }) => [a.answerId, a.channel])).toEqual([
      ['s0', 'room'],
      ['s2', 'room'],
      ['s3', 'room'],
      ['s4', 'room'],
      ['s5', 'room'],
      ['s9', 'online'],
    ]);
    // 5 took part (one removed), all in the room: A 3 of 30 invited, B 2 with no number known.
    expect(doc.participation).toMatchObject({ invited: 30, tookPart: 5, underGroupIds: [] });
    expect(doc.participation.groups.map((g: { tookPart: number; turnout: number | null }) => [g.tookPart, g.turnout])).toEqual([
      [3, 0.1],
      [2, null],
    ]);
    expect(doc.process).toEqual({ id: 'p1', code: 'PQRSTU', title: 'Lombok', meeting: 2 });
  }, 20_000);

  it('accepts a fresh, empty workshop', () => {
    const validate = validator();
    expect(validate(JSON.parse(JSON.stringify(exportWorkshop(new DomainHarness({ title: 'x', template: 'empty' }).state, 0))))).toBe(true);
  });

  it('refuses unknown fields, a missing result field and a wrong version', () => {
    const validate = validator();
    const doc = JSON.parse(JSON.stringify(exportWorkshop(fullWorkshop().state, 1_800_000_000_000)));
    expect(validate({ ...doc, extra: 1 })).toBe(false);
    const noW = structuredClone(doc);
    delete noW.activities[2].results.vote.kendallW;
    expect(validate(noW)).toBe(false);
    expect(validate({ ...doc, schemaVersion: EXPORT_SCHEMA_VERSION + 1 })).toBe(false);
    const badAnswer = structuredClone(doc);
    badAnswer.activities[1].answers[0].answer = { kind: 'dots', dots: { x: 'many' } };
    expect(validate(badAnswer)).toBe(false);
  });
});
