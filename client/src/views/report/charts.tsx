import type { Spread } from '../../../../shared/consensus/index.js';

/**
 * Small inline SVG charts for the report: vector, so they print crisply at any zoom. Each
 * stretches to its cell (preserveAspectRatio none, strokes that don't scale); numbers and
 * words stay in the HTML next to them, where text wraps and stays selectable in the PDF.
 */
const NAVY = '#14213d';
const TRACK = '#ebe7dd';
const LINE = '#8a8477';

/** A horizontal bar, 0..1 of the cell's width. */
export function BarSvg({ fraction, color = NAVY }: { fraction: number; color?: string }) {
  const w = Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <svg className="r-svg r-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" fill={TRACK} />
      <rect x="0" y="0" width={w} height="10" fill={color} />
    </svg>
  );
}

/** Per-participant scores on 0..max: whiskers min–max, box q1–q3, a line at the median, a dot at the mean. */
export function SpreadSvg({ spread, max }: { spread: Spread; max: number }) {
  const x = (v: number) => (max > 0 ? (Math.max(0, Math.min(max, v)) / max) * 100 : 0);
  return (
    <svg className="r-svg r-spread" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1="0" x2="100" y1="6" y2="6" stroke={TRACK} strokeWidth="1" vectorEffect="non-scaling-stroke" />
      <line x1={x(spread.min)} x2={x(spread.max)} y1="6" y2="6" stroke={LINE} strokeWidth="1.2" vectorEffect="non-scaling-stroke" />
      <rect x={x(spread.q1)} y="2" width={Math.max(0.6, x(spread.q3) - x(spread.q1))} height="8" fill="#c9d6ec" stroke={NAVY} strokeWidth="1" vectorEffect="non-scaling-stroke" />
      <line x1={x(spread.median)} x2={x(spread.median)} y1="1" y2="11" stroke={NAVY} strokeWidth="2" vectorEffect="non-scaling-stroke" />
      <rect x={x(spread.mean) - 0.9} y="4.5" width="1.8" height="3" fill="#a4161a" />
    </svg>
  );
}

/** A 1..5 scale with ticks; a ± sd band and a marker at the mean, or a bar to the mean in a group's colour. */
export function ScaleSvg({ mean, sd, color }: { mean: number; sd: number | null; color: string | null }) {
  const x = (v: number) => ((Math.max(1, Math.min(5, v)) - 1) / 4) * 100;
  return (
    <svg className="r-svg r-scale" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1="0" x2="100" y1="6" y2="6" stroke={LINE} strokeWidth="0.8" vectorEffect="non-scaling-stroke" />
      {[1, 2, 3, 4, 5].map((n) => (
        <line key={n} x1={x(n)} x2={x(n)} y1="3" y2="9" stroke="#b9b3a6" strokeWidth="0.8" vectorEffect="non-scaling-stroke" />
      ))}
      {sd !== null ? <rect x={x(mean - sd)} y="1" width={x(mean + sd) - x(mean - sd)} height="10" fill={NAVY} fillOpacity="0.2" /> : null}
      {color ? <rect x="0" y="3.5" width={x(mean)} height="5" fill={color} stroke={NAVY} strokeWidth="0.6" vectorEffect="non-scaling-stroke" /> : null}
      <rect x={x(mean) - 1.3} y="0.5" width="2.6" height="11" fill={NAVY} />
    </svg>
  );
}
