import { useTranslation } from 'react-i18next';
import { POINTS_TOTAL } from '../../../../../shared/index.js';
import type { PointsAnswer } from '../../../../../shared/consensus/index.js';
import { CardDescription } from './CardDescription.js';
import type { VoteItem } from './useVoteValues.js';

/** The steppers move in fives; the field takes any whole number for the last few points. */
export const POINTS_STEP = 5;

interface Props {
  items: VoteItem[];
  answer: PointsAnswer;
  onChange: (answer: PointsAnswer) => void;
  disabled: boolean;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(POINTS_TOTAL, Math.round(n)));
}

/** Points: − / a number field / + per value; the bar below the list counts what is left. */
export function PointsInput({ items, answer, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const set = (id: string, n: number) => onChange({ kind: 'points', points: { ...answer.points, [id]: clamp(n) } });
  return (
    <ul className="vote-list">
      {items.map((v) => {
        const n = answer.points[v.id] ?? 0;
        const inputId = `points-${v.id}`;
        return (
          <li key={v.id} className={n > 0 ? 'vote-item has-some' : 'vote-item'}>
            <div className="vote-item-text" lang={v.lang}>
              <h2>
                <label htmlFor={inputId}>{v.title}</label>
              </h2>
              {v.description ? <CardDescription id={`vote-desc-${v.id}`} text={v.description} value={v.title} className="vote-item-desc" /> : null}
            </div>
            <div className="stepper">
              <button
                type="button"
                className="step-btn"
                aria-label={t('vote.phone.pointsLess', { step: POINTS_STEP, value: v.title })}
                disabled={disabled || n === 0}
                onClick={() => set(v.id, n - POINTS_STEP)}
              >
                −
              </button>
              <input
                id={inputId}
                className="points-input"
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="off"
                aria-label={t('vote.phone.pointsFor', { value: v.title })}
                value={String(n)}
                disabled={disabled}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => {
                  const digits = e.currentTarget.value.replace(/\D/g, '').slice(-3);
                  set(v.id, digits === '' ? 0 : Number(digits));
                }}
              />
              <button
                type="button"
                className="step-btn"
                aria-label={t('vote.phone.pointsMore', { step: POINTS_STEP, value: v.title })}
                disabled={disabled || n >= POINTS_TOTAL}
                onClick={() => set(v.id, n + POINTS_STEP)}
              >
                +
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
