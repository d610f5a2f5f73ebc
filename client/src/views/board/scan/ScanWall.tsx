import { useTranslation } from 'react-i18next';
import type { OpenAnswer } from '../../../../../shared/index.js';

/** How many open answers per question fit the projector next to the chart. */
export const WALL_PER_FIELD = 4;

/**
 * The scan's open answers as a wall, most endorsed first (the view sorts them): what goes well,
 * what could be better. Endorsements as +N; the rest is counted, not shown.
 */
export function ScanWall({ answers }: { answers: OpenAnswer[] }) {
  const { t } = useTranslation();
  return (
    <div className="scan-board-wall">
      {(['wentWell', 'couldBeBetter'] as const).map((field) => {
        const list = answers.filter((a) => a.field === field);
        const shown = list.slice(0, WALL_PER_FIELD);
        return (
          <section key={field} className={`sbw-col sbw-${field}`} aria-labelledby={`sbw-${field}`}>
            <h2 id={`sbw-${field}`}>{t(`agenda.board.${field}`)}</h2>
            {list.length === 0 ? <p className="sbw-none">{t('agenda.board.noAnswers')}</p> : null}
            <ul>
              {shown.map((a) => (
                <li key={a.id} className="sbw-item">
                  <p className="sbw-text">{a.text}</p>
                  {a.endorsements > 0 ? (
                    <span className="endorse-count" aria-label={t('board.endorsementsLabel', { count: a.endorsements })}>
                      {t('board.endorsements', { count: a.endorsements })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {list.length > shown.length ? <p className="sbw-more">{t('agenda.board.more', { count: list.length - shown.length })}</p> : null}
          </section>
        );
      })}
    </div>
  );
}
