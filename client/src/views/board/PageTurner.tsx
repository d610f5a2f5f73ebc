import { useTranslation } from 'react-i18next';
import type { TurningPages } from './usePaging.js';

/**
 * "Page 1 of 2" under a board list that turns its pages by itself, with the button that holds
 * the page on screen and turns them again (the board's only moving content, so it can be paused).
 */
export function PageTurner({ paging, className, turnsMore = false }: { paging: TurningPages; className: string; turnsMore?: boolean }) {
  const { t } = useTranslation();
  // turnsMore: something else on the screen turns with this hold, even when this list fits one page.
  if (paging.pages <= 1 && !turnsMore) return null;
  return (
    <p className={`${className} page-turner`}>
      {paging.pages > 1 ? <span>{t('board.page', { page: paging.page + 1, pages: paging.pages })}</span> : null}
      <button type="button" className="page-turner-toggle" aria-pressed={paging.paused} onClick={paging.togglePaused}>
        {paging.paused ? t('board.pagesResume') : t('board.pagesHold')}
      </button>
    </p>
  );
}
