import { useTranslation } from 'react-i18next';
import type { VoteAnswer, VoteResults } from '../../../../../shared/consensus/index.js';
import type { VoteItem } from './useVoteValues.js';
import { picksOf } from './voteAnswer.js';

/** How many of the room's values the phone lists: the top of a ranking, not the whole table. */
const ROOM_TOP = 5;
/** How many of the participant's own picks get a "where it stands" line. */
const OWN_PICKS = 5;

/**
 * After the reveal: the room's top values and agreement in words, and where this participant's
 * own answer stands. Only the room's totals and the phone's own answer — never anyone else's.
 */
export function PhoneResults({ vote, mine, items }: { vote: VoteResults; mine: VoteAnswer | null; items: VoteItem[] }) {
  const { t } = useTranslation();
  const titles = new Map(items.map((v) => [v.id, v.title]));
  const positionOf = new Map(vote.values.map((v) => [v.valueId, v.position]));
  const top = vote.values.filter((v) => titles.has(v.valueId)).slice(0, ROOM_TOP);
  const picks = mine ? picksOf(mine).filter((p) => positionOf.has(p.valueId) && titles.has(p.valueId)).slice(0, OWN_PICKS) : [];

  const standing = (valueId: string, amount: number): string => {
    const value = titles.get(valueId) ?? '';
    const room = positionOf.get(valueId) ?? 0;
    switch (mine?.kind) {
      case 'rank':
        return t('vote.phone.standingRank', { value, mine: amount, room });
      case 'dots':
        return t('vote.phone.standingDots', { value, count: amount, room });
      default:
        return t('vote.phone.standingPoints', { value, count: amount, room });
    }
  };

  return (
    <section className="phone-results" aria-labelledby="phone-results-h">
      <h2 id="phone-results-h">{t('vote.phone.resultHeading')}</h2>
      <p className="phone-results-meta">
        {t('vote.phone.resultAnswers', { count: vote.answers })} ·{' '}
        {vote.agreementLevel ? t('vote.phone.resultAgreement', { level: t(`vote.levels.${vote.agreementLevel}`) }) : t('vote.phone.resultAgreementUnknown')}
      </p>
      <h3>{t('vote.phone.resultTop')}</h3>
      <ol className="room-top">
        {top.map((v) => (
          <li key={v.valueId}>
            <span className="room-place">{v.position}</span>
            <span className="room-title">{titles.get(v.valueId)}</span>
            <span className="room-share">{Math.round(v.share * 100)}%</span>
          </li>
        ))}
      </ol>
      <h3>{t('vote.phone.standingHeading')}</h3>
      {picks.length === 0 ? (
        <p className="field-hint">{t('vote.phone.standingNone')}</p>
      ) : (
        <ul className="standing">
          {picks.map((p) => (
            <li key={p.valueId}>{standing(p.valueId, p.amount)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
