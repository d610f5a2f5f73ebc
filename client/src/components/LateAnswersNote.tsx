import { useTranslation } from 'react-i18next';
import type { LateAnswers } from '../../../shared/index.js';

/**
 * "12 of 140 answers came from phones that joined after the vote opened": the results'
 * `answers` (shared/domain/results.ts), shown in the console and the report. Nothing when no
 * counted answer came from a late joiner.
 */
export function LateAnswersNote({ answers, className }: { answers: LateAnswers | undefined; className?: string }) {
  const { t } = useTranslation();
  if (!answers || answers.fromLateJoiners === 0) return null;
  return <p className={className ?? 'late-answers'}>{t('doors.results.late', { late: answers.fromLateJoiners, count: answers.counted })}</p>;
}
