/**
 * The groups lens colours: one hue, light to dark (ColorBrewer "Blues", 9 classes), so the order
 * reads the same for every kind of colour vision and survives a washed-out projector; the number
 * printed in every cell carries the meaning, the colour only helps the eye find the dark ones.
 */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;

/** From this score on the cell is dark enough that white text reads better than ink. */
const LIGHT_TEXT_FROM = 0.45;

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Background and text colour for a 0..1 score, interpolated between the scale's steps. */
export function heatColor(score: number): { background: string; color: string } {
  const s = Math.max(0, Math.min(1, Number.isFinite(score) ? score : 0));
  const pos = s * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = hexToRgb(BLUES[i] as string);
  const b = hexToRgb(BLUES[i + 1] as string);
  const rgb = a.map((x, k) => Math.round(x + ((b[k] as number) - x) * f));
  return { background: `rgb(${rgb.join(' ')})`, color: s >= LIGHT_TEXT_FROM ? '#ffffff' : '#0b0c0c' };
}

/** The legend's gradient: the same steps as the cells. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${BLUES.join(', ')})`;
