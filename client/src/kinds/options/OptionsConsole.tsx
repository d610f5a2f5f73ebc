import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { groupName, type PublicActivity } from '../../../../shared/index.js';
import { activityActions } from '../../../../shared/domain/permissions.js';
import { LateAnswersNote } from '../../components/LateAnswersNote.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { useCommand } from '../../views/console/useCommand.js';
import { ExcludedNote, FitLegend, FitTable, LiveWithCard, SplitLine, WeightsSource, WhoseValuesCard, WhyList, useFitWords, viewOptionsNames } from './OptionsBoardParts.js';
import { formatFit, whyFor } from './OptionsBoardText.js';
import '../../views/board/results/results.css';
import '../../views/console/results/voteConsole.css';
import './optionsResults.css';

type PanelAction = 'lock' | 'unlock' | 'reveal' | 'hide';
const PANEL_ACTIONS: readonly string[] = ['lock', 'unlock', 'reveal', 'hide'];

/**
 * The console's panel for "Weigh the options" while it is the current step. The host view has
 * the results before the room does, so the facilitator sees the same numbers as the board will,
 * compactly, with every option's split and all its "why" sentences; reveal and hide decide what
 * the board and the phones see.
 */
export function OptionsConsole({ activity: given }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useActivityText();
  const run = useCommand();
  const headingId = useId();
  const host = useStore((s) => s.host);
  if (!host) return null;
  const activity = host.activities.find((a) => a.id === given.id) ?? given;
  const name = text.name(activity);
  const counts = host.answerCounts[activity.id] ?? { total: 0, byGroup: {} };
  const results = host.results[activity.id];
  const options = results?.options ?? null;
  const actions = activityActions({ currentActivityId: host.currentActivityId }, activity).filter((x): x is PanelAction => PANEL_ACTIONS.includes(x));
  const names = viewOptionsNames(activity.config.options, host, lang);

  return (
    <section className="panel options-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{t('optionsResults.console.heading', { name })}</h2>
      </div>
      <div className="vote-activity">
        <div className="vote-activity-head">
          <p className="vote-activity-question">{text.question(activity)}</p>
          <span className={activity.revealed ? 'tag vote-tag is-revealed' : 'tag vote-tag'}>{activity.revealed ? t('optionsResults.console.revealed') : t('optionsResults.console.hidden')}</span>
        </div>
        {actions.length ? (
          <div className="vote-activity-controls">
            {actions.map((action) => {
              const label = t(`optionsResults.console.actions.${action}`);
              return (
                <button
                  // One slot per pair: the button stays the same element when its action flips, so the focus stays on it.
                  key={action === 'lock' || action === 'unlock' ? 'answers' : 'results'}
                  type="button"
                  className={action === 'reveal' ? 'btn-primary btn-small' : 'btn-secondary btn-small'}
                  aria-label={t('optionsResults.console.actionLabel', { action: label, activity: name })}
                  onClick={() => void run('activity:control', { activityId: activity.id, action })}
                >
                  {label}
                </button>
              );
            })}
          </div>
        ) : null}
        <p className="vote-answered">
          <strong>{t('optionsResults.console.answered', { count: counts.total, total: host.participation.total })}</strong>
          {host.groups.map((g) => (
            <span key={g.id} className="vote-answered-group">
              {groupName(g, lang)} <b>{counts.byGroup[g.id] ?? 0}</b>
            </span>
          ))}
        </p>
        <h3 className="vote-results-h">{activity.revealed ? t('optionsResults.console.liveResultsShown') : t('optionsResults.console.liveResults')}</h3>
        <LateAnswersNote answers={results?.answers} className="notice late-answers" />
        {options && options.answers > 0 && results ? (
          <div className="vote-console-results options-console-results">
            <FitTable results={options} names={names} variant="console" />
            <div className="oc-notes">
              <FitLegend />
              <WeightsSource results={options} activities={host.activities} names={names} />
              <ExcludedNote results={options} names={names} />
            </div>
            <div className="vote-console-cards">
              <LiveWithCard results={options} names={names} />
              <WhoseValuesCard results={options} names={names} />
            </div>
            <ul className="oc-options">
              {options.options.map((o) => (
                <li key={o.optionId} className="oc-option">
                  <h4 className="oc-option-h">
                    {names.option(o.optionId)} <OptionFitText fit={o.fit} />
                  </h4>
                  <SplitLine results={options} option={o} names={names} className="oc-split" />
                  <WhyList answers={whyFor(results.openAnswers, o.optionId)} className="oc-why" />
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="empty">{t('optionsResults.console.noResults')}</p>
        )}
      </div>
    </section>
  );
}

function OptionFitText({ fit }: { fit: number | null }) {
  const words = useFitWords();
  const lang = useLang();
  return <span className="oc-option-fit">{fit === null ? words(null) : `${formatFit(fit, lang)} · ${words(fit)}`}</span>;
}
