import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { groupName, type PublicActivity, type PublicView } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import type { VoteActivity } from './voteText.js';

/**
 * Before the reveal the room sees only that answers come in — the total and per group, never
 * who or what — so nobody votes with the bandwagon. (The board's header shows the timer.)
 */
export function VoteWaiting({ activity, pub }: { activity: VoteActivity; pub: PublicView }) {
  const { t } = useTranslation();
  return (
    <AnswersWaiting
      activity={activity}
      pub={pub}
      words={{
        answered: (count) => t('vote.board.answersIn', { count }),
        of: (count) => t('vote.board.ofParticipants', { count }),
        perGroup: t('vote.board.perGroup'),
        groupAnswered: (answered, joined) => t('vote.board.groupAnswered', { answered, joined }),
        note: activity.status === 'locked' ? t('vote.board.lockedWaiting') : t('vote.board.hiddenUntilReveal'),
      }}
    />
  );
}

/** The words of a waiting board: each kind says what an answer is ("answers in", "have weighed the options"). */
export interface WaitingWords {
  answered: (count: number) => string;
  of: (count: number) => string;
  perGroup: string;
  groupAnswered: (answered: number, joined: number) => string;
  /** Under the counts: that the result waits for the facilitator (or that answering is paused). */
  note: string;
}

/** How many answered, in total and per group (with a bar against who joined), until the reveal. */
export function AnswersWaiting({ activity, pub, words }: { activity: Pick<PublicActivity, 'id'>; pub: PublicView; words: WaitingWords }) {
  const lang = useLang();
  const countId = useId();
  const counts = pub.answerCounts[activity.id] ?? { total: 0, byGroup: {} };
  const joined = pub.participation;
  const many = pub.groups.length > 8;
  return (
    <section className="vw" aria-labelledby={countId}>
      <div className="vw-count" id={countId} role="status">
        <span className="vw-n">{counts.total}</span>
        <span className="vw-label">{words.answered(counts.total)}</span>
        <span className="vw-of">{words.of(joined.total)}</span>
      </div>
      <div className="vw-side">
        <h2 className="vw-h">{words.perGroup}</h2>
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
                <span className="vw-group-n">{words.groupAnswered(answered, of)}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="vw-foot">
        <p className="vw-note">{words.note}</p>
      </div>
    </section>
  );
}
