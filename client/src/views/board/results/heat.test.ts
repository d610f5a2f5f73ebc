import { describe, expect, it } from 'vitest';
import { contrastRatio, heatColor, heatRgb, relativeLuminance, textColorOn } from './heat.js';

function parse(rgb: string): [number, number, number] {
  const m = /^rgb\((\d+) (\d+) (\d+)\)$/.exec(rgb);
  if (!m) throw new Error(`not rgb(): ${rgb}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function hex(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe('WCAG contrast', () => {
  it('gives the textbook figures', () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 10);
    // #777777: channel 0.4667 → ((0.4667 + 0.055)/1.055)^2.4 = 0.1845; (1.05)/(0.2345) = 4.48.
    expect(contrastRatio([0x77, 0x77, 0x77], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });

  it('picks the text colour with more contrast', () => {
    expect(textColorOn([0x08, 0x30, 0x6b])).toBe('#ffffff');
    expect(textColorOn([0xf7, 0xfb, 0xff])).toBe('#000000');
  });
});

describe('heatColor', () => {
  it('keeps every cell text at 4.5:1 or more over all scores 0–100', () => {
    let worst = Infinity;
    for (let score = 0; score <= 100; score++) {
      const { background, color } = heatColor(score / 100);
      const ratio = contrastRatio(parse(background), hex(color));
      worst = Math.min(worst, ratio);
      expect(ratio, `score ${score}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    // The darkest mid-blue cells are where black and white meet: the worst case is above 4.5, below 5.
    expect(worst).toBeLessThan(5);
  });

  it('was below AA with white on the mid blues the walk-through measured', () => {
    // Score 50 on the board: the old rule put white on it.
    expect(contrastRatio(heatRgb(0.5), [255, 255, 255])).toBeLessThan(4.5);
    expect(heatColor(0.5).color).toBe('#000000');
  });

  it('uses the scale ends at 0 and 1 and clamps outside', () => {
    expect(heatColor(0).background).toBe('rgb(247 251 255)');
    expect(heatColor(1).background).toBe('rgb(8 48 107)');
    expect(heatColor(-1)).toEqual(heatColor(0));
    expect(heatColor(Number.NaN)).toEqual(heatColor(0));
    expect(heatColor(1).color).toBe('#ffffff');
  });
});
