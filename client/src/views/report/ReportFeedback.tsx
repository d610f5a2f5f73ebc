import { useTranslation } from 'react-i18next';
import type { ExportDocument, Lang } from '../../../../shared/index.js';
import { feedbackEditEn } from '../../i18n/feedbackEdit.en.js';
import { feedbackEditNl } from '../../i18n/feedbackEdit.nl.js';
import { registerStrings } from '../../i18n/lazy.js';
import { feedbackTargetName, type FeedbackNames } from '../participant/FeedbackList.js';
import { FeedbackFacts } from '../participant/FeedbackFacts.js';
import { locale } from '../summary/format.js';
import './reportFeedback.css';

registerStrings('feedbackEdit', { nl: feedbackEditNl, en: feedbackEditEn });

/**
 * "You said, we did" in the printed report: whether and when it was published at the join link,
 * then every entry in the order written — what it is about, what was done, why, when, and the
 * link written out (a printed page cannot be clicked).
 */
export function ReportFeedback({ feedback, names, lang }: { feedback: ExportDocument['feedback']; names: FeedbackNames; lang: Lang }) {
  const { t } = useTranslation();
  const date = feedback.publishedAt === null ? null : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(new Date(feedback.publishedAt));
  return (
    <>
      <p className="r-hint">{date === null ? t('feedbackEdit.reportDraft') : t('feedbackEdit.reportPublished', { date })}</p>
      <ol className="r-feedback">
        {feedback.entries.map((e) => {
          const name = feedbackTargetName(e.target, names);
          return (
            <li key={e.id} className="r-keep">
              <h3>
                {name === null ? (
                  t('feedback.kind.general')
                ) : (
                  <>
                    <span className="r-sub">{t(`feedback.kind.${e.target.kind}`)}</span>
                    {name}
                  </>
                )}
              </h3>
              <FeedbackFacts entry={e} linkClassName="r-feedback-link" />
            </li>
          );
        })}
      </ol>
    </>
  );
}
