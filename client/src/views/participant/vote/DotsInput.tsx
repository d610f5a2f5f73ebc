import { useTranslation } from 'react-i18next';
import type { DotsAnswer } from '../../../../../shared/consensus/index.js';
import { CardDescription } from './CardDescription.js';
import type { VoteItem } from './useVoteValues.js';

/** Up to this many dots per value are drawn as dots; more are shown as a number only. */
const MAX_DRAWN = 6;

interface Props {
  items: VoteItem[];
  answer: DotsAnswer;
  onChange: (answer: DotsAnswer) => void;
  /** Dots still to place (dotsLeft: the same count the server checks). */
  left: number;
  maxPerValue: number;
  disabled: boolean;
}

/** Dots: a − and + per value; + stops at the per-value maximum and when no dots are left. */
export function DotsInput({ items, answer, onChange, left, maxPerValue, disabled }: Props) {
  const { t } = useTranslation();
  const set = (id: string, n: number) => onChange({ kind: 'dots', dots: { ...answer.dots, [id]: n } });
  return (
    <ul className="vote-list">
      {items.map((v) => {
        const n = answer.dots[v.id] ?? 0;
        const atMax = n >= maxPerValue;
        const headingId = `vote-${v.id}`;
        return (
          <li key={v.id} className={n > 0 ? 'vote-item has-some' : 'vote-item'}>
            <div className="vote-item-text" lang={v.lang}>
              <h2 id={headingId}>{v.title}</h2>
              {v.description ? <CardDescription id={`vote-desc-${v.id}`} text={v.description} value={v.title} className="vote-item-desc" /> : null}
            </div>
            <div className="stepper">
              <button type="button" className="step-btn" aria-label={t('vote.phone.removeDot', { value: v.title })} disabled={disabled || n === 0} onClick={() => set(v.id, n - 1)}>
                −
              </button>
              <span className="dots-count">
                <span className="sr-only">{t('vote.phone.dotsOn', { count: n, value: v.title })}</span>
                <span className="dots-n" aria-hidden="true">
                  {n}
                </span>
                {maxPerValue <= MAX_DRAWN ? (
                  <span className="dots-pips" aria-hidden="true">
                    {Array.from({ length: maxPerValue }, (_, i) => (
                      <span key={i} className={i < n ? 'pip is-on' : 'pip'} />
                    ))}
                  </span>
                ) : null}
                {atMax ? (
                  <span className="dots-max" aria-hidden="true">
                    {t('vote.phone.maxReached')}
                  </span>
                ) : null}
              </span>
              <button type="button" className="step-btn" aria-label={t('vote.phone.addDot', { value: v.title })} disabled={disabled || atMax || left <= 0} onClick={() => set(v.id, n + 1)}>
                +
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
