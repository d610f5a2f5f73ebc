import { useTranslation } from 'react-i18next';
import { openAnswerId, type ActivityResults, type OpenAnswerField } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { useEndorseOpenAnswer } from '../useEndorseOpenAnswer.js';
import { useStore } from '../../../store/index.js';
import { formatNumber } from '../../summary/format.js';


/**
 * After the facilitator shows the scan: the room's average per factor and the open answers,
 * which a participant can support once (not their own) — like stories in explore.
 */
export function ScanResultsPhone({ activityId, results }: { activityId: string; results: ActivityResults }) {
  const { t } = useTranslation();
  const lang = useLang();
  const myAnswerId = useStore((s) => s.self?.answers[activityId]?.answerId ?? null);
  const myId = useStore((s) => s.self?.participant.id ?? null);
  const { endorsed, stateOf, endorse } = useEndorseOpenAnswer();
  const scan = results.scan;

  const column = (field: OpenAnswerField) => {
    const list = results.openAnswers.filter((a) => a.field === field);
    return (
      <section className="scan-wall-col" aria-labelledby={`wall-${field}`}>
        <h3 id={`wall-${field}`}>{t(`agenda.scan.${field}`)}</h3>
        {list.length === 0 ? <p className="empty">{t('agenda.scan.noOpenAnswers')}</p> : null}
        <ul>
          {list.map((a) => {
            const own = myAnswerId !== null && myId !== null && a.id === openAnswerId(activityId, myId, myAnswerId, field);
            const done = endorsed.includes(a.id);
            const state = stateOf(a.id);
            return (
              <li key={a.id} className="scan-wall-item">
                <p className="scan-wall-text">{a.text}</p>
                <p className="scan-wall-meta">
                  {a.endorsements > 0 ? <span className="endorse-count">{t('agenda.scan.endorsements', { count: a.endorsements })}</span> : null}
                  {own ? (
                    <span className="tag">{t('agenda.scan.own')}</span>
                  ) : done ? (
                    <span className="scan-endorsed">✓ {t('agenda.scan.endorsed')}</span>
                  ) : (
                    <button type="button" className="btn-secondary btn-small" disabled={state === 'sending'} aria-label={t('agenda.scan.endorseLabel', { text: a.text })} onClick={() => void endorse(a)}>
                      {t('agenda.scan.endorse')}
                    </button>
                  )}
                  {state === 'failed' ? <span className="field-hint">{t('errors.network')}</span> : null}
                </p>
              </li>
            );
          })}
        </ul>
      </section>
    );
  };

  return (
    <section className="scan-results" aria-labelledby="scan-results-h">
      <h2 id="scan-results-h">{t('agenda.scan.resultsHeading')}</h2>
      <p className="field-hint">{t('agenda.board.chartScale')}</p>
      {scan ? (
        <ul className="scan-means">
          {scan.factors.map((f) => (
            <li key={f.factor}>
              <span>{t(`agenda.factors.${f.factor}`)}</span>
              <span className="scan-mean-bar" aria-hidden="true">
                <span style={{ width: `${f.mean === null ? 0 : ((f.mean - 1) / 4) * 100}%` }} />
              </span>
              <strong>{f.mean === null ? '–' : formatNumber(f.mean, lang, 1)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="field-hint">{t('agenda.scan.resultsHint')}</p>
      {column('wentWell')}
      {column('couldBeBetter')}
    </section>
  );
}
