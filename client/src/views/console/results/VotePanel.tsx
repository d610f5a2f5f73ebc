import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostView } from '../../../../../shared/index.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../../../shared/consensus/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useStore } from '../../../store/index.js';
import { AgreementCard } from '../../board/results/AgreementCard.js';
import { CommonGround, ExcludedGroups, LensWhyEmpty, Tension } from '../../board/results/LensCallouts.js';
import { PriorityTable } from '../../board/results/PriorityTable.js';
import { GroupsAgreement } from './GroupsAgreement.js';
import { isVoteActivity, type VoteActivity } from '../../board/results/voteText.js';
import { LateAnswersNote } from '../../../components/LateAnswersNote.js';
import '../../board/results/results.css';
import { useCommand } from '../useCommand.js';
import { ChannelSplit } from '../online/ChannelSplit.js';
import { StepRunHead } from './StepRunHead.js';
import { VoteSettings } from './VoteSettings.js';
import './voteConsole.css';

export { panelActionsFor } from './StepRunHead.js';

/**
 * The facilitator's view of every vote (dots, rank, points): one tab per vote, showing the
 * current one by default. The live results are always visible here (the host view has them
 * before the room does); reveal and hide decide what the board and the phones see.
 */
export function VotePanel() {
  const { t } = useTranslation();
  const text = useActivityText();
  const host = useStore((s) => s.host);
  const currentId = useStore((s) => s.host?.currentActivityId ?? null);
  // A choice holds while the current step stays the same; moving on shows the new step's vote.
  const [chosen, setChosen] = useState<{ id: string; whileCurrent: string | null } | null>(null);
  if (!host) return null;
  const votes = host.activities.filter(isVoteActivity);
  if (votes.length === 0) return null;
  const current = votes.find((a) => a.id === currentId);
  const started = [...votes].reverse().find((a) => a.status !== 'pending');
  const fallback = current ?? started ?? votes[0];
  const picked = chosen && chosen.whileCurrent === currentId ? votes.find((a) => a.id === chosen.id) : undefined;
  const shown = (picked ?? fallback) as VoteActivity;

  return (
    <section className="panel vote-panel" aria-labelledby="vote-panel-h">
      <div className="panel-head">
        <h2 id="vote-panel-h">{t('vote.console.heading')}</h2>
      </div>
      <div className="vote-tabs" role="tablist" aria-label={t('vote.console.tabsLabel')}>
        {votes.map((a) => (
          <button
            key={a.id}
            type="button"
            role="tab"
            id={`vote-tab-${a.id}`}
            aria-selected={a.id === shown.id}
            aria-controls="vote-tabpanel"
            className={a.id === shown.id ? 'vote-tab is-selected' : 'vote-tab'}
            onClick={() => setChosen({ id: a.id, whileCurrent: currentId })}
          >
            {text.name(a)}{' '}
            <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id="vote-tabpanel" aria-labelledby={`vote-tab-${shown.id}`}>
        <VoteActivityPanel activity={shown} host={host} />
      </div>
    </section>
  );
}

function VoteActivityPanel({ activity, host }: { activity: VoteActivity; host: HostView }) {
  const { t } = useTranslation();
  const run = useCommand();
  const counts = host.answerCounts[activity.id] ?? { total: 0, byGroup: {} };
  const results = host.results[activity.id];
  const vote = results?.vote ?? null;
  const comparison = results?.previousRound?.comparison ?? null;
  const minGroupSize = useStore((s) => s.pub?.settings.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // The button goes once the lens compares the groups: focus moves to the results it changed.
  const showGroupsFrom = async (size: number) => {
    if (await run('settings:update', { minGroupSize: size })) resultsHeading.current?.focus();
  };

  return (
    <div className="vote-activity">
      <StepRunHead
        activity={activity}
        host={host}
        words={{
          tag: (revealed) => (revealed ? t('vote.console.revealedTag') : t('vote.console.hiddenTag')),
          action: (action) => t(`vote.console.${action}`),
          actionLabel: (label, activity) => t('vote.console.actionLabel', { action: label, activity }),
          answered: (count, total) => t('vote.console.answered', { count, total }),
        }}
      />
      {activity.status === 'pending' || counts.total === 0 ? <VoteSettings activity={activity} host={host} /> : <SettingsSummary activity={activity} host={host} />}
      <h3 className="vote-results-h" ref={resultsHeading} tabIndex={-1}>
        {t('vote.console.liveResults')}
      </h3>
      <LateAnswersNote answers={results?.answers} className="notice late-answers" />
      <ChannelSplit
        results={results}
        render={(c) => (c.vote ? <PriorityTable vote={c.vote} comparison={null} titles={host.valueTitles} groups={host.groups} variant="console" /> : null)}
      />
      {vote && vote.answers > 0 ? (
        <div className="vote-console-results">
          <PriorityTable vote={vote} comparison={comparison} titles={host.valueTitles} groups={host.groups} variant="console" />
          <ExcludedGroups lens={vote.lens} groups={host.groups} />
          <LensWhyEmpty
            lens={vote.lens}
            minGroupSize={minGroupSize}
            action={(size) => (
              <>
                <button type="button" className="btn-secondary btn-small" aria-describedby="lens-show-from-hint" onClick={() => void showGroupsFrom(size)}>
                  {t('vote.console.lensShowFrom', { count: size })}
                </button>
                <p id="lens-show-from-hint" className="field-hint">
                  {t('vote.console.lensShowFromHint')}
                </p>
              </>
            )}
          />
          <div className="vote-console-cards">
            <AgreementCard vote={vote} comparison={comparison} previousRoundNumber={results?.previousRound ? activity.round - 1 : null} />
            <CommonGround vote={vote} titles={host.valueTitles} groups={host.groups} />
            <Tension lens={vote.lens} titles={host.valueTitles} groups={host.groups} />
            <GroupsAgreement lens={vote.lens} groups={host.groups} />
          </div>
        </div>
      ) : (
        <p className="empty">{t('vote.console.noResults')}</p>
      )}
    </div>
  );
}

/** Once answers are in, the settings in one line (changing them is a new round). */
function SettingsSummary({ activity, host }: { activity: VoteActivity; host: HostView }) {
  const { t } = useTranslation();
  const c = activity.config;
  const count = c.valueIds?.length ?? host.values.length;
  let kind: string;
  if (activity.kind === 'dots') kind = t('vote.console.summary.dots', { count: c.dotsPerParticipant, max: c.dotsMaxPerValue });
  else if (activity.kind === 'rank') kind = c.rankK === null || c.rankK >= count ? t('vote.console.summary.rankAll') : t('vote.console.summary.rank', { count: c.rankK });
  else kind = t('vote.console.summary.points');
  return (
    <p className="vote-settings-summary">
      {kind} · {c.valueIds ? t('vote.console.summary.values', { count }) : t('vote.console.summary.allValues')}
    </p>
  );
}
