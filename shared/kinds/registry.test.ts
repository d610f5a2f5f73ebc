import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_SCHEMAS, answerSchema, validateAnswer } from '../domain/answers.js';
import { getOwn } from '../domain/own.js';
import { apply } from '../domain/apply.js';
import { exportCsvRows } from '../domain/csv.js';
import { exportWorkshop } from '../domain/export.js';
import { activityResults } from '../domain/results.js';
import { buildSummary } from '../domain/summary.js';
import { DomainHarness, HOST } from '../domain/testing.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../domain/types.js';
import { KIND_MODULES, kindModule } from './index.js';
import { KIND_RULES } from './rules.js';
import { activityActions } from '../domain/permissions.js';

/**
 * The table of kinds: it holds a module for every kind, each module is the one the shared
 * dispatch sites reach, and what they return is that module's (worked by hand below).
 */

/** A workshop with three values and one activity of every kind, in ACTIVITY_KINDS order, each with answers from two phones. */
function everyKind() {
  const h = new DomainHarness({ title: 'Kinds', template: 'empty', groups: ['Bewoners', 'Gemeente'] });
  for (const title of ['A', 'B', 'C']) h.must('value:add', { title, description: '' }, HOST);
  const [A, B, C] = h.state.valueOrder as [string, string, string];
  const first = h.state.activities[0]!.id; // the empty template's explore
  const ids: Record<ActivityKind, string> = { explore: first, dots: '', rank: '', points: '', scan: '', options: '' };
  for (const kind of ACTIVITY_KINDS.filter((k) => k !== 'explore')) ids[kind] = h.must('agenda:add', { kind }, HOST);
  // The options activity's options are set on the state directly (activity:configure's options are the options module's).
  h.state = {
    ...h.state,
    activities: h.state.activities.map((a) =>
      a.id === ids.options
        ? {
            ...a,
            config: {
              ...a.config,
              valueIds: [A, B],
              weights: { mode: 'equal' as const, voteActivityId: null },
              options: [
                { id: 'o1', text: { nl: { title: 'Warmtenet', description: '' }, en: { title: 'Heat network', description: '' } } },
                { id: 'o2', text: { nl: { title: 'Warmtepomp', description: '' }, en: { title: 'Heat pump', description: '' } } },
              ],
            },
          }
        : a,
    ),
  };
  const p = h.join(0);
  const q = h.join(1);
  const answers: [string, unknown, unknown][] = [
    [ids.dots, { kind: 'dots', dots: { [A]: 2, [B]: 1 } }, { kind: 'dots', dots: { [A]: 1 } }],
    [ids.rank, { kind: 'rank', order: [B, A, C] }, { kind: 'rank', order: [B, C, A] }],
    [ids.points, { kind: 'points', points: { [A]: 60, [C]: 40 } }, { kind: 'points', points: { [C]: 100 } }],
  ];
  for (const [activityId, mine, theirs] of answers) {
    h.must('agenda:goto', { activityId }, HOST);
    h.must('answer:submit', { activityId, answerId: `${activityId}-p`, answer: mine }, p);
    h.must('answer:submit', { activityId, answerId: `${activityId}-q`, answer: theirs }, q);
  }
  h.must('agenda:goto', { activityId: ids.scan }, HOST);
  const statement = h.state.activities.find((a) => a.id === ids.scan)!.config.statements[0]!.id;
  h.must('answer:submit', { activityId: ids.scan, answerId: 's-p', answer: { kind: 'scan', scores: { [statement]: 4 }, wentWell: 'Samen' } }, p);
  h.must('answer:submit', { activityId: ids.scan, answerId: 's-q', answer: { kind: 'scan', scores: { [statement]: 2 } } }, q);
  // The options answers as the options module stores them (its schema and checks are its own tests).
  h.must('agenda:goto', { activityId: ids.options }, HOST);
  for (const [who, score] of [[p, 2], [q, 0]] as const) {
    h.state = apply(h.state, {
      type: 'answer:submitted',
      at: h.now,
      activityId: ids.options,
      participantId: who.participantId,
      answerId: `o-${who.participantId}`,
      answer: { kind: 'options', ratings: { o1: { [A]: score, [B]: score } }, why: {} },
    });
  }
  return { h, ids, A, B, C, statement };
}

afterEach(() => vi.restoreAllMocks());

describe('the table of kinds', () => {
  it('holds one module for every kind, under its own kind', () => {
    expect(Object.keys(KIND_MODULES).sort()).toEqual([...ACTIVITY_KINDS].sort());
    for (const kind of ACTIVITY_KINDS) {
      expect(KIND_MODULES[kind].kind).toBe(kind);
      expect(kindModule(kind)).toBe(KIND_MODULES[kind]);
    }
  });

  it('holds every module whichever module is loaded first (the modules and the domain import each other)', async () => {
    const load: Record<ActivityKind, () => Promise<Record<string, unknown>>> = {
      explore: () => import('./explore/index.js'),
      dots: () => import('./dots/index.js'),
      rank: () => import('./rank/index.js'),
      points: () => import('./points/index.js'),
      scan: () => import('./scan/index.js'),
      options: () => import('./options/index.js'),
    };
    for (const kind of ACTIVITY_KINDS) {
      vi.resetModules();
      const first = await load[kind]();
      const table = await import('./index.js');
      expect(ACTIVITY_KINDS.map((k) => table.KIND_MODULES[k]?.kind)).toEqual(ACTIVITY_KINDS);
      expect(Object.values(first)).toContain(table.KIND_MODULES[kind]);
    }
  });

  it('answerSchema is the union of ANSWER_SCHEMAS, one per kind whose module takes answers; explore takes none', () => {
    const members = answerSchema.options;
    const answering = ACTIVITY_KINDS.filter((k) => KIND_MODULES[k].takesAnswers);
    expect(answering).toEqual(['dots', 'rank', 'points', 'scan', 'options']);
    expect(Object.keys(ANSWER_SCHEMAS).sort()).toEqual([...answering].sort());
    for (const kind of answering) expect(members).toContain(getOwn(ANSWER_SCHEMAS, kind));
    expect(members).toHaveLength(answering.length);
    expect(answerSchema.safeParse({ kind: 'explore' }).success).toBe(false);
  });


  it('every kind but explore has results; the votes have a ballot of values', () => {
    expect(ACTIVITY_KINDS.filter((k) => KIND_MODULES[k].hasResults)).toEqual(['dots', 'rank', 'points', 'scan', 'options']);
    expect(ACTIVITY_KINDS.filter((k) => KIND_MODULES[k].valuesOnBallot)).toEqual(['dots', 'rank', 'points']);
    expect(ACTIVITY_KINDS.map((k) => KIND_MODULES[k].minValues)).toEqual([0, 1, 2, 1, 0, 1]);
  });
});

describe('dispatch reaches the kind’s module', () => {
  it('activityResults: each kind’s results come from its own module', () => {
    const { h, ids, A, B, C } = everyKind();
    const spies = ACTIVITY_KINDS.map((kind) => vi.spyOn(KIND_MODULES[kind], 'results'));
    const results = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, activityResults(h.state, ids[kind])]));
    ACTIVITY_KINDS.forEach((kind, i) => {
      expect(spies[i]).toHaveBeenCalledTimes(1);
      expect(spies[i]?.mock.calls[0]?.[1].id).toBe(ids[kind]);
    });
    expect(results.explore).toBeNull();
    // dots: A 2+1 = 3, B 1, C 0.
    expect(results.dots?.vote?.values.map((v) => [v.valueId, v.score])).toEqual([[A, 3], [B, 1], [C, 0]]);
    // rank, K = 3 (rankK 5 > 3 values): Borda 3/2/1 — B 3+3 = 6, A 2+1 = 3, C 1+2 = 3 (tie, shared position 2).
    expect(results.rank?.vote?.values.map((v) => [v.valueId, v.score])).toEqual([[B, 6], [A, 3], [C, 3]]);
    // points, the mean per answer: C (40+100)/2 = 70, A 60/2 = 30, B 0.
    expect(results.points?.vote?.values.map((v) => [v.valueId, v.score])).toEqual([[C, 70], [A, 30], [B, 0]]);
    // scan: the first statement's factor has the mean of 4 and 2 = 3; one open answer.
    expect(results.scan?.scan?.statements[0]?.mean).toBe(3);
    expect(results.scan?.openAnswers.map((o) => [o.field, o.text])).toEqual([['wentWell', 'Samen']]);
    // options: two answers, equal weights over A and B; o1's room fit is the mean of 2 and 0 = 1.
    expect(results.options?.options?.answers).toBe(2);
    expect(results.options?.options?.options.find((o) => o.optionId === 'o1')?.fit).toBe(1);
    for (const kind of ['dots', 'rank', 'points', 'scan', 'options'] as const) {
      expect(results[kind]?.kind).toBe(kind);
      expect([results[kind]?.vote !== null, results[kind]?.scan !== null, results[kind]?.options !== null]).toEqual([
        kind === 'dots' || kind === 'rank' || kind === 'points',
        kind === 'scan',
        kind === 'options',
      ]);
    }
  });

  it('each module carries its kind’s rules: KIND_RULES and KIND_MODULES give the same functions and flags', () => {
    for (const kind of ACTIVITY_KINDS) {
      const rules = KIND_RULES[kind];
      const module = KIND_MODULES[kind];
      for (const key of Object.keys(rules) as (keyof typeof rules)[]) expect(module[key], `${kind}.${key}`).toBe(rules[key]);
    }
    expect(KIND_RULES.options.openRefusal({ kind: 'options', config: { ...KIND_MODULES.options.defaultConfig(), options: [] } as never })).toMatch(/at least 2 options/);
    expect(KIND_RULES.dots.openRefusal({ kind: 'dots', config: {} as never })).toBeNull();
    // The console's Open button reads the same rule: an options step without its options has no Open.
    const config = { ...KIND_MODULES.options.defaultConfig(), options: [] } as never;
    const step = { id: 'o1', kind: 'options' as const, status: 'pending' as const, revealed: false, config };
    expect(activityActions({ currentActivityId: null }, step)).not.toContain('open');
    expect(activityActions({ currentActivityId: null }, { ...step, config: undefined })).toContain('open');
  });

  it('validateAnswer: the kind is checked first, then the kind’s own checks', () => {
    const { h, ids, A } = everyKind();
    const dots = h.state.activities.find((a) => a.id === ids.dots)!;
    const spy = vi.spyOn(KIND_RULES.dots, 'validateAnswer');
    expect(validateAnswer(dots, [A], { kind: 'rank', order: [A] })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'This activity takes a dots answer' } });
    expect(spy).not.toHaveBeenCalled();
    // 6 dots where the activity allows 5: the dots module's budget.
    expect(validateAnswer(dots, [A], { kind: 'dots', dots: { [A]: 6 } })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'At most 5 dots' } });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('the CSV rows and the summary are built from the modules’ parts', () => {
    const { h, ids, A, statement } = everyKind();
    const doc = exportWorkshop(h.state, h.now);
    const csv = ACTIVITY_KINDS.map((kind) => vi.spyOn(KIND_MODULES[kind], 'csvItems'));
    const rows = exportCsvRows(doc);
    // Two answers for each of the five kinds that take answers; none for explore.
    expect(ACTIVITY_KINDS.map((_, i) => csv[i]?.mock.calls.length)).toEqual([0, 2, 2, 2, 2, 2]);
    expect(rows.filter((r) => r.activity_id === ids.dots && r.participant_id === doc.activities[1]?.answers[0]?.participantId).map((r) => [r.item_id, r.amount])).toEqual([
      [A, '2'],
      [doc.values[1]?.id, '1'],
    ]);
    expect(rows.filter((r) => r.activity_id === ids.scan).map((r) => [r.item_id, r.amount, r.text])).toEqual([
      [statement, '4', ''],
      ['wentWell', '', 'Samen'],
      [statement, '2', ''],
    ]);

    // The three vote kinds share one summary part, so buildSummary computes it once.
    expect(new Set([KIND_MODULES.dots.summary, KIND_MODULES.rank.summary, KIND_MODULES.points.summary]).size).toBe(1);
    const results = ACTIVITY_KINDS.flatMap((kind) => activityResults(h.state, ids[kind]) ?? []);
    const summary = buildSummary(results, 2);
    // The last vote with answers is the points vote; the last scan and options activity are the only ones.
    expect([summary.voteActivityId, summary.scanActivityId, summary.options?.activityId]).toEqual([ids.points, ids.scan, ids.options]);
    expect(summary.participants).toBe(2);
  });

  it('opening an activity freezes what its module says: a vote its values, a scan nothing', () => {
    const { h, ids, A, B, C } = everyKind();
    const config = (id: string) => h.state.activities.find((a) => a.id === id)!.config;
    // Every vote opened with valueIds null: the three visible values were frozen.
    expect([config(ids.dots).valueIds, config(ids.rank).valueIds, config(ids.points).valueIds]).toEqual([[A, B, C], [A, B, C], [A, B, C]]);
    expect(config(ids.scan).valueIds).toBeNull();
    expect(config(ids.explore).valueIds).toBeNull();
  });

  it('activity:configure runs the kind’s own checks: a scan’s statement ids differ', () => {
    const { h, ids } = everyKind();
    const spy = vi.spyOn(KIND_MODULES.scan, 'checkConfig');
    const scan = h.state.activities.find((a) => a.id === ids.scan)!;
    const s = scan.config.statements[0]!;
    const r = h.run('activity:configure', { activityId: ids.scan, statements: [s, s] }, HOST);
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Statement ids must differ' } });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
