import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import committedSchema from '../../../docs/export.schema.json';
import { exportDocumentSchema } from '../../domain/exportSchema.js';
import { answerSchema } from '../../domain/answers.js';
import { exportCsvRows, neutraliseFormula, parseCsv, restoreFormula, toCsv } from '../../domain/csv.js';
import { exportWorkshop } from '../../domain/export.js';
import { activityResults } from '../../domain/results.js';
import { templateFileSchema, templateFromWorkshop } from '../../domain/templateFile.js';
import { TEMPLATES } from '../../domain/templates.js';
import { DomainHarness, HOST } from '../../domain/testing.js';
import type { Activity } from '../../domain/types.js';
import { commandSchemas } from '../../protocol/commands.js';
import { optionsModule } from './index.js';
import { optionText, whyOpenAnswerId } from './labels.js';
import type { OptionItem, OptionsAnswer } from './model.js';
import { optionsAnswerSchema } from './schema.js';

const item = (id: string, nl: string, en: string): OptionItem => ({ id, text: { nl: { title: nl, description: '' }, en: { title: en, description: '' } } });
const activity = (options: OptionItem[]): Pick<Activity, 'kind' | 'config'> => ({
  kind: 'options',
  config: { valueIds: ['v1', 'v2'], timerSeconds: null, dotsPerParticipant: 5, dotsMaxPerValue: 3, rankK: 5, statements: [], options, weights: { mode: 'room', voteActivityId: null } },
});
const A = activity([item('o1', 'Een', 'One'), item('o2', 'Twee', 'Two')]);
const answer = (ratings: OptionsAnswer['ratings'], why: OptionsAnswer['why'] = {}): OptionsAnswer => ({ kind: 'options', ratings, why });

describe('options answer: schema', () => {
  it('takes scores −2 … +2 and null, and defaults ratings and why to {}', () => {
    expect(optionsAnswerSchema.parse({ kind: 'options', ratings: { o1: { v1: -2, v2: null } } })).toEqual({ kind: 'options', ratings: { o1: { v1: -2, v2: null } }, why: {} });
    expect(answerSchema.parse({ kind: 'options', why: { o1: '  warm  ' } })).toEqual({ kind: 'options', ratings: {}, why: { o1: 'warm' } });
  });

  it('refuses a score outside −2 … +2, a fraction, a why over 280 characters, 9 options and a bad id', () => {
    for (const bad of [
      { kind: 'options', ratings: { o1: { v1: 3 } } },
      { kind: 'options', ratings: { o1: { v1: -3 } } },
      { kind: 'options', ratings: { o1: { v1: 1.5 } } },
      { kind: 'options', ratings: { o1: { v1: '1' } } },
      { kind: 'options', why: { o1: 'x'.repeat(281) } },
      { kind: 'options', ratings: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`o${i}`, { v1: 0 }])) },
      { kind: 'options', ratings: { 'o 1': { v1: 0 } } },
    ]) {
      expect(optionsAnswerSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    expect(optionsAnswerSchema.safeParse({ kind: 'options', why: { o1: 'x'.repeat(280) } }).success).toBe(true);
  });
});

describe('options answer: validateAnswer', () => {
  it('stores the canonical form: option and value order, no empty options, no empty why', () => {
    const r = optionsModule.validateAnswer(A, ['v1', 'v2'], answer({ o2: { v2: 1, v1: null }, o1: {} }, { o1: '', o2: 'Cheaper' }));
    expect(r).toEqual({ ok: true, value: { kind: 'options', ratings: { o2: { v1: null, v2: 1 } }, why: { o2: 'Cheaper' } } });
    expect(JSON.stringify(r.ok && r.value)).toBe('{"kind":"options","ratings":{"o2":{"v1":null,"v2":1}},"why":{"o2":"Cheaper"}}');
  });

  it('accepts a lone "don\'t know" and a lone why', () => {
    expect(optionsModule.validateAnswer(A, ['v1', 'v2'], answer({ o1: { v1: null } })).ok).toBe(true);
    expect(optionsModule.validateAnswer(A, ['v1', 'v2'], answer({}, { o1: 'Because' })).ok).toBe(true);
  });

  it('refuses unknown options and values, an empty answer and another kind, with BAD_REQUEST', () => {
    const refusal = (a: Parameters<typeof optionsModule.validateAnswer>[2], valueIds = ['v1', 'v2']) => {
      const r = optionsModule.validateAnswer(A, valueIds, a);
      return r.ok ? null : [r.error.code, r.error.message];
    };
    expect(refusal(answer({ o3: { v1: 1 } }))).toEqual(['BAD_REQUEST', 'Unknown option']);
    expect(refusal(answer({}, { constructor: 'x' }))).toEqual(['BAD_REQUEST', 'Unknown option']);
    expect(refusal(answer({ o1: { v3: 1 } }))).toEqual(['BAD_REQUEST', 'A value does not take part in this activity']);
    expect(refusal(answer({ o1: { v2: 1 } }), ['v1'])).toEqual(['BAD_REQUEST', 'A value does not take part in this activity']);
    expect(refusal(answer({ o1: {} }, { o2: '' }))).toEqual(['BAD_REQUEST', 'The answer is empty']);
    expect(refusal({ kind: 'dots', dots: { v1: 1 } })).toEqual(['BAD_REQUEST', 'This activity takes a options answer']);
  });
});

/** A heat-transition workshop in English with groups A and B, minimum group size 2, two members each. */
function room() {
  const h = new DomainHarness({ title: 'Options', template: 'heat-transition', language: 'en', groups: ['A', 'B'] });
  h.must('settings:update', { minGroupSize: 2 }, HOST);
  const [explore, dots, rank, rank2, scan, options] = h.state.activities.map((a) => a.id) as [string, string, string, string, string, string];
  const [a1, a2, b1, b2] = [0, 0, 1, 1].map((g) => h.join(g));
  const values = h.state.valueOrder;
  const [v1, v2] = values as [string, string];
  return { h, explore, dots, rank, rank2, scan, options, a1: a1!, a2: a2!, b1: b1!, b2: b2!, values, v1, v2 };
}

const configure = (h: DomainHarness, activityId: string, fields: Record<string, unknown>) => h.run('activity:configure', { activityId, ...fields }, HOST);
const refusal = (r: ReturnType<DomainHarness['run']>) => (r.ok ? null : r.error.code);
const optionsOf = (h: DomainHarness, id: string) => h.state.activities.find((a) => a.id === id) as Activity;

describe('options config: activity:configure', () => {
  it('takes 2–8 options with unique ids and a title in the workshop language (the other may be empty)', () => {
    const { h, options } = room();
    expect(configure(h, options, { options: [item('x', '', 'Heat network'), item('y', '', 'Wait')] }).ok).toBe(true);
    expect(optionsOf(h, options).config.options.map((o) => o.id)).toEqual(['x', 'y']);
    expect(optionText(optionsOf(h, options).config.options[0]!, 'nl').title).toBe('Heat network'); // falls back to the other language
    expect(refusal(configure(h, options, { options: [item('x', 'Een', ''), item('y', 'Twee', 'Two')] }))).toBe('BAD_REQUEST'); // no English title in an English workshop
    expect(refusal(configure(h, options, { options: [item('x', 'a', 'a'), item('x', 'b', 'b')] }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { options: [item('x', 'a', 'a')] }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { options: Array.from({ length: 9 }, (_, i) => item(`o${i}`, 'a', 'a')) }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { options: [item('constructor', 'a', 'a'), item('y', 'b', 'b')] }))).toBe('BAD_REQUEST');
    expect(optionsOf(h, options).config.options.map((o) => o.id)).toEqual(['x', 'y']);
  });

  it('takes 1–8 values', () => {
    const { h, options, values } = room();
    expect(refusal(configure(h, options, { valueIds: values.slice(0, 9) }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { valueIds: [] }))).toBe('BAD_REQUEST');
    expect(configure(h, options, { valueIds: values.slice(0, 8) }).ok).toBe(true);
    expect(configure(h, options, { valueIds: values.slice(0, 1) }).ok).toBe(true);
  });

  it('takes the weights from a dots, rank or points vote before it; equal weights need none', () => {
    const { h, dots, rank2, scan, options, explore } = room();
    expect(configure(h, options, { weights: { mode: 'group', voteActivityId: rank2 } }).ok).toBe(true);
    expect(configure(h, options, { weights: { mode: 'equal', voteActivityId: null } }).ok).toBe(true);
    expect(refusal(configure(h, options, { weights: { mode: 'room', voteActivityId: 'nope' } }))).toBe('NOT_FOUND');
    expect(refusal(configure(h, options, { weights: { mode: 'room', voteActivityId: scan } }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { weights: { mode: 'room', voteActivityId: explore } }))).toBe('BAD_REQUEST');
    expect(refusal(configure(h, options, { weights: { mode: 'rooms', voteActivityId: null } }))).toBe('BAD_REQUEST');
    // A vote after the options step cannot weigh it.
    h.must('agenda:move', { activityId: dots, toIndex: 5 }, HOST);
    expect(refusal(configure(h, options, { weights: { mode: 'room', voteActivityId: dots } }))).toBe('BAD_REQUEST');
    expect(optionsOf(h, options).config.weights).toEqual({ mode: 'equal', voteActivityId: null });
  });

  it('locks options, values and weights once answers are in', () => {
    const { h, options, a1, v1 } = room();
    h.must('agenda:goto', { activityId: options }, HOST);
    h.must('answer:submit', { activityId: options, answerId: 'ans-1', answer: { kind: 'options', ratings: { 'heat-network': { [v1]: 1 } } } }, a1);
    expect(refusal(configure(h, options, { options: [item('x', 'a', 'a'), item('y', 'b', 'b')] }))).toBe('NOT_ALLOWED');
    // It opened with no revealed vote, so with equal weights; asking for those again is no change.
    expect(optionsOf(h, options).config.weights).toEqual({ mode: 'equal', voteActivityId: null });
    expect(configure(h, options, { weights: { mode: 'equal', voteActivityId: null } }).ok).toBe(true);
    expect(refusal(configure(h, options, { weights: { mode: 'group', voteActivityId: null } }))).toBe('NOT_ALLOWED');
    expect(refusal(configure(h, options, { valueIds: [v1] }))).toBe('NOT_ALLOWED');
  });
});

describe('options: opening', () => {
  it('refuses to open an options step with fewer than 2 options (NOT_ALLOWED), and opens it once they are set', () => {
    const { h } = room();
    const added = h.must('agenda:add', { kind: 'options' }, HOST);
    expect(optionsOf(h, added).config.options).toEqual([]);
    const before = h.state;
    expect(h.run('activity:control', { activityId: added, action: 'open' }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(h.run('agenda:goto', { activityId: added }, HOST)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/at least 2 options/) } });
    expect(h.state).toBe(before);
    configure(h, added, { options: [item('a', 'A', 'A'), item('b', 'B', 'B')] });
    expect(h.run('agenda:goto', { activityId: added }, HOST).ok).toBe(true);
    expect(optionsOf(h, added).status).toBe('open');
  });
});

describe('options: configAtOpen', () => {
  it('takes the top 6 values and the weights of the latest revealed vote before it', () => {
    const { h, dots, rank, options, a1, b1, values } = room();
    h.must('agenda:goto', { activityId: dots }, HOST);
    // Dots: values[11] 5, values[10] 4, values[9] 3, values[8] 2, values[7] 1 (+ values[6] 1 from b1); the rest 0.
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [values[11]!]: 3, [values[10]!]: 2 } } }, a1);
    h.must('answer:submit', { activityId: dots, answerId: 'd2', answer: { kind: 'dots', dots: { [values[11]!]: 2, [values[10]!]: 2, [values[9]!]: 1 } } }, b1);
    h.must('activity:control', { activityId: dots, action: 'reveal' }, HOST);
    // A rank after it, not revealed: not the one.
    h.must('agenda:goto', { activityId: rank }, HOST);
    h.must('answer:submit', { activityId: rank, answerId: 'r1', answer: { kind: 'rank', order: values.slice(0, 5) } }, a1);
    h.must('agenda:goto', { activityId: options }, HOST);
    const config = optionsOf(h, options).config;
    // By position: values[11] (5), values[10] (4), values[9] (1), then the zeros in display order.
    expect(config.valueIds).toEqual([values[11], values[10], values[9], values[0], values[1], values[2]]);
    expect(config.weights).toEqual({ mode: 'room', voteActivityId: dots });
  });

  it('keeps the facilitator\'s values and vote, and skips values hidden since the vote', () => {
    const { h, dots, rank2, options, a1, values } = room();
    h.must('agenda:goto', { activityId: dots }, HOST);
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [values[3]!]: 3, [values[4]!]: 2 } } }, a1);
    h.must('activity:control', { activityId: dots, action: 'reveal' }, HOST);
    h.must('value:hide', { valueId: values[3], hidden: true }, HOST);
    expect(optionsModule.configAtOpen(h.state, optionsOf(h, options))).toEqual({ valueIds: [values[4], values[0], values[1], values[2], values[5], values[6]], weights: { mode: 'room', voteActivityId: dots } });
    configure(h, options, { valueIds: [values[7]], weights: { mode: 'group', voteActivityId: rank2 } });
    expect(optionsModule.configAtOpen(h.state, optionsOf(h, options))).toEqual({});
  });

  it('falls back to the first 6 visible values and equal weights with no revealed vote', () => {
    const { h, dots, options, a1, values } = room();
    h.must('agenda:goto', { activityId: dots }, HOST);
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [values[9]!]: 3 } } }, a1);
    h.must('value:hide', { valueId: values[1], hidden: true }, HOST);
    h.must('agenda:goto', { activityId: options }, HOST);
    const config = optionsOf(h, options).config;
    expect(config.valueIds).toEqual([values[0], values[2], values[3], values[4], values[5], values[6]]);
    expect(config.weights).toEqual({ mode: 'equal', voteActivityId: null });
  });
});

/**
 * Dots on v1, v2 only: A gives v1 6, v2 2; B gives v1 2, v2 6 → room 8 : 8 = ½ each, A ¾ : ¼,
 * B ¼ : ¾. Scores (heat-network = o1, heat-pump = o2):
 *        o1 v1  o1 v2  o2 v1  o2 v2
 *   a1     2     −1     −1      2
 *   a2     2      0      0      1
 *   b1     0     −2     −2      2
 *   b2     ?     −2      0      2     why o2 "Lower bills"
 */
function weighed() {
  const r = room();
  const { h, dots, options, a1, a2, b1, b2, v1, v2 } = r;
  configure(h, dots, { valueIds: [v1, v2] });
  h.must('agenda:goto', { activityId: dots }, HOST);
  const give = (p: typeof a1, id: string, d: Record<string, number>) => h.must('answer:submit', { activityId: dots, answerId: id, answer: { kind: 'dots', dots: d } }, p);
  give(a1, 'd1', { [v1]: 3, [v2]: 1 });
  give(a2, 'd2', { [v1]: 3, [v2]: 1 });
  give(b1, 'd3', { [v1]: 1, [v2]: 3 });
  give(b2, 'd4', { [v1]: 1, [v2]: 3 });
  h.must('activity:control', { activityId: dots, action: 'reveal' }, HOST);
  configure(h, options, { weights: { mode: 'group', voteActivityId: null } });
  h.must('agenda:goto', { activityId: options }, HOST);
  const rate = (p: typeof a1, id: string, o1: [number | null, number], o2: [number, number], why: Record<string, string> = {}) =>
    h.must('answer:submit', { activityId: options, answerId: id, answer: { kind: 'options', ratings: { 'heat-network': { [v1]: o1[0], [v2]: o1[1] }, 'heat-pump': { [v1]: o2[0], [v2]: o2[1] } }, why } }, p);
  rate(a1, 'o-a1', [2, -1], [-1, 2]);
  rate(a2, 'o-a2', [2, 0], [0, 1]);
  rate(b1, 'o-b1', [0, -2], [-2, 2]);
  rate(b2, 'o-b2', [null, -2], [0, 2], { 'heat-pump': 'Lower bills' });
  return r;
}

describe('options: results from the state', () => {
  it('weighs with the vote the step opened with, per group, with hand-computed fits', () => {
    const { h, dots, options, v1, v2, b2 } = weighed();
    const [gA, gB] = h.state.groups.map((g) => g.id) as [string, string];
    expect(optionsOf(h, options).config).toMatchObject({ valueIds: [v1, v2], weights: { mode: 'group', voteActivityId: dots } });
    const r = activityResults(h.state, options);
    expect(r).toMatchObject({ kind: 'options', vote: null, scan: null, answers: { counted: 4, fromLateJoiners: 0 } });
    const o = r!.options!;
    expect(o.weights).toEqual({ mode: 'group', voteActivityId: dots, room: { [v1]: 0.5, [v2]: 0.5 }, byGroup: { [gA]: { [v1]: 0.75, [v2]: 0.25 }, [gB]: { [v1]: 0.25, [v2]: 0.75 } } });
    // Room means: o1 v1 4/3 (b2 don't know), v2 −5/4; o2 v1 −3/4, v2 7/4. Fits: o1 ½·4/3 + ½·(−5/4) = 1/24, o2 ½.
    expect(o.options.map((x) => [x.optionId, x.position])).toEqual([['heat-pump', 1], ['heat-network', 2], ['hybrid', 3], ['wait', 3]]);
    const byId = (id: string) => o.options.find((x) => x.optionId === id)!;
    expect(byId('heat-network').fit).toBeCloseTo(1 / 24, 12);
    expect(byId('heat-pump').fit).toBeCloseTo(0.5, 12);
    expect(byId('heat-network').values[0]).toMatchObject({ valueId: v1, n: 3, dontKnow: 1 });
    expect(byId('heat-network').values[0]!.mean).toBeCloseTo(4 / 3, 12);
    expect(byId('hybrid')).toMatchObject({ fit: null, liveWith: null, split: null });
    expect(o.winnerIds).toEqual(['heat-pump']);
    // Group A's own weights on the room's means: o1 ¾·4/3 − ¼·5/4 = 11/16, o2 −¾·¾ + ¼·7/4 = −1/8 → A picks o1.
    expect(o.whoseValues.map((w) => [w.groupId, w.winnerIds])).toEqual([[gA, ['heat-network']], [gB, ['heat-pump']]]);
    expect(o.whoseValues[0]!.fits[0]!.fit).toBeCloseTo(11 / 16, 12);
    expect(o.flips).toBe(true);
    // Can live with o2: A a1 −¾ + ½ = −¼ no, a2 ¼ yes → (1+1)/(2+2) = ½; B both yes → 3/4; √(½·¾).
    expect(byId('heat-pump').liveWith!.score).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(byId('heat-pump').liveWith).toMatchObject({ lowestGroupId: gA, lowestShare: 0.5 });
    expect(byId('heat-network').liveWith!.score).toBeCloseTo(Math.sqrt(3) / 4, 12);
    expect(o.liveWithIds).toEqual(['heat-pump']);
    // What splits us on o1: v1 A 2 vs B 0 (spread 2) beats v2 −½ vs −2.
    expect(byId('heat-network').split).toEqual({ valueId: v1, spread: 2, highGroupId: gA, lowGroupId: gB });
    // The why sentence, endorsable.
    const [product] = (r!.openAnswers);
    expect(r!.openAnswers).toHaveLength(1);
    expect(product).toMatchObject({ id: whyOpenAnswerId(options, b2.participantId, 'o-b2', 'heat-pump'), field: 'why', optionId: 'heat-pump', text: 'Lower bills', endorsements: 0 });
    expect(optionsModule.resultsInputs(h.state, optionsOf(h, options))).toEqual({ activityIds: [dots], endorsements: true });
  });

  it('falls back to equal weights when the weighting vote moved after it or is gone', () => {
    const { h, dots, options } = weighed();
    h.must('agenda:move', { activityId: dots, toIndex: 5 }, HOST);
    const o = activityResults(h.state, options)!.options!;
    expect(o.weights.mode).toBe('equal');
    expect(o.weights.voteActivityId).toBeNull();
    expect(o.whoseValues).toEqual([]);
    expect(optionsModule.resultsInputs(h.state, optionsOf(h, options)).activityIds).toEqual([]);
  });

  it('follows merges: a value merged into one that takes part brings its share of the vote along', () => {
    const { h, dots, options, a1, b1, values } = room();
    const [v1, v2, v3] = values as [string, string, string];
    configure(h, dots, { valueIds: [v1, v2, v3] });
    h.must('agenda:goto', { activityId: dots }, HOST);
    h.must('answer:submit', { activityId: dots, answerId: 'd1', answer: { kind: 'dots', dots: { [v1]: 2, [v3]: 2 } } }, a1);
    h.must('answer:submit', { activityId: dots, answerId: 'd2', answer: { kind: 'dots', dots: { [v2]: 2, [v3]: 2 } } }, b1);
    h.must('activity:control', { activityId: dots, action: 'reveal' }, HOST);
    h.must('value:merge', { sourceId: v3, targetId: v1 }, HOST);
    h.must('agenda:goto', { activityId: options }, HOST);
    // v3 (4 dots) lives on v1 now: the values are v1, v2 and v1 weighs (2 + 4) / 8.
    expect(optionsOf(h, options).config.valueIds).toEqual([v1, v2]);
    expect(activityResults(h.state, options)!.options!.weights.room).toEqual({ [v1]: 0.75, [v2]: 0.25 });
  });

  it('lets a why sentence be endorsed through decide, once, not by its author, not after a change', () => {
    const { h, options, a1, a2, b1, b2, v1 } = weighed();
    const id = whyOpenAnswerId(options, b2.participantId, 'o-b2', 'heat-pump');
    expect(commandSchemas['open-answer:endorse'].safeParse({ openAnswerId: id }).success).toBe(true);
    h.must('open-answer:endorse', { openAnswerId: id }, a1);
    h.must('open-answer:endorse', { openAnswerId: id }, a1); // a retry: counted once
    h.must('open-answer:endorse', { openAnswerId: id }, a2);
    expect(refusal(h.run('open-answer:endorse', { openAnswerId: id }, b2))).toBe('NOT_ALLOWED');
    expect(refusal(h.run('open-answer:endorse', { openAnswerId: whyOpenAnswerId(options, b2.participantId, 'o-b2', 'heat-network') }, a1))).toBe('NOT_FOUND');
    expect(activityResults(h.state, options)!.openAnswers[0]!.endorsements).toBe(2);
    h.must('answer:submit', { activityId: options, answerId: 'o-b2-2', answer: { kind: 'options', ratings: { 'heat-network': { [v1]: 1 } }, why: { 'heat-pump': 'Lower bills' } } }, b2);
    expect(refusal(h.run('open-answer:endorse', { openAnswerId: id }, b1))).toBe('NOT_FOUND');
    expect(activityResults(h.state, options)!.openAnswers.map((x) => [x.id, x.endorsements])).toEqual([[whyOpenAnswerId(options, b2.participantId, 'o-b2-2', 'heat-pump'), 0]]);
  });

  it('is the summary\'s options part', () => {
    const { h, options } = weighed();
    const [gA] = h.state.groups.map((g) => g.id);
    const doc = exportWorkshop(h.state, 0);
    expect(doc.summary.options).toEqual({ activityId: options, winnerIds: ['heat-pump'], liveWithIds: ['heat-pump'], lowestGroupId: gA, lowestShare: 0.5, flips: true });
    expect(optionsModule.summary([])).toEqual({ options: null });
  });
});

describe('options: CSV rows', () => {
  it('one row per rated option × value (don\'t know: empty amount, text ?), then one per why', () => {
    const { h, options, b2, v1, v2 } = weighed();
    const rows = exportCsvRows(exportWorkshop(h.state, 0)).filter((r) => r.activity_id === options && r.participant_id === b2.participantId);
    const title = (id: string) => h.state.values[id]!.title;
    expect(rows.map((r) => [r.activity_kind, r.item_id, r.item_title, r.position, r.amount, r.text])).toEqual([
      ['options', `heat-network:${v1}`, `Heat network — ${title(v1)}`, '', '', '?'],
      ['options', `heat-network:${v2}`, `Heat network — ${title(v2)}`, '', '-2', ''],
      ['options', `heat-pump:${v1}`, `All-electric heat pump (with insulation) — ${title(v1)}`, '', '0', ''],
      ['options', `heat-pump:${v2}`, `All-electric heat pump (with insulation) — ${title(v2)}`, '', '2', ''],
      ['options', 'why.heat-pump', 'Why? — All-electric heat pump (with insulation)', '', '', 'Lower bills'],
    ]);
 
    // A score of −2 is written as the number it is (not neutralised like a formula), and reads back the same.
    const file = toCsv(rows);
    expect(file).toContain(`,heat-network:${v2},Heat network — ${title(v2)},,-2,,room\r\n`);
    expect(parseCsv(file).slice(1).map((cells) => restoreFormula(cells[17]!))).toEqual(['', '-2', '0', '2', '']);
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('-02')).toBe("'-02");
  });
});

describe('options: the JSON export', () => {
  it('carries the options config, answers, results, why endorsements and summary, valid against docs/export.schema.json', () => {
    const { h, options, a1, b2 } = weighed();
    h.must('open-answer:endorse', { openAnswerId: whyOpenAnswerId(options, b2.participantId, 'o-b2', 'heat-pump') }, a1);
    const doc = JSON.parse(JSON.stringify(exportWorkshop(h.state, 1_800_000_000_000)));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(committedSchema);
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(exportDocumentSchema.parse(doc)).toEqual(doc);
    const activity = doc.activities.find((a: { id: string }) => a.id === options);
    expect(activity.config.options).toHaveLength(4);
    expect(activity.answers).toHaveLength(4);
    expect(activity.results.options.winnerIds).toEqual(['heat-pump']);
    expect(activity.results.openAnswers[0].endorsements).toBe(1);
    // A score outside −2 … +2, a results field too many, and a missing fit are refused.
    const bad = structuredClone(doc);
    bad.activities[5].answers[0].answer.ratings['heat-network'][Object.keys(bad.activities[5].answers[0].answer.ratings['heat-network'])[0]!] = 3;
    expect(validate(bad)).toBe(false);
    const extra = structuredClone(doc);
    extra.activities[5].results.options.extra = 1;
    expect(validate(extra)).toBe(false);
    const noFit = structuredClone(doc);
    delete noFit.activities[5].results.options.options[0].fit;
    expect(validate(noFit)).toBe(false);
  });
});

describe('the heat-transition template', () => {
  it('ends with an options step with four options in Dutch and English; other templates are unchanged', () => {
    const h = new DomainHarness({ title: 'Wijk', template: 'heat-transition' });
    const last = h.state.activities.at(-1)!;
    expect(last.kind).toBe('options');
    expect(last.config.options.map((o) => o.id)).toEqual(['heat-network', 'heat-pump', 'hybrid', 'wait']);
    expect(last.config.options.map((o) => o.text.nl.title)).toEqual(['Warmtenet', 'Elektrische warmtepomp (met isolatie)', 'Hybride warmtepomp', 'Wachten op groen gas / later kiezen']);
    expect(last.config.options.map((o) => o.text.en.title)).toEqual(['Heat network', 'All-electric heat pump (with insulation)', 'Hybrid heat pump', 'Wait for green gas / decide later']);
    for (const o of last.config.options) for (const lang of ['nl', 'en'] as const) expect(o.text[lang].description.length).toBeGreaterThan(40);
    expect(last.config.weights).toEqual({ mode: 'room', voteActivityId: null });
    // Editable like any setting, and valid as the console would send it.
    const parsed = commandSchemas['activity:configure'].safeParse({ activityId: last.id, options: last.config.options });
    expect(parsed.success).toBe(true);
    expect(configure(h, last.id, { options: [...last.config.options.slice(0, 3), item('wijk', 'Eigen plan', 'Own plan')] }).ok).toBe(true);
    expect(TEMPLATES['social-domain'].agenda).toEqual(['explore', 'points', 'scan']);
    expect(TEMPLATES['collaboration-checkup'].agenda).toEqual(['scan']);
    expect(TEMPLATES.empty.agenda).toEqual(['explore']);
  });

  it('carries its options and weight mode into a template file, not the weighting vote; an unfilled options step still saves', () => {
    const { h, options, dots } = room();
    configure(h, options, { weights: { mode: 'group', voteActivityId: dots } });
    h.must('agenda:add', { kind: 'options' }, HOST); // a new options step, no options yet
    const file = templateFromWorkshop({ name: 'Mine', language: 'en', values: [], activities: h.state.activities });
    const parsed = templateFileSchema.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.agenda[5]!.config).toMatchObject({ options: TEMPLATES['heat-transition'].agenda.flatMap((x) => (typeof x === 'string' ? [] : (x.config.options ?? []))), weights: { mode: 'group', voteActivityId: null } });
    expect(parsed.agenda[6]!.config.options).toBeUndefined();
    const next = new DomainHarness({ title: 'Next', language: 'en', custom: parsed });
    expect(next.state.activities[5]!.config.options.map((o) => o.id)).toEqual(['heat-network', 'heat-pump', 'hybrid', 'wait']);
    expect(next.state.activities[6]!.config.options).toEqual([]);
  });
});
