import { useTranslation } from 'react-i18next';
import type { FeedbackEntry } from '../../../../shared/domain/feedbackModel.js';
import { FeedbackLink } from './FeedbackLink.js';

/**
 * One "you said, we did" entry's facts — what was done, why, when, the link (its address shown) —
 * as the phone, the console's preview, the report and the participation record all show them.
 * Empty fields are left out. Everything is rendered as text.
 */
export function FeedbackFacts({ entry, decisionClassName, linkClassName }: { entry: Pick<FeedbackEntry, 'decision' | 'reason' | 'when' | 'link'>; decisionClassName?: string; linkClassName?: string }) {
  const { t } = useTranslation();
  return (
    <dl>
      <div>
        <dt>{t('feedback.did')}</dt>
        <dd className={decisionClassName}>{entry.decision}</dd>
      </div>
      {entry.reason ? (
        <div>
          <dt>{t('feedback.reason')}</dt>
          <dd>{entry.reason}</dd>
        </div>
      ) : null}
      {entry.when ? (
        <div>
          <dt>{t('feedback.when')}</dt>
          <dd>{entry.when}</dd>
        </div>
      ) : null}
      {entry.link ? (
        <div>
          <dt>{t('feedback.link')}</dt>
          <dd className={linkClassName}>
            <FeedbackLink link={entry.link} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
