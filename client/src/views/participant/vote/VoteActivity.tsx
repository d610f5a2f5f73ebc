import { useTranslation } from 'react-i18next';
import { dotsLeft, pointsLeft, rankLength } from '../../../../../shared/index.js';
import type { VoteAnswer } from '../../../../../shared/consensus/index.js';
import { t as translate } from 'i18next';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import type { VoteActivity as VoteActivityT } from '../../board/results/voteText.js';
import { AnswerSummary } from './AnswerSummary.js';
import { DotsInput } from './DotsInput.js';
import { PhoneResults } from './PhoneResults.js';
import { PointsInput } from './PointsInput.js';
import { RankInput } from './RankInput.js';
import { useVoteAnswer, type VoteAnswerApi } from './useVoteAnswer.js';
import { useVoteValues, type VoteItem } from './useVoteValues.js';
import './vote.css';

/**
 * A dots, rank or points step on the phone: the answer screen while it is open, the answer
 * read-only once locked or closed, and after the reveal the room's result and where this
 * participant's own answer stands.
 */
export function VoteActivity({ activity }: { activity: VoteActivityT }) {
  // A new step (the next round, say) starts with its own draft, not the previous step's.
  return <VoteStep key={activity.id} activity={activity} />;
}

function VoteStep({ activity }: { activity: VoteActivityT }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const { ids, items } = useVoteValues(activity);
  const api = useVoteAnswer(activity, ids);
  const results = useStore((s) => s.room?.results[activity.id]?.vote ?? null);
  const open = activity.status === 'open';
  const k = rankLength(activity, ids.length);
  const shown = activity.revealed && results ? results : null;

  let notice: string | null = null;
  if (activity.status === 'closed') notice = t('vote.phone.closed');
  else if (activity.status === 'locked') notice = !api.current ? t('vote.phone.lockedNoAnswer') : api.state === 'in' ? t('vote.phone.locked') : t('vote.phone.lockedUnsent');

  return (
    <section className="vote" aria-labelledby="vote-h">
      <h1 id="vote-h">{text.question(activity)}</h1>
      {open ? <p className="lead">{intro(activity, k, ids.length)}</p> : null}
      {notice ? (
        <p className="notice vote-locked" role="status">
          {notice}
        </p>
      ) : null}
      {/* Revealed results come before the answer, also while the vote is still open: under a
          list of twelve cards they would be off-screen; the bar at the thumb links to them. */}
      {shown ? (
        <div id="vote-result" className="vote-result-anchor" tabIndex={-1}>
          <PhoneResults vote={shown} mine={api.current} items={items} />
        </div>
      ) : null}
      {open ? <VoteForm activity={activity} items={items} k={k} api={api} revealed={shown !== null} /> : <AnswerSummary answer={api.current} items={items} />}
    </section>
  );
}

function intro(activity: VoteActivityT, k: number, count: number): string {
  switch (activity.kind) {
    case 'dots':
      return translate('vote.phone.intro.dots', { count: activity.config.dotsPerParticipant, max: activity.config.dotsMaxPerValue });
    case 'rank':
      return k >= count && count > 1 ? translate('vote.phone.intro.rankAll', { count }) : translate('vote.phone.intro.rank', { count: k });
    case 'points':
      return translate('vote.phone.intro.points');
  }
}

function VoteForm({ activity, items, k, api, revealed }: { activity: VoteActivityT; items: VoteItem[]; k: number; api: VoteAnswerApi; revealed: boolean }) {
  const { draft, setDraft } = api;
  return (
    <>
      {draft.kind === 'dots' ? (
        <DotsInput
          items={items}
          answer={draft}
          onChange={setDraft}
          left={dotsLeft(activity, draft.dots)}
          maxPerValue={Math.min(activity.config.dotsMaxPerValue, activity.config.dotsPerParticipant)}
          disabled={false}
        />
      ) : null}
      {draft.kind === 'rank' ? <RankInput items={items} answer={draft} onChange={setDraft} k={k} disabled={false} /> : null}
      {draft.kind === 'points' ? <PointsInput items={items} answer={draft} onChange={setDraft} disabled={false} /> : null}
      <SubmitBar activity={activity} k={k} api={api} revealed={revealed} />
    </>
  );
}

/** The bar at the thumb: what is left to place, where the answer is, and the one button. */
function SubmitBar({ activity, k, api, revealed }: { activity: VoteActivityT; k: number; api: VoteAnswerApi; revealed: boolean }) {
  const { t } = useTranslation();
  const { draft, state, error } = api;
  let stateText = '';
  if (state === 'sending') stateText = t('vote.phone.sending');
  else if (state === 'queued') stateText = t('vote.phone.queued');
  else if (error) stateText = t('vote.phone.notSent', { reason: t(`errors.${error}`) });
  else if (state === 'in') stateText = t('vote.phone.isIn');
  else if (state === 'changed') stateText = api.valid ? t('vote.phone.changed') : hint(draft, k);
  else if (!api.valid) stateText = hint(draft, k);

  return (
    <div className={`vote-bar is-${error && state !== 'queued' ? 'error' : state}`}>
      <p className="vote-counter" role="status">
        {counter(activity, draft, k)}
      </p>
      <p className="vote-state" aria-live="polite">
        {stateText}
      </p>
      <button type="button" className="btn-primary btn-large vote-submit" disabled={!api.canSubmit} onClick={api.submit}>
        {/* A disabled button says why: the answer on screen is the one the server has. */}
        {state === 'in' ? t('vote.phone.sent') : api.current ? t('vote.phone.resubmit') : t('vote.phone.submit')}
      </button>
      {revealed ? (
        <a className="vote-see-result" href="#vote-result">
          {t('vote.phone.seeResult')}
        </a>
      ) : null}
    </div>
  );
}

function counter(activity: VoteActivityT, draft: VoteAnswer, k: number): string {
  switch (draft.kind) {
    case 'dots': {
      const left = dotsLeft(activity, draft.dots);
      return left > 0 ? translate('vote.phone.dotsLeft', { count: left }) : translate('vote.phone.dotsAllPlaced');
    }
    case 'rank':
      return translate('vote.phone.rankChosen', { count: draft.order.length, k });
    case 'points': {
      const left = pointsLeft(draft.points);
      if (left > 0) return translate('vote.phone.pointsLeft', { count: left });
      if (left < 0) return translate('vote.phone.pointsOver', { count: -left });
      return translate('vote.phone.pointsDone');
    }
  }
}

/** Why the button is not on yet, in words (the rule itself is validateAnswer's). */
function hint(draft: VoteAnswer, k: number): string {
  switch (draft.kind) {
    case 'dots':
      return translate('vote.phone.needDots');
    case 'rank':
      return translate('vote.phone.needRank', { count: Math.max(0, k - draft.order.length) });
    case 'points':
      return translate('vote.phone.needPoints');
  }
}
