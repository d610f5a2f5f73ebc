import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenAnswer, PublicActivity } from '../../../../shared/index.js';
import { whyOpenAnswerId } from '../../../../shared/kinds/options/labels.js';
import type { OptionsResults } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import { useEndorseOpenAnswer } from '../../views/participant/useEndorseOpenAnswer.js';
import { useStore } from '../../store/index.js';
import { optionText } from './optionText.js';

/** Sentences shown per option before "show all": the most endorsed, so a big room's wall stays a short read. */
const FIRST = 3;
const NO_ANSWERS: OpenAnswer[] = [];

/**
 * After the reveal: the room's "why" sentences per option (in the ranking's order, most
 * endorsed first, as the results list them), each supportable once — not one's own — like the
 * scan's open answers. No names.
 */
export function OptionsWhyPhone({ activity, results }: { activity: PublicActivity; results: OptionsResults }) {
  const { t } = useTranslation();
  const lang = useLang();
  const openAnswers = useStore((s) => s.room?.results[activity.id]?.openAnswers ?? NO_ANSWERS);
  const myAnswerId = useStore((s) => s.self?.answers[activity.id]?.answerId ?? null);
  const myId = useStore((s) => s.self?.participant.id ?? null);
  const { endorsed, stateOf, endorse } = useEndorseOpenAnswer();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const byId = new Map(activity.config.options.map((o) => [o.id, o]));
  const why = openAnswers.filter((a) => a.field === 'why');
  const groups = results.options.flatMap((r) => {
    const option = byId.get(r.optionId);
    const list = why.filter((a) => a.optionId === r.optionId);
    return option && list.length > 0 ? [{ option, list }] : [];
  });

  return (
    <section className="opt-why-wall" aria-labelledby="opt-why-h">
      <h3 id="opt-why-h">{t('optionsPhone.results.whyHeading')}</h3>
      {groups.length === 0 ? (
        <p className="empty">{t('optionsPhone.results.whyNone')}</p>
      ) : (
        <>
          <p className="field-hint">{t('optionsPhone.results.whyHint')}</p>
          {groups.map(({ option, list }) => {
            const title = optionText(option, lang);
            return (
              <section key={option.id} className="opt-why-option" aria-labelledby={`opt-why-${option.id}`}>
                <h4 id={`opt-why-${option.id}`} lang={title.lang === lang ? undefined : title.lang}>
                  {title.title}
                </h4>
                <ul>
                  {(expanded[option.id] ? list : list.slice(0, FIRST)).map((a) => {
                    const own = myAnswerId !== null && myId !== null && a.id === whyOpenAnswerId(activity.id, myId, myAnswerId, option.id);
                    const state = stateOf(a.id);
                    return (
                      <li key={a.id} className="opt-why-item">
                        <p className="opt-why-text">{a.text}</p>
                        <p className="opt-why-meta">
                          {a.endorsements > 0 ? <span className="endorse-count">{t('optionsPhone.results.endorsements', { count: a.endorsements })}</span> : null}
                          {own ? (
                            <span className="tag">{t('optionsPhone.results.own')}</span>
                          ) : endorsed.includes(a.id) ? (
                            <span className="opt-why-endorsed">✓ {t('optionsPhone.results.endorsed')}</span>
                          ) : (
                            <button type="button" className="btn-secondary btn-small" disabled={state === 'sending'} aria-label={t('optionsPhone.results.endorseLabel', { text: a.text })} onClick={() => void endorse(a)}>
                              {t('optionsPhone.results.endorse')}
                            </button>
                          )}
                          {state === 'failed' ? <span className="field-hint">{t('errors.network')}</span> : null}
                        </p>
                      </li>
                    );
                  })}
                </ul>
                {list.length > FIRST && !expanded[option.id] ? (
                  <button type="button" className="btn-link opt-why-more" onClick={() => setExpanded((e) => ({ ...e, [option.id]: true }))}>
                    {t('optionsPhone.results.whyMore', { count: list.length, option: title.title })}
                  </button>
                ) : null}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}
