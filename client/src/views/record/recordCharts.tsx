/**
 * The record's own small SVG charts, next to the report's (../report/charts.tsx): vector, so they
 * print crisply. Every one is aria-hidden: the numbers they draw are in the table or sentence
 * next to them, which is the text alternative a screen reader and the PDF's text layer get.
 */
const NAVY = '#14213d';
const TRACK = '#ebe7dd';
const MARK = '#a4161a';

/** A group's share of the participants (bar) against its share of those invited (a red mark), both 0..1. */
export function ShareSvg({ share, invitedShare, color = NAVY }: { share: number; invitedShare: number | null; color?: string }) {
  const x = (v: number) => Math.max(0, Math.min(1, v)) * 100;
  return (
    <svg className="r-svg rec-share" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="1" width="100" height="8" fill={TRACK} />
      <rect x="0" y="1" width={x(share)} height="8" fill={color} stroke={NAVY} strokeWidth="0.6" vectorEffect="non-scaling-stroke" />
      {invitedShare !== null ? <rect x={Math.min(99, x(invitedShare)) - 0.6} y="0" width="1.2" height="10" fill={MARK} /> : null}
    </svg>
  );
}

export interface Series {
  key: string;
  color: string;
  /** One point per x step; null leaves a gap. */
  points: (number | null)[];
}

/**
 * Lines over the meetings: x is the meeting (evenly spaced), y runs from `min` (bottom) to `max`
 * (top) — or the other way round with `invert` (positions: 1 at the top). `width` is the
 * drawing's printed width in mm (its height is 30 mm), so the dots stay round.
 */
export function LineSvg({
  series,
  steps,
  min,
  max,
  invert = false,
  width = 170,
  xLabels,
  yLabels,
}: {
  series: Series[];
  steps: number;
  min: number;
  max: number;
  invert?: boolean;
  width?: number;
  /** Under each x step (the meetings), as printed; the table beside the chart says the same. */
  xLabels: string[];
  /** The values at the top and the bottom of the y axis, as printed. */
  yLabels: { top: string; bottom: string };
}) {
  // The drawing's width in mm at a height of 30 mm, as printed: dots stay round.
  const W = width;
  const H = 30;
  const pad = 4;
  const x = (i: number) => (steps <= 1 ? W / 2 : pad + (i / (steps - 1)) * (W - 2 * pad));
  const y = (v: number) => {
    const f = max > min ? (Math.max(min, Math.min(max, v)) - min) / (max - min) : 0.5;
    return invert ? pad + f * (H - 2 * pad) : H - pad - f * (H - 2 * pad);
  };
  return (
    <div className="rec-chart" aria-hidden="true">
      <div className="rec-chart-y">
        <span>{yLabels.top}</span>
        <span>{yLabels.bottom}</span>
      </div>
      <div className="rec-chart-plot">
        <LinePlot series={series} steps={steps} W={W} H={H} x={x} y={y} />
        <div className="rec-chart-x">
          {xLabels.map((label, i) => (
            <span key={i} style={{ left: `${(x(i) / W) * 100}%` }}>
              {label}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

function LinePlot({ series, steps, W, H, x, y }: { series: Series[]; steps: number; W: number; H: number; x: (i: number) => number; y: (v: number) => number }) {
  return (
    <svg className="r-svg rec-line" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={W} height={H} fill="#faf9f5" />
      {Array.from({ length: steps }, (_, i) => (
        <line key={i} x1={x(i)} x2={x(i)} y1="0" y2={H} stroke={TRACK} strokeWidth="1" vectorEffect="non-scaling-stroke" />
      ))}
      {series.map((s) => {
        const segments: string[] = [];
        let current: string[] = [];
        s.points.forEach((p, i) => {
          if (p === null) {
            if (current.length) segments.push(current.join(' '));
            current = [];
          } else current.push(`${x(i)},${y(p)}`);
        });
        if (current.length) segments.push(current.join(' '));
        return (
          <g key={s.key}>
            {segments.map((pts) => (
              <polyline key={pts} points={pts} fill="none" stroke={s.color} strokeWidth="2" vectorEffect="non-scaling-stroke" />
            ))}
            {s.points.map((p, i) => (p === null ? null : <circle key={i} cx={x(i)} cy={y(p)} r="1.2" fill={s.color} stroke={NAVY} strokeWidth="0.5" vectorEffect="non-scaling-stroke" />))}
          </g>
        );
      })}
    </svg>
  );
}
