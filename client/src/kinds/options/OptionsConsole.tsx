import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../shared/index.js';
import { LateAnswersNote } from '../../components/LateAnswersNote.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { StepRunHead } from '../../views/console/results/StepRunHead.js';
import { ChannelSplit } from '../../views/console/online/ChannelSplit.js';
import { ExcludedNote, FitLegend, FitTable, LiveWithCard, SplitLine, WeightsSource, WhoseValuesCard, WhyList, useFitWords, viewOptionsNames } from './OptionsBoardParts.js';
import { formatFit, whyFor } from './OptionsBoardText.js';
import '../../views/board/results/results.css';
import '../../views/console/results/voteConsole.css';
import './optionsResults.css';

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
  const headingId = useId();
  const host = useStore((s) => s.host);
  if (!host) return null;
  const activity = host.activities.find((a) => a.id === given.id) ?? given;
  const name = text.name(activity);
  const results = host.results[activity.id];
  const options = results?.options ?? null;
  const names = viewOptionsNames(activity.config.options, host, lang);

  return (
    <section className="panel options-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{t('optionsResults.console.heading', { name })}</h2>
      </div>
      <div className="vote-activity">
        <StepRunHead
          activity={activity}
          host={host}
          words={{
            tag: (revealed) => (revealed ? t('optionsResults.console.revealed') : t('optionsResults.console.hidden')),
            action: (action) => t(`optionsResults.console.actions.${action}`),
            actionLabel: (label, activity) => t('optionsResults.console.actionLabel', { action: label, activity }),
            answered: (count, total) => t('optionsResults.console.answered', { count, total }),
          }}
        />
        <h3 className="vote-results-h">{activity.revealed ? t('optionsResults.console.liveResultsShown') : t('optionsResults.console.liveResults')}</h3>
        <LateAnswersNote answers={results?.answers} className="notice late-answers" />
        <ChannelSplit results={results} render={(c) => (c.options ? <FitTable results={c.options} names={names} variant="console" /> : null)} />
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
