/**
 * The groups lens colours: one hue, light to dark (ColorBrewer "Blues", 9 classes), so the order
 * reads the same for every kind of colour vision and survives a washed-out projector; the number
 * printed in every cell carries the meaning, the colour only helps the eye find the dark ones.
 * The board, the console and the report colour their cells with heatColor, so all three agree.
 */
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'] as const;

/**
 * The two text colours a cell may get. Black, not the page's ink (#0b0c0c): for any background,
 * the better of white and a dark text reaches √((1.05)/(L_dark + 0.05)) at worst, which is
 * 4.58:1 for black (L 0) but only 4.42:1 for #0b0c0c — below the 4.5:1 WCAG AA asks of text.
 */
export const HEAT_TEXT_DARK = '#000000';
export const HEAT_TEXT_LIGHT = '#ffffff';

type Rgb = readonly [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2.1 relative luminance of an sRGB colour (channels 0–255). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.1 contrast ratio (L_lighter + 0.05) / (L_darker + 0.05), 1..21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Of black and white, the text colour with the higher contrast on this background. */
export function textColorOn(background: Rgb): string {
  return contrastRatio(background, hexToRgb(HEAT_TEXT_LIGHT)) > contrastRatio(background, hexToRgb(HEAT_TEXT_DARK)) ? HEAT_TEXT_LIGHT : HEAT_TEXT_DARK;
}

/** A 0..1 score's background, interpolated between the scale's steps. */
export function heatRgb(score: number): Rgb {
  const s = Math.max(0, Math.min(1, Number.isFinite(score) ? score : 0));
  const pos = s * (BLUES.length - 1);
  const i = Math.min(BLUES.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = hexToRgb(BLUES[i] as string);
  const b = hexToRgb(BLUES[i + 1] as string);
  return [0, 1, 2].map((k) => Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f)) as unknown as Rgb;
}

/** Background and text colour for a 0..1 score: the text colour chosen by luminance, never under 4.5:1. */
export function heatColor(score: number): { background: string; color: string } {
  const rgb = heatRgb(score);
  return { background: `rgb(${rgb.join(' ')})`, color: textColorOn(rgb) };
}

/** The legend's gradient: the same steps as the cells. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${BLUES.join(', ')})`;
