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
  });

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
