import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * One small SVG line chart for the process page: meetings across, a number down, one line per
 * series with its name at its last point. It is drawn at the width it gets (measured), so its
 * words stay the size of the page's text on a phone as on a laptop; printed, it scales down.
 * It is a picture (`role="img"` with a summary): the figures are in the table next to it.
 */
export const SERIES_COLORS = ['#0b4f9c', '#d55e00', '#009e73', '#cc79a7', '#14213d', '#b07800', '#3a8fc7', '#6b665c'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

export interface Series {
  key: string;
  label: string;
  /** One per meeting, in meeting order; null where there is no number. */
  points: (number | null)[];
}

interface Props {
  series: Series[];
  /** Column labels (the meetings). */
  columns: string[];
  min: number;
  max: number;
  /** Smallest number at the top (a position: 1 is the highest priority). */
  invert?: boolean;
  ticks: number[];
  formatTick: (n: number) => string;
  /** Height of the plot area in pixels. */
  plotHeight: number;
  /** Names at the lines' ends (off for a single series). */
  endLabels?: boolean;
  label: string;
  className?: string;
}

/** The element's width in CSS pixels, followed as it changes; `fallback` where it cannot be measured. */
export function useWidth<T extends Element>(fallback = 640): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const CHAR = 6.6;
const LABEL_GAP = 15;

function truncate(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

export function LineChart({ series, columns, min, max, invert = false, ticks, formatTick, plotHeight, endLabels = true, label, className = '' }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const n = columns.length;
  const padL = 38;
  const padT = 26;
  const labelW = endLabels ? Math.min(Math.round(width * 0.42), 260) : 16;
  const plotW = Math.max(40, width - padL - labelW - 10);
  const x = (i: number) => (n <= 1 ? padL + plotW / 2 : padL + (i * plotW) / (n - 1));
  const span = max - min;
  const y = (v: number) => padT + (span === 0 ? plotHeight / 2 : ((invert ? v - min : max - v) / span) * plotHeight);

  // Each series' last point, with its label pushed down so no two overlap.
  const ends = series
    .map((s, index) => {
      let last = -1;
      s.points.forEach((p, i) => {
        if (p !== null) last = i;
      });
      return last < 0 ? null : { s, index, i: last, y: y(s.points[last] as number) };
    })
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .sort((a, b) => a.y - b.y || a.index - b.index);
  let floor = -Infinity;
  const placed = ends.map((e) => {
    const ly = Math.max(e.y, floor + LABEL_GAP);
    floor = ly;
    return { ...e, ly };
  });
  const height = Math.ceil(Math.max(padT + plotHeight + 16, endLabels && placed.length > 0 ? floor + 12 : 0));
  const labelX = padL + plotW + 16;
  const maxChars = Math.max(4, Math.floor((width - labelX - 20) / CHAR));

  return (
    <div ref={ref} className={`p-chart ${className}`}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="p-svg">
        {ticks.map((tv) => (
          <g key={tv}>
            <line x1={padL} x2={padL + plotW} y1={y(tv)} y2={y(tv)} stroke="#e2ddd1" strokeWidth="1" />
            <text x={padL - 8} y={y(tv) + 4} textAnchor="end" className="p-tick">
              {formatTick(tv)}
            </text>
          </g>
        ))}
        {columns.map((c, i) => (
          <text key={c} x={x(i)} y={14} textAnchor="middle" className="p-col">
            {c}
          </text>
        ))}
        {series.map((s, index) => {
          const color = SERIES_COLORS[index % SERIES_COLORS.length];
          const dash = DASHES[Math.floor(index / SERIES_COLORS.length) % DASHES.length];
          // Lines between neighbouring meetings that both have a number; dots on every number.
          const segments: string[] = [];
          s.points.forEach((p, i) => {
            const next = s.points[i + 1];
            if (p !== null && next !== null && next !== undefined) segments.push(`M${x(i)},${y(p)}L${x(i + 1)},${y(next)}`);
          });
          return (
            <g key={s.key}>
              {segments.length > 0 ? <path d={segments.join('')} fill="none" stroke={color} strokeWidth="2.5" strokeDasharray={dash || undefined} /> : null}
              {s.points.map((p, i) => (p === null ? null : <circle key={i} cx={x(i)} cy={y(p)} r="4" fill={color} stroke="#fff" strokeWidth="1.5" />))}
            </g>
          );
        })}
        {endLabels
          ? placed.map((e) => {
              const color = SERIES_COLORS[e.index % SERIES_COLORS.length];
              const dash = DASHES[Math.floor(e.index / SERIES_COLORS.length) % DASHES.length];
              return (
                <g key={e.s.key}>
                  <line x1={x(e.i) + 6} y1={e.y} x2={labelX - 3} y2={e.ly} stroke="#8a8477" strokeWidth="1" strokeDasharray="1 3" />
                  <line x1={labelX} x2={labelX + 12} y1={e.ly} y2={e.ly} stroke={color} strokeWidth="3" strokeDasharray={dash || undefined} />
                  <text x={labelX + 16} y={e.ly + 4} className="p-end" fill="#0b0c0c">
                    {truncate(e.s.label, maxChars)}
                  </text>
                </g>
              );
            })
          : null}
      </svg>
    </div>
  );
}
