import { useTranslation } from 'react-i18next';
import type { VoteAnswer } from '../../../../../shared/consensus/index.js';
import type { VoteItem } from './useVoteValues.js';
import { picksOf } from './voteAnswer.js';

/** The participant's own answer, read-only: after the lock, and beside the room's result. */
export function AnswerSummary({ answer, items }: { answer: VoteAnswer | null; items: VoteItem[] }) {
  const { t } = useTranslation();
  const titles = new Map(items.map((v) => [v.id, v.title]));
  const picks = answer ? picksOf(answer).filter((p) => titles.has(p.valueId)) : [];
  return (
    <section className="answer-summary" aria-labelledby="answer-summary-h">
      <h2 id="answer-summary-h">{t('vote.phone.yourAnswer')}</h2>
      {!answer || picks.length === 0 ? (
        <p className="field-hint">{t('vote.phone.noAnswer')}</p>
      ) : (
        <ol className={answer.kind === 'rank' ? 'summary-list is-ranked' : 'summary-list'}>
          {picks.map((p) => (
            <li key={p.valueId}>
              {answer.kind === 'rank' ? <span className="summary-place">{p.amount}</span> : null}
              <span className="summary-title">{titles.get(p.valueId)}</span>
              {answer.kind === 'dots' ? <span className="summary-amount">{t('vote.phone.dots', { count: p.amount })}</span> : null}
              {answer.kind === 'points' ? <span className="summary-amount">{t('vote.phone.points', { count: p.amount })}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
