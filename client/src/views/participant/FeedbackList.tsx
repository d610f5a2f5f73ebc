import { useId } from 'react';
import { FeedbackFacts } from './FeedbackFacts.js';
import { useTranslation } from 'react-i18next';
import type { FeedbackTarget, FeedbackView } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { locale } from '../summary/format.js';
import './feedback.css';

/** How a screen names what an entry answers: a value's title, an option's title (each screen in its reader's language). */
export interface FeedbackNames {
  value: (valueId: string) => string;
  option?: (activityId: string, optionId: string) => string;
}

/** The value's or option's title an entry is about; null for an entry about the meeting as a whole. */
export function feedbackTargetName(target: FeedbackTarget, names: FeedbackNames): string | null {
  if (target.kind === 'general' || target.id === null) return null;
  if (target.kind === 'option') return target.activityId !== null && names.option ? names.option(target.activityId, target.id) : '';
  return names.value(target.id);
}

const NONE: string[] = [];


interface ListProps {
  feedback: FeedbackView;
  /** Entry ids about what this reader said: shown first, marked. */
  aboutYou?: readonly string[];
  names: FeedbackNames;
  level: 2 | 3 | 4;
  /** Shown under the heading when the entries are published. */
  withDate?: boolean;
  id?: string;
}

/**
 * "You said, we did" as a reader sees it: what each entry is about, what was done, why, when and a
 * link shown as its address. The entries about what the reader said come first, marked. All text
 * is rendered as text.
 */
export function FeedbackList({ feedback, aboutYou = NONE, names, level, withDate = true, id }: ListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const mine = new Set(aboutYou);
  const ordered = [...feedback.entries.filter((e) => mine.has(e.id)), ...feedback.entries.filter((e) => !mine.has(e.id))];
  const H = `h${level}` as const;
  const Entry = `h${level + 1}` as 'h3';
  return (
    <section className="feedback" aria-labelledby={headingId} id={id}>
      <H id={headingId} className="feedback-title">
        {t('feedback.title')}
      </H>
      <p className="feedback-intro">{t('feedback.intro')}</p>
      {withDate && feedback.publishedAt !== null ? (
        <p className="feedback-date">{t('feedback.published', { date: new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long' }).format(new Date(feedback.publishedAt)) })}</p>
      ) : null}
      <ul className="feedback-entries">
        {ordered.map((e) => {
          const name = feedbackTargetName(e.target, names);
          return (
            <li key={e.id} className={mine.has(e.id) ? 'feedback-entry is-mine' : 'feedback-entry'}>
              {mine.has(e.id) ? <p className="tag feedback-mine">{t('feedback.aboutYou')}</p> : null}
              <Entry className="feedback-about">
                <span className="feedback-kind">{t(`feedback.kind.${e.target.kind}`)}</span>
                {name ? <span className="feedback-name">{name}</span> : null}
              </Entry>
              <FeedbackFacts entry={e} decisionClassName="feedback-decision" linkClassName="feedback-link" />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
