import { useTranslation } from 'react-i18next';
import { groupName, type PublicView } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import type { VoteActivity } from './voteText.js';

/**
 * Before the reveal the room sees only that answers come in — the total and per group, never
 * who or what — so nobody votes with the bandwagon. (The board's header shows the timer.)
 */
export function VoteWaiting({ activity, pub }: { activity: VoteActivity; pub: PublicView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const counts = pub.answerCounts[activity.id] ?? { total: 0, byGroup: {} };
  const joined = pub.participation;
  const many = pub.groups.length > 8;
  return (
    <section className="vw" aria-labelledby="vw-count">
      <div className="vw-count" id="vw-count" role="status">
        <span className="vw-n">{counts.total}</span>
        <span className="vw-label">{t('vote.board.answersIn', { count: counts.total })}</span>
        <span className="vw-of">{t('vote.board.ofParticipants', { count: joined.total })}</span>
      </div>
      <div className="vw-side">
        <h2 className="vw-h">{t('vote.board.perGroup')}</h2>
        <ul className={many ? 'vw-groups is-two-col' : 'vw-groups'}>
          {pub.groups.map((g, i) => {
            const answered = counts.byGroup[g.id] ?? 0;
            const of = joined.byGroup[g.id] ?? 0;
            const fill = of > 0 ? Math.min(1, answered / of) : 0;
            return (
              <li key={g.id} className={`vw-group swatch-${i % 8}${of === 0 ? ' is-empty' : ''}`}>
                <span className="vw-group-name">{groupName(g, lang)}</span>
                <span className="vw-group-track" aria-hidden="true">
                  <span className="vw-group-fill" style={{ transform: `scaleX(${fill})` }} />
                </span>
                <span className="vw-group-n">{t('vote.board.groupAnswered', { answered, joined: of })}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="vw-foot">
        <p className="vw-note">{activity.status === 'locked' ? t('vote.board.lockedWaiting') : t('vote.board.hiddenUntilReveal')}</p>
      </div>
    </section>
  );
}
