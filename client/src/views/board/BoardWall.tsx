import { useTranslation } from 'react-i18next';
import type { PublicValue } from '../../../../shared/index.js';
import { useStore } from '../../store/index.js';
import { BoardCard } from './BoardCard.js';
import { usePaging } from './usePaging.js';

const NO_VALUES: PublicValue[] = [];
/** How long each page of a long wall stays up: long enough to read two stories from the back row. */
export const BOARD_PAGE_MS = 15_000;

/**
 * Two fixed densities: up to 6 cards large (3 × 2, three stories each), otherwise 4 × 3 per page
 * with two stories each. Fixed grids mean a new story or value never shifts other cards.
 */
function density(count: number): { name: 'large' | 'regular'; perPage: number; stories: number } {
  return count <= 6 ? { name: 'large', perPage: 6, stories: 3 } : { name: 'regular', perPage: 12, stories: 2 };
}

export function BoardWall() {
  const { t } = useTranslation();
  const values = useStore((s) => s.pub?.values ?? NO_VALUES);
  const d = density(values.length);
  const { page, pages } = usePaging(values.length, d.perPage, BOARD_PAGE_MS);
  const shown = values.slice(page * d.perPage, (page + 1) * d.perPage);

  if (values.length === 0) return <p className="board-empty">{t('board.emptyWall')}</p>;
  return (
    <section className={`board-wall density-${d.name}`} aria-live="off">
      <ul className="board-grid">
        {shown.map((v) => (
          <li key={v.id}>
            <BoardCard value={v} stories={d.stories} />
          </li>
        ))}
      </ul>
      {pages > 1 ? <p className="board-page">{t('board.page', { page: page + 1, pages })}</p> : null}
    </section>
  );
}
