import type { OptionScore } from '../../../../shared/kinds/options/model.js';

const WORD_KEYS = { '-2': 'm2', '-1': 'm1', '0': 'z', '1': 'p1', '2': 'p2' } as const;

/** The i18n key (under optionsPhone.scale) of a step's words: −2 "works against it" … +2 "serves it well". */
export function scoreWordKey(score: OptionScore): (typeof WORD_KEYS)[keyof typeof WORD_KEYS] {
  return WORD_KEYS[String(score) as keyof typeof WORD_KEYS];
}

/** A step as printed on its button: −2, −1, 0, +1, +2 (a real minus sign). */
export function scoreText(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0';
}

/** The step nearest a mean or fit on −2..+2, for saying it in words (−0.5 rounds to 0, 0.5 to +1). */
export function nearestScore(x: number): OptionScore {
  const r = Math.max(-2, Math.min(2, Math.round(x)));
  return (r === 0 ? 0 : r) as OptionScore;
}
