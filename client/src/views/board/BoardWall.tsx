import { useTranslation } from 'react-i18next';
import type { PublicValue } from '../../../../shared/index.js';
import { useStore } from '../../store/index.js';
import { BoardCard } from './BoardCard.js';
import { PageTurner } from './PageTurner.js';
import { usePaging } from './usePaging.js';

const NO_VALUES: PublicValue[] = [];
/** How long each page of a long wall stays up: long enough to read two stories from the back row. */
export const BOARD_PAGE_MS = 15_000;

/**
 * At most 9 cards fit one 1920×1080 screen with titles and two stories at the board's minimum
 * text size (28 px): 3 × 3. Longer walls are split into balanced pages (14 cards: 7 + 7).
 */
export const WALL_MAX_PER_PAGE = 9;

export interface WallLayout {
  cols: number;
  rows: number;
  /** Stories shown per card. */
  stories: number;
  /** 'large' type while the cards are in at most two rows. */
  name: 'large' | 'regular';
}

/**
 * The grid for a page of `n` cards, chosen so the cards fill the screen: 1–3 in one row, 4 as
 * 2 × 2, 5–6 as 3 × 2, 7–8 as 4 × 2, 9 as 3 × 3. Fewer rows leave room for more stories.
 */
export function wallLayout(n: number): WallLayout {
  const [cols, rows] = n <= 3 ? [Math.max(1, n), 1] : n <= 4 ? [2, 2] : n <= 6 ? [3, 2] : n <= 8 ? [4, 2] : [3, 3];
  return { cols, rows, stories: rows === 1 ? 4 : rows === 2 ? 3 : 2, name: rows <= 2 ? 'large' : 'regular' };
}

export function BoardWall() {
  const { t } = useTranslation();
  const values = useStore((s) => s.pub?.values ?? NO_VALUES);
  const paging = usePaging(values.length, WALL_MAX_PER_PAGE, BOARD_PAGE_MS);
  const { start, end, perPage } = paging;
  // Sized for the fullest page, so every page of the wall looks alike.
  const d = wallLayout(perPage);
  const shown = values.slice(start, end);

  if (values.length === 0) return <p className="board-empty">{t('board.emptyWall')}</p>;
  return (
    <section className={`board-wall density-${d.name}`} aria-live="off">
      <ul className="board-grid" style={{ ['--cols' as string]: d.cols, ['--rows' as string]: d.rows }}>
        {shown.map((v) => (
          <li key={v.id}>
            <BoardCard value={v} stories={d.stories} />
          </li>
        ))}
      </ul>
      <PageTurner paging={paging} className="board-page" />
    </section>
  );
}
