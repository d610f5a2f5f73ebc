import { useTranslation } from 'react-i18next';
import type { PublicView } from '../../../../../shared/index.js';
import { useStore } from '../../../store/index.js';
import { BOARD_PAGE_MS } from '../BoardWall.js';
import { PageTurner } from '../PageTurner.js';
import { BoardChannels } from '../RepresentationWarning.js';
import { usePaging } from '../usePaging.js';
import { AgreementCard } from './AgreementCard.js';
import { HEAT_GRADIENT } from './heat.js';
import { CommonGround, ExcludedGroups, LensWhyEmpty, Tension } from './LensCallouts.js';
import { PriorityTable } from './PriorityTable.js';
import { TopStories } from './TopStories.js';
import { useThrottled } from './useThrottled.js';
import { VoteWaiting } from './VoteWaiting.js';
import { isVoteActivity } from './voteText.js';
import './results.css';

/**
 * At most this many values per page: 8 rows, each with a two-line title and its score in two
 * lines, fit 1080 px with no text under the board's 28 px minimum. More values are split into
 * balanced pages (12 values: 6 + 6; 14: 7 + 7).
 */
export const VALUES_PER_PAGE = 8;

/** Common ground, tension, and in their words: the callouts that take turns beside the table. */
const CALLOUTS = 3;

/** Fixed row heights by how many rows a page has; the activity's value list is frozen, so it never changes mid-vote. */
function density(rows: number): 'large' | 'medium' | 'compact' {
  return rows <= 6 ? 'large' : rows <= 9 ? 'medium' : 'compact';
}

/**
 * The board for a dots, rank or points activity: until the reveal only the answer counts,
 * after it the consensus board. Renders from a throttled copy of the view, so a burst of
 * answers redraws a few times a second at most.
 */
export function VoteBoard({ activityId }: { activityId: string }) {
  const live = useStore((s) => s.pub);
  const pub = useThrottled(live);
  const activity = pub?.activities.find((a) => a.id === activityId);
  if (!pub || !isVoteActivity(activity)) return null;
  const results = pub.results[activity.id];
  if (!activity.revealed || !results?.vote) return <VoteWaiting activity={activity} pub={pub} />;
  return <VoteResultsBoard pub={pub} activityId={activity.id} round={activity.round} />;
}

function VoteResultsBoard({ pub, activityId, round }: { pub: PublicView; activityId: string; round: number }) {
  const { t } = useTranslation();
  const results = pub.results[activityId];
  const vote = results?.vote;
  const count = vote?.values.length ?? 0;
  // The callouts beside the table take turns: at the board's 28 px minimum one of them at a
  // time has the height to say what it holds, under the agreement card that always stays.
  const callouts = usePaging(CALLOUTS, 1, BOARD_PAGE_MS);
  const paging = usePaging(count, VALUES_PER_PAGE, BOARD_PAGE_MS, callouts);
  const { start, end, perPage } = paging;
  if (!results || !vote) return null;
  const rows = vote.values.slice(start, end);
  const comparison = results.previousRound?.comparison ?? null;

  return (
    <section className="vr" aria-label={t('vote.board.priority')}>
      <div className="vr-main" style={{ ['--rows' as string]: perPage }}>
        <PriorityTable vote={vote} comparison={comparison} titles={pub.valueTitles} groups={pub.groups} variant="board" rows={rows} density={density(perPage)} />
        <div className="vr-foot">
          <p className="vr-legend">
            <span className="vr-legend-bar" aria-hidden="true">
              <span className="vt-fill" />
              <span className="vt-iqr" />
            </span>
            {t('vote.board.priorityLegend')}
          </p>
          {vote.lens.includedGroupIds.length ? (
            <p className="vr-legend">
              <span className="vr-legend-heat" aria-hidden="true" style={{ background: HEAT_GRADIENT }} />
              <span>0–100: {t(`vote.board.lensLegend.${vote.kind}`)}</span>
            </p>
          ) : null}
          <PageTurner paging={paging} className="vr-page" turnsMore />
          <BoardChannels results={results} />
          <ExcludedGroups lens={vote.lens} groups={pub.groups} />
          <LensWhyEmpty lens={vote.lens} minGroupSize={pub.settings.minGroupSize} />
        </div>
      </div>
      <aside className="vr-side">
        <AgreementCard vote={vote} comparison={comparison} previousRoundNumber={results.previousRound ? round - 1 : null} />
        {callouts.page === 0 ? <CommonGround vote={vote} titles={pub.valueTitles} groups={pub.groups} /> : null}
        {callouts.page === 1 ? <Tension lens={vote.lens} titles={pub.valueTitles} groups={pub.groups} /> : null}
        {callouts.page === 2 ? <TopStories vote={vote} values={pub.values} titles={pub.valueTitles} /> : null}
      </aside>
    </section>
  );
}
