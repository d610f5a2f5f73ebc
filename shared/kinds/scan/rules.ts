/** The rules of the activity `scan` (KindRules): the collaboration scan's statements on a five-point scale, and two open questions. */
import { fail, ok } from '../../protocol/errors.js';
import { DEFAULT_SCAN_STATEMENTS } from './statements.js';
import type { KindRules } from '../types.js';
import { wrongKind } from '../voteRules.js';

export const scanRules: KindRules<'scan'> = {
  kind: 'scan',
  minValues: 0,
  valuesOnBallot: false,
  hasResults: true,
  defaultConfig: () => ({ statements: DEFAULT_SCAN_STATEMENTS }),
  takesAnswers: true,
  openRefusal: () => null,
  /** Only the activity's statements; not empty (a score or an open answer). */
  validateAnswer(activity, _valueIds, answer) {
    if (answer.kind !== 'scan') return wrongKind(activity);
    const ids = new Set(activity.config.statements.map((s) => s.id));
    if (Object.keys(answer.scores).some((id) => !ids.has(id))) return fail('BAD_REQUEST', 'Unknown statement');
    if (Object.keys(answer.scores).length === 0 && !answer.wentWell && !answer.couldBeBetter) return fail('BAD_REQUEST', 'The answer is empty');
    return ok(answer);
  },
};
