import { useEffect, useRef, useState } from 'react';
import { t as translate } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../shared/index.js';
import type { OptionItem, OptionScore } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import { useActivityText } from '../../lib/activityText.js';
import { useStore } from '../../store/index.js';
import { OptionCard } from './OptionCard.js';
import { OptionsPhoneResults } from './OptionsPhoneResults.js';
import { OptionsReview } from './OptionsReview.js';
import { chosenCount, type OptionsDraft } from './optionsDraft.js';
import { optionText } from './optionText.js';
import { useOptionsAnswer, type OptionsAnswerApi } from './useOptionsAnswer.js';
import { useOptionValues, type OptionValueItem } from './useOptionValues.js';
import './optionsPhone.css';

/**
 * "Weigh the options" on the phone: one option at a time, a five-step choice per value and an
 * optional "why", then an overview to send from. What is chosen stays on this phone until the
 * server has it, and can be changed until the facilitator locks the step; after that it is shown
 * read-only. After the reveal the room's result comes first, in brief.
 */
export function OptionsPhone({ activity }: { activity: PublicActivity }) {
  // A new step starts with its own draft and its own first option.
  return <OptionsStep key={activity.id} activity={activity} />;
}

function OptionsStep({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const text = useActivityText();
  const options = activity.config.options;
  const { ids: valueIds, items: values } = useOptionValues(activity);
  const optionIds = useOptionIds(options);
  const api = useOptionsAnswer(activity, optionIds, valueIds);
  const results = useStore((s) => (activity.revealed ? (s.room?.results[activity.id]?.options ?? null) : null));
  const open = activity.status === 'open';

  let notice: string | null = null;
  if (!open) {
    const pendingLost = api.state === 'queued' || api.state === 'sending' || api.state === 'changed';
    if (activity.status === 'closed') notice = api.current ? t('optionsPhone.closed.done') : t('optionsPhone.closed.doneNone');
    else notice = !api.current ? t('optionsPhone.closed.none') : pendingLost ? t('optionsPhone.closed.lockedUnsent') : t('optionsPhone.closed.locked');
  }

  return (
    <section className="opt" aria-labelledby="opt-h">
      <h1 id="opt-h">{text.question(activity)}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {results ? <OptionsPhoneResults activity={activity} results={results} /> : null}
      {open ? (
        <OptionsForm activity={activity} options={options} values={values} valueIds={valueIds} api={api} />
      ) : api.current ? (
        <section className="opt-mine" aria-labelledby="opt-mine-h">
          <h2 id="opt-mine-h">{t('optionsPhone.mine')}</h2>
          <OptionsReview options={options} values={values} answer={api.current} />
        </section>
      ) : null}
    </section>
  );
}

/** The option ids, stable while the options stay the same (they are answer-shaping: fixed once answers are in). */
function useOptionIds(options: OptionItem[]): string[] {
  const joined = options.map((o) => o.id).join('\u0000');
  const ref = useRef<{ joined: string; ids: string[] }>({ joined, ids: options.map((o) => o.id) });
  if (ref.current.joined !== joined) ref.current = { joined, ids: options.map((o) => o.id) };
  return ref.current.ids;
}

interface FormProps {
  activity: PublicActivity;
  options: OptionItem[];
  values: OptionValueItem[];
  valueIds: string[];
  api: OptionsAnswerApi;
}

/** The first option with a value not chosen yet; the overview when every option is done. */
function firstOpenStep(draft: OptionsDraft, options: OptionItem[], valueIds: readonly string[]): number {
  const index = options.findIndex((o) => chosenCount(draft, o.id, valueIds) < valueIds.length);
  return index === -1 ? options.length : index;
}

function OptionsForm({ activity, options, values, valueIds, api }: FormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { draft, setDraft } = api;
  const total = options.length;
  // 0 … total − 1: an option; total: the overview.
  const [step, setStep] = useState(() => firstOpenStep(draft, options, valueIds));
  const current = Math.min(step, total);
  const onReview = current === total;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // A step moved to by the buttons starts at its heading, focused, at the top of the screen.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const el = onReview ? reviewRef.current : headingRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView?.({ block: 'start' });
  }, [current, onReview]);

  const go = (next: number) => {
    moved.current = true;
    setStep(Math.max(0, Math.min(total, next)));
  };

  const option = onReview ? null : options[current];
  const setChoice = (optionId: string, valueId: string, choice: OptionScore | null) => {
    const byValue = Object.hasOwn(draft.ratings, optionId) ? draft.ratings[optionId] : undefined;
    setDraft({ ...draft, ratings: { ...draft.ratings, [optionId]: { ...byValue, [valueId]: choice } } });
  };
  const setWhy = (optionId: string, text: string) => setDraft({ ...draft, why: { ...draft.why, [optionId]: text } });

  return (
    <div className="opt-form">
      {current === 0 ? <p className="lead">{t('optionsPhone.intro')}</p> : null}
      <nav className="opt-progress" aria-label={t('optionsPhone.stepsLabel')}>
        <p className="opt-progress-text">
          {onReview
            ? t('optionsPhone.progressReview', { count: options.filter((o) => chosenCount(draft, o.id, valueIds) === valueIds.length).length, total })
            : t('optionsPhone.progress', { current: current + 1, total })}
        </p>
        <ol className="opt-stepper">
          {options.map((o, i) => {
            const count = chosenCount(draft, o.id, valueIds);
            const done = count === valueIds.length;
            return (
              <li key={o.id}>
                <button
                  type="button"
                  className={`opt-stepper-btn${done ? ' is-done' : count > 0 ? ' is-partial' : ''}`}
                  aria-current={i === current ? 'step' : undefined}
                  aria-label={t('optionsPhone.stepOption', { n: i + 1, title: optionText(o, lang).title, count, total: valueIds.length })}
                  onClick={() => go(i)}
                >
                  {done ? '✓' : i + 1}
                </button>
              </li>
            );
          })}
          <li>
            <button type="button" className="opt-stepper-btn is-review" aria-current={onReview ? 'step' : undefined} aria-label={t('optionsPhone.stepReview')} onClick={() => go(total)}>
              {t('optionsPhone.reviewHeading')}
            </button>
          </li>
        </ol>
      </nav>

      {option ? (
        <OptionCard
          ref={headingRef}
          activityId={activity.id}
          option={option}
          values={values}
          draft={draft}
          onChoice={(valueId, choice) => setChoice(option.id, valueId, choice)}
          onWhy={(text) => setWhy(option.id, text)}
        />
      ) : (
        <section className="opt-card opt-overview" aria-labelledby="opt-review-h">
          <h2 id="opt-review-h" ref={reviewRef} tabIndex={-1}>
            {t('optionsPhone.reviewHeading')}
          </h2>
          <p>{t('optionsPhone.reviewIntro')}</p>
          <OptionsReview options={options} values={values} answer={draft} onChange={go} />
        </section>
      )}

      <div className={`opt-bar is-${api.error && api.state !== 'queued' ? 'error' : api.state}`}>
        <p className="opt-state" role="status">
          {stateText(api)}
        </p>
        <div className="opt-nav">
          {current > 0 ? (
            <button type="button" className="btn-secondary opt-prev" onClick={() => go(current - 1)}>
              {t('optionsPhone.previous')}
            </button>
          ) : null}
          {onReview ? (
            <button type="button" className="btn-primary opt-send" disabled={!api.canSubmit} onClick={api.submit}>
              {api.state === 'in' ? t('optionsPhone.sentButton') : api.current ? t('optionsPhone.resend') : t('optionsPhone.send')}
            </button>
          ) : (
            <button type="button" className="btn-primary opt-next" onClick={() => go(current + 1)}>
              {current === total - 1 ? t('optionsPhone.toReview') : t('optionsPhone.next')}
            </button>
          )}
        </div>
        {onReview && !api.valid ? <p className="field-hint">{t('optionsPhone.needOne')}</p> : null}
      </div>
    </div>
  );
}

/** Where the answer is: with the server, on its way, or only on this phone (nothing said before the first choice). */
function stateText(api: OptionsAnswerApi): string {
  if (api.state === 'sending') return translate('optionsPhone.state.sending');
  if (api.state === 'queued') return translate('optionsPhone.state.queued');
  if (api.error) return translate('optionsPhone.state.failed', { reason: translate(`errors.${api.error}`) });
  if (api.state === 'draft' && Object.keys(api.draft.ratings).length === 0 && Object.values(api.draft.why).every((w) => w.trim() === '')) return '';
  return translate(`optionsPhone.state.${api.state}`);
}
