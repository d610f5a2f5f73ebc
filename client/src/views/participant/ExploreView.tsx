import { useTranslation } from 'react-i18next';
import { canAddStories, canProposeValue, participantCaps, type PublicValue } from '../../../../shared/index.js';
import { useStore, type Store } from '../../store/index.js';
import { NewValueAnnouncer } from './NewValueAnnouncer.js';
import { PendingList } from './PendingList.js';
import { PhoneValueCard } from './PhoneValueCard.js';
import { ProposeForm } from './ProposeForm.js';

const NO_VALUES: PublicValue[] = [];

/** What this phone still has to send of a kind: it counts against the cap like what is stored. */
const unsent = (s: Store, name: 'story:add' | 'value:propose') => s.outbox.filter((o) => o.name === name && (o.status === 'queued' || o.status === 'sending')).length;

/** Explore on the phone: the value cards, a story per value, endorsements, proposals. */
export function ExploreView({ question, locked }: { question: string; locked: boolean }) {
  const { t } = useTranslation();
  const values = useStore((s) => s.room?.values ?? NO_VALUES);
  // The same shared rules the server applies decide which buttons exist.
  const canWrite = useStore((s) => (s.room ? canAddStories(s.room).ok : false));
  const canPropose = useStore((s) => (s.room ? canProposeValue(s.room).ok : false));
  const proposalsClosed = useStore((s) => s.room?.settings.allowProposals === false);
  // The server's caps on one person, from the view; at the cap the phone says so instead of offering the button.
  const storiesCap = useStore((s) => s.room?.caps.storiesPerParticipant ?? Infinity);
  const proposalsCap = useStore((s) => s.room?.caps.proposalsPerParticipant ?? Infinity);
  const myStories = useStore((s) => (s.self?.storyIds.length ?? 0) + unsent(s, 'story:add'));
  const myProposals = useStore((s) => (s.self?.proposedValueIds.length ?? 0) + unsent(s, 'value:propose'));
  const mine = participantCaps({ stories: myStories, proposals: myProposals }, { storiesPerParticipant: storiesCap, proposalsPerParticipant: proposalsCap });
  const storiesFull = canWrite && mine.stories.left === 0;
  const proposalsFull = canPropose && mine.proposals.left === 0;

  return (
    <section className="explore" aria-labelledby="explore-h">
      <h1 id="explore-h">{question}</h1>
      <p className="lead">{t('phone.exploreHint')}</p>
      <NewValueAnnouncer values={values} />
      {locked ? (
        <p className="notice" role="status">
          {t('phone.pausedNotice')}
        </p>
      ) : null}
      {canPropose && !proposalsFull ? <ProposeForm /> : null}
      {proposalsFull ? <p className="field-hint">{t('doors.phone.proposalsCapped', { count: mine.proposals.count })}</p> : null}
      {storiesFull ? <p className="field-hint">{t('doors.phone.storiesCapped', { count: mine.stories.count })}</p> : null}
      {!locked && proposalsClosed ? <p className="field-hint">{t('phone.proposalsClosed')}</p> : null}
      <PendingList name="value:propose" label={t('phone.pendingProposal')} />
      <ul className="value-list">
        {values.map((v) => (
          <li key={v.id}>
            <PhoneValueCard value={v} canWrite={canWrite && !storiesFull} />
          </li>
        ))}
      </ul>
    </section>
  );
}
