import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Lang, PublicView } from '../../../../../shared/index.js';
import type { LensCell, RoundComparison, RoundValueChange, ValueResult, VoteKind, VoteResults } from '../../../../../shared/consensus/index.js';
import { useLang } from '../../../i18n/index.js';
import { groupNameById } from '../../../lib/localized.js';
import { heatColor } from './heat.js';
import { formatNumber, formatPercent, score100, valueTitle } from './voteText.js';

export interface PriorityTableProps {
  vote: VoteResults;
  comparison: RoundComparison | null;
  titles: PublicView['valueTitles'];
  groups: Group[];
  variant: 'board' | 'console';
  /** The rows to show (a page of `vote.values` on the board); all of them by default. */
  rows?: ValueResult[];
  /** Fixed row height class on the board: the same for every page, so nothing jumps. */
  density?: 'large' | 'medium' | 'compact';
}

/**
 * The priority chart and the groups lens in one table: a row per value, by position. The bar is
 * the average a participant gave the value (its order equals the order by total), the line over it
 * the middle half of the answers and the thin line their whole range, so the spread is visible
 * next to the mean. To the right, one heat-map cell per included group (its normalised score).
 */
export function PriorityTable({ vote, comparison, titles, groups, variant, rows, density = 'compact' }: PriorityTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = rows ?? vote.values;
  const included = vote.lens.includedGroupIds;
  const changes = comparison ? new Map(comparison.values.map((c) => [c.valueId, c])) : null;
  // One axis for every row: from 0 to the most anyone gave one value, so whiskers always fit.
  const axisMax = Math.max(1, ...vote.values.map((v) => v.spread.max));
  const style = { '--groups': included.length } as CSSProperties;
  // Few groups get wide cells, so their names fit above them; many get narrow ones.
  const cells = included.length <= 2 ? 'cells-xl' : included.length <= 3 ? 'cells-l' : included.length <= 5 ? 'cells-m' : 'cells-s';
  const cls = [`vt`, `vt-${variant}`, `vt-${density}`, cells, changes ? 'has-moves' : '', included.length ? 'has-lens' : 'no-lens'].filter(Boolean).join(' ');

  const ref = useRef<HTMLDivElement>(null);
  useFitTitles(ref, `${shown.map((v) => v.valueId).join()}|${lang}|${density}|${included.length}|${changes ? 1 : 0}`);

  return (
    <div className={cls} style={style} ref={ref} role="table" aria-label={t('vote.board.tableLabel')}>
      {/* An ARIA table on the grid layout: a screen reader hears each number with its column
          ("Residents, groups lens: 83") and its row's value, not a bare "27% 83 33 17". */}
      <div className="vt-head" role="row">
        <span className="vt-h-pos" role="columnheader">
          <span aria-hidden="true">#</span>
          <span className="sr-only">{t('vote.board.positionCol')}</span>
        </span>
        {changes ? (
          <span className="vt-h-move" role="columnheader">
            <span className="sr-only">{t('vote.board.moveCol')}</span>
          </span>
        ) : null}
        <span className="vt-h-title" role="columnheader">
          {t('vote.board.valueCol')}
        </span>
        <span className="vt-h-bar" role="columnheader">
          {t('vote.board.priority')}
        </span>
        <span className="vt-h-score" role="columnheader">
          <span className="sr-only">{t('vote.board.scoreCol')}</span>
        </span>
        {included.length ? (
          <span className="vt-h-lens" role="none">
            <span className="vt-h-lens-title" aria-hidden="true">
              {t('vote.board.lensHeading')}
            </span>
            <span className="vt-h-groups" role="none">
              {included.map((g) => {
                const name = groupNameById(groups, g, lang);
                return (
                  <span key={g} className="vt-h-group" role="columnheader" aria-label={t('vote.board.lensColumn', { group: name })}>
                    {name}
                  </span>
                );
              })}
            </span>
          </span>
        ) : null}
      </div>
      <div className="vt-rows" role="rowgroup">
        {shown.map((v) => (
          <PriorityRow
            key={v.valueId}
            value={v}
            kind={vote.kind}
            answers={vote.answers}
            title={valueTitle(titles, v.valueId, lang)}
            axisMax={axisMax}
            change={changes ? (changes.get(v.valueId) ?? null) : undefined}
            cells={vote.lens.cells[v.valueId] ?? []}
            lang={lang}
            showSupporters={variant === 'console'}
          />
        ))}
      </div>
    </div>
  );
}

/** The smallest a title is scaled to before a word may break. */
const MIN_TITLE_SCALE = 0.6;
const MIN_GROUP_SCALE = 0.8;

/**
 * Long words (Dutch compounds like "Toekomstbestendigheid", or a participant's own value) must
 * neither break mid-word nor be cut off: a title whose longest word is wider than its column, or
 * that needs more than two lines, is scaled down until it fits. Measured after layout, and again
 * when the window is resized.
 */
function useFitTitles(ref: RefObject<HTMLElement | null>, key: string): void {
  const [resized, setResized] = useState(0);
  useEffect(() => {
    const onResize = () => setResized((n) => n + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.vt-title, .vt-h-group') ?? []) {
      el.style.removeProperty('--title-scale');
      el.classList.remove('is-squeezed');
      let scale = 1;
      // Group names above the lens are small already: they may shrink less, then break.
      const min = el.classList.contains('vt-h-group') ? MIN_GROUP_SCALE : MIN_TITLE_SCALE;
      const overflows = () => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      while (overflows() && scale > min) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        el.style.setProperty('--title-scale', String(scale));
      }
      if (overflows()) el.classList.add('is-squeezed');
    }
  }, [ref, key, resized]);
}

function pct(x: number, axisMax: number): string {
  return `${Math.max(0, Math.min(100, (x / axisMax) * 100))}%`;
}

interface RowProps {
  value: ValueResult;
  kind: VoteKind;
  answers: number;
  title: string;
  axisMax: number;
  /** undefined: no previous round; null: this value was not in it. */
  change: RoundValueChange | null | undefined;
  cells: LensCell[];
  lang: Lang;
  showSupporters: boolean;
}

function PriorityRow({ value: v, kind, answers, title, axisMax, change, cells, lang, showSupporters }: RowProps) {
  const { t } = useTranslation();
  const scoreText = useScoreText();
  const s = v.spread;
  const n = (x: number) => formatNumber(x, lang, 1);
  const spreadLabel = t('vote.board.spreadLabel', { mean: n(s.mean), q1: n(s.q1), q3: n(s.q3), min: n(s.min), max: n(s.max) });
  return (
    <div className="vt-row" role="row" data-value-id={v.valueId}>
      <span className="vt-pos" role="cell">
        {v.position}
      </span>
      {change !== undefined ? <MoveMark change={change} /> : null}
      <span className="vt-title" role="rowheader">
        {title}
      </span>
      <span className="vt-bar" role="cell">
        <span className="vt-fill" aria-hidden="true" style={{ width: pct(s.mean, axisMax) }} />
        <span className="vt-range" aria-hidden="true" style={{ left: pct(s.min, axisMax), width: pct(s.max - s.min, axisMax) }} />
        <span className="vt-iqr" aria-hidden="true" style={{ left: pct(s.q1, axisMax), width: pct(s.q3 - s.q1, axisMax) }} />
        <span className="vt-median" aria-hidden="true" style={{ left: pct(s.median, axisMax) }} />
        <span className="sr-only">{spreadLabel}</span>
      </span>
      <span className="vt-score" role="cell">
        <strong>{scoreText(kind, v.score)}</strong>
        <span className="vt-share">
          <span aria-hidden="true">{t('vote.board.share', { share: formatPercent(v.share, lang) })}</span>
          <span className="sr-only">{t('vote.board.shareLabel', { share: formatPercent(v.share, lang) })}</span>
        </span>
        {showSupporters ? <span className="vt-supporters">{t('vote.board.supporters', { count: v.supporters, total: answers })}</span> : null}
      </span>
      {cells.map((c) => (
        <span key={c.groupId} className="vt-cell" role="cell" style={heatColor(c.score)}>
          {score100(c.score)}
        </span>
      ))}
    </div>
  );
}

/** The aggregate as the brief defines it per kind: total dots, Borda points, mean points. */
export function useScoreText(): (kind: VoteKind, score: number) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (kind, score) => {
    switch (kind) {
      case 'dots':
        return t('vote.board.scoreDots', { count: score });
      case 'rank':
        return t('vote.board.scoreRank', { count: score });
      case 'points':
        return t('vote.board.scorePoints', { score: formatNumber(score, lang, 1) });
    }
  };
}

/** The glyph is for the eye; the words next to it, for a screen reader, say what it means. */
function MoveMark({ change }: { change: RoundValueChange | null }) {
  const { t } = useTranslation();
  const delta = change?.positionChange ?? null;
  let cls: string;
  let glyph: string;
  let words: string;
  if (change === null || delta === null) {
    cls = 'is-new';
    glyph = t('vote.board.moved.new');
    words = t('vote.board.moved.newLabel');
  } else if (delta > 0) {
    cls = 'is-up';
    glyph = t('vote.board.moved.up', { count: delta });
    words = t('vote.board.moved.upLabel', { count: delta });
  } else if (delta < 0) {
    cls = 'is-down';
    glyph = t('vote.board.moved.down', { count: -delta });
    words = t('vote.board.moved.downLabel', { count: -delta });
  } else {
    cls = 'is-same';
    glyph = t('vote.board.moved.same');
    words = t('vote.board.moved.sameLabel');
  }
  return (
    <span className={`vt-move ${cls}`} role="cell">
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
