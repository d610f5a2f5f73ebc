import { useTranslation } from 'react-i18next';
import { canAddStories, canProposeValue, type PublicValue } from '../../../../shared/index.js';
import { useStore } from '../../store/index.js';
import { NewValueAnnouncer } from './NewValueAnnouncer.js';
import { PendingList } from './PendingList.js';
import { PhoneValueCard } from './PhoneValueCard.js';
import { ProposeForm } from './ProposeForm.js';

const NO_VALUES: PublicValue[] = [];

/** Explore on the phone: the value cards, a story per value, endorsements, proposals. */
export function ExploreView({ question, locked }: { question: string; locked: boolean }) {
  const { t } = useTranslation();
  const values = useStore((s) => s.room?.values ?? NO_VALUES);
  // The same shared rules the server applies decide which buttons exist.
  const canWrite = useStore((s) => (s.room ? canAddStories(s.room).ok : false));
  const canPropose = useStore((s) => (s.room ? canProposeValue(s.room).ok : false));
  const proposalsClosed = useStore((s) => s.room?.settings.allowProposals === false);

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
      {canPropose ? <ProposeForm /> : null}
      {!locked && proposalsClosed ? <p className="field-hint">{t('phone.proposalsClosed')}</p> : null}
      <PendingList name="value:propose" label={t('phone.pendingProposal')} />
      <ul className="value-list">
        {values.map((v) => (
          <li key={v.id}>
            <PhoneValueCard value={v} canWrite={canWrite} />
          </li>
        ))}
      </ul>
    </section>
  );
}
