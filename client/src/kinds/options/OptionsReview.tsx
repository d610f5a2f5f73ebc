import { useTranslation } from 'react-i18next';
import type { OptionItem, OptionsAnswer } from '../../../../shared/kinds/options/model.js';
import { useLang } from '../../i18n/index.js';
import { choiceOf, chosenCount, type OptionsDraft } from './optionsDraft.js';
import { optionText } from './optionText.js';
import { scoreText, scoreWordKey } from './scoreWords.js';
import type { OptionValueItem } from './useOptionValues.js';

interface Props {
  options: OptionItem[];
  values: OptionValueItem[];
  answer: OptionsDraft | OptionsAnswer;
  /** Steps back to an option to change it; absent when the answer can't be changed. */
  onChange?: (index: number) => void;
}

/** Every option with what was chosen per value, in words, and the "why": the overview before sending, and the read-only answer once closed. */
export function OptionsReview({ options, values, answer, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const valueIds = values.map((v) => v.id);
  return (
    <ol className="opt-review">
      {options.map((option, index) => {
        const text = optionText(option, lang);
        const why = Object.hasOwn(answer.why, option.id) ? (answer.why[option.id] ?? '').trim() : '';
        return (
          <li key={option.id} className="opt-review-item">
            <div className="opt-review-head">
              <h3 lang={text.lang === lang ? undefined : text.lang}>{text.title}</h3>
              {onChange ? (
                <button type="button" className="btn-secondary btn-small" aria-label={t('optionsPhone.changeLabel', { title: text.title })} onClick={() => onChange(index)}>
                  {t('optionsPhone.change')}
                </button>
              ) : null}
            </div>
            <p className="opt-review-count">{t('optionsPhone.answered', { count: chosenCount(answer, option.id, valueIds), total: values.length })}</p>
            <dl className="opt-review-values">
              {values.map((v) => {
                const choice = choiceOf(answer, option.id, v.id);
                return (
                  <div key={v.id} className={choice === undefined ? 'is-open' : undefined}>
                    <dt>{v.title}</dt>
                    <dd>
                      {choice === undefined ? (
                        t('optionsPhone.notAnswered')
                      ) : choice === null ? (
                        t('optionsPhone.scale.dontKnow')
                      ) : (
                        <>
                          <span className="opt-review-score">{scoreText(choice)}</span>{' '}
                          <span>{t(`optionsPhone.scale.${scoreWordKey(choice)}`)}</span>
                        </>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
            <p className="opt-review-why">
              {why ? (
                <>
                  <span className="opt-review-why-label">{t('optionsPhone.whyLabel')}</span> {why}
                </>
              ) : (
                <span className="muted">{t('optionsPhone.noWhy')}</span>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
