import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type OpenAnswer, type PublicActivity, type PublicView } from '../../../../shared/index.js';
import type { OptionResult, OptionsResults } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { BOARD_PAGE_MS } from '../../views/board/BoardWall.js';
import { usePaging } from '../../views/board/usePaging.js';
import { useThrottled } from '../../views/board/results/useThrottled.js';
import { AnswersWaiting } from '../../views/board/results/VoteWaiting.js';
import { ExcludedNote, FitLegend, FitTable, LiveWithCard, SplitLine, WeightsSource, WhoseValuesCard, WhyList, viewOptionsNames, type OptionsNames } from './OptionsBoardParts.js';
import { formatShare, whyFor } from './OptionsBoardText.js';
import { BoardChannels } from '../../views/board/RepresentationWarning.js';
import '../../views/board/results/results.css';
import './optionsResults.css';

/** "Why" sentences shown beside one option on the board (the most endorsed). */
export const WHY_ON_BOARD = 2;

/**
 * The board for "Weigh the options": until the reveal only how many answered (per group, never
 * who or what); after it the options with their fit for the room and per group, the option every
 * group can live with, whose values decide, and — one option at a time beside the table — what
 * splits the groups on it and the room's "why" sentences. Renders from a throttled copy of the
 * view, so a burst of answers redraws a few times a second at most.
 */
export function OptionsBoard({ activity: given }: { activity: PublicActivity }) {
  const live = useStore((s) => s.pub);
  const pub = useThrottled(live);
  const activity = pub?.activities.find((a) => a.id === given.id) ?? given;
  const results = pub?.results[activity.id];
  if (!pub) return null;
  if (!activity.revealed || !results?.options) return <OptionsWaiting activity={activity} pub={pub} />;
  return <OptionsResultsBoard pub={pub} activity={activity} results={results.options} openAnswers={results.openAnswers} />;
}

/** Before the reveal: the count, per group, and that the outcome waits for the facilitator. */
function OptionsWaiting({ activity, pub }: { activity: PublicActivity; pub: PublicView }) {
  const { t } = useTranslation();
  return (
    <AnswersWaiting
      activity={activity}
      pub={pub}
      words={{
        answered: (count) => t('optionsResults.waiting.answered', { count }),
        of: (count) => t('optionsResults.waiting.of', { count }),
        perGroup: t('optionsResults.waiting.perGroup'),
        groupAnswered: (answered, joined) => t('optionsResults.waiting.groupAnswered', { answered, joined }),
        note: activity.status === 'locked' ? t('optionsResults.waiting.locked') : t('optionsResults.waiting.hidden'),
      }}
    />
  );
}

function OptionsResultsBoard({ pub, activity, results, openAnswers }: { pub: PublicView; activity: PublicActivity; results: OptionsResults; openAnswers: OpenAnswer[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = viewOptionsNames(activity.config.options, pub, lang);
  // One option at a time beside the table: its split and its "why" sentences, at the board's
  // 28 px minimum; the row it is about is marked in the table.
  const paging = usePaging(results.options.length, 1, BOARD_PAGE_MS);
  const focus = results.options[paging.start] ?? null;
  return (
    <section className="ob" aria-label={t('optionsResults.board.label')}>
      <div className="ob-main" style={{ ['--rows' as string]: Math.max(2, results.options.length) }}>
        <FitTable results={results} names={names} variant="board" focusOptionId={focus?.optionId ?? null} />
        <div className="ob-foot">
          <FitLegend />
          <WeightsSource results={results} activities={pub.activities} names={names} />
          <ExcludedNote results={results} names={names} />
          <BoardChannels results={pub.results[activity.id]} />
        </div>
      </div>
      <aside className="ob-side">
        <LiveWithCard results={results} names={names} />
        <WhoseValuesCard results={results} names={names} />
        {focus ? <OptionFocus results={results} option={focus} names={names} answers={openAnswers} index={paging.start} /> : null}
        {paging.pages > 1 ? (
          // The card says which option of how many; this holds it on screen (WCAG 2.2.2), as PageTurner does elsewhere.
          <p className="ob-page">
            <button type="button" className="page-turner-toggle" aria-pressed={paging.paused} onClick={paging.togglePaused}>
              {paging.paused ? t('board.pagesResume') : t('board.pagesHold')}
            </button>
          </p>
        ) : null}
      </aside>
    </section>
  );
}

/** One option beside the table: its fit, what splits the groups on it, and the most endorsed "why" sentences. */
function OptionFocus({ results, option, names, answers, index }: { results: OptionsResults; option: OptionResult; names: OptionsNames; answers: OpenAnswer[]; index: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const why = whyFor(answers, option.optionId);
  return (
    <section className="ob-card ob-focus" aria-labelledby={headingId}>
      <h2 id={headingId} className="ob-focus-h">
        <span className="ob-focus-n">{t('optionsResults.board.optionOf', { n: index + 1, count: results.options.length })}</span> {names.option(option.optionId)}
      </h2>
      {option.liveWith && !results.liveWithIds.includes(option.optionId) ? (
        <p className="ob-focus-live">
          {t('optionsResults.board.liveWith', { score: formatShare(option.liveWith.score, names.lang), group: names.group(option.liveWith.lowestGroupId), share: formatShare(option.liveWith.lowestShare, names.lang) })}
        </p>
      ) : null}
      <SplitLine results={results} option={option} names={names} />
      <WhyList answers={why.slice(0, WHY_ON_BOARD)} />
      {why.length > WHY_ON_BOARD ? <p className="ob-more">{t('optionsResults.why.more', { count: why.length - WHY_ON_BOARD })}</p> : null}
    </section>
  );
}
