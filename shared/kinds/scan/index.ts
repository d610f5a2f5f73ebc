/**
 * The activity `scan` (the collaboration scan): each participant scores statements 1–5 on four
 * factors and may answer "what goes well?" and "what could be better?"; those open answers go on
 * the wall, endorsable (`open-answer:endorse`).
 */
import { computeScanResults } from '../../consensus/index.js';
import { fail, ok } from '../../protocol/errors.js';
import { getOwn } from '../../domain/own.js';
import { byEndorsements, countedAnswers, endorsementCount, lateAnswers, OPEN_ANSWER_FIELDS, openAnswerId, type OpenAnswer, type OpenAnswerField } from '../../domain/resultsBase.js';
import { headlineFactors, type Summary } from '../../domain/summaryBase.js';
import type { ActivityResults } from '../../domain/resultsBase.js';
import type { KindModule } from '../types.js';
import { scanRules } from './rules.js';
import { csvItem } from '../vote.js';

/** The questions of the scan's open answers, in the workshop's language (the CSV's item_title). */
export const OPEN_QUESTIONS = {
  wentWell: { nl: 'Wat gaat goed?', en: 'What goes well?' },
  couldBeBetter: { nl: 'Wat kan beter?', en: 'What could be better?' },
} as const;

function isOpenAnswerField(field: string): field is OpenAnswerField {
  return (OPEN_ANSWER_FIELDS as readonly string[]).includes(field);
}

/** The scan part of "what we found together": the last scan with answers, its factor means and headline factors. */
export function scanSummary(results: readonly ActivityResults[]): Pick<Summary, 'scanActivityId' | 'scan' | 'strongestFactor' | 'weakestFactor' | 'factorsEqual'> {
  const scan = [...results].reverse().find((r) => r.scan && r.scan.answers > 0);
  const factors = (scan?.scan?.factors ?? []).map((f) => ({ factor: f.factor, mean: f.mean }));
  return { scanActivityId: scan?.activityId ?? null, scan: factors, ...headlineFactors(factors) };
}

export const scanModule: KindModule<'scan'> = {
  ...scanRules,
  /** Statement ids differ. */
  checkConfig(_state, _activity, changes) {
    if (changes.statements && new Set(changes.statements.map((s) => s.id)).size !== changes.statements.length) return fail('BAD_REQUEST', 'Statement ids must differ');
    return ok(null);
  },
  configAtOpen: () => ({}),
  results(state, activity) {
    const answers = countedAnswers(state, activity.id);
    const scan = computeScanResults({
      statements: activity.config.statements.map((s) => ({ id: s.id, factor: s.factor })),
      groupIds: state.groups.map((g) => g.id),
      responses: answers.flatMap(({ participantId, groupId, stored }) =>
        stored.answer.kind === 'scan' ? [{ participantId, groupId, answer: { kind: 'scan' as const, scores: stored.answer.scores } }] : [],
      ),
      minGroupSize: state.settings.minGroupSize,
    });
    const openAnswers = answers
      .flatMap(({ participantId, stored }): OpenAnswer[] => {
        const a = stored.answer;
        if (a.kind !== 'scan') return [];
        return OPEN_ANSWER_FIELDS.flatMap((field) => {
          const id = openAnswerId(activity.id, participantId, stored.answerId, field);
          return a[field] ? [{ id, field, text: a[field], endorsements: endorsementCount(state, id), at: stored.at }] : [];
        });
      })
      .sort(byEndorsements);
    return { activityId: activity.id, kind: 'scan', vote: null, previousRound: null, scan, options: null, openAnswers, answers: lateAnswers(state, activity) };
  },
  resultsInputs: () => ({ activityIds: [], endorsements: true }),
  openAnswerText: (_activity, stored, field) => (stored.answer.kind === 'scan' && isOpenAnswerField(field) ? stored.answer[field] || null : null),
  /** One row per scored statement (amount = the score), then one per open answer (text = the answer). */
  csvItems(doc, activity, answer) {
    if (answer.kind !== 'scan') return [];
    const lang = doc.workshop.language;
    const scored = activity.config.statements.flatMap((s) => {
      const score = getOwn(answer.scores, s.id);
      return score === undefined ? [] : [csvItem(s.id, s.text[lang], null, score)];
    });
    const open = OPEN_ANSWER_FIELDS.flatMap((field) => (answer[field] ? [csvItem(field, OPEN_QUESTIONS[field][lang], null, null, answer[field])] : []));
    return [...scored, ...open];
  },
  summary: scanSummary,
  templateConfig: (config) => ({ statements: config.statements }),
};
