import { useTranslation } from 'react-i18next';
import type { TurningPages } from './usePaging.js';

/**
 * "Page 1 of 2" under a board list that turns its pages by itself, with the button that holds
 * the page on screen and turns them again (the board's only moving content, so it can be paused).
 */
export function PageTurner({ paging, className }: { paging: TurningPages; className: string }) {
  const { t } = useTranslation();
  if (paging.pages <= 1) return null;
  return (
    <p className={`${className} page-turner`}>
      <span>{t('board.page', { page: paging.page + 1, pages: paging.pages })}</span>
      <button type="button" className="page-turner-toggle" aria-pressed={paging.paused} onClick={paging.togglePaused}>
        {paging.paused ? t('board.pagesResume') : t('board.pagesHold')}
      </button>
    </p>
  );
}
