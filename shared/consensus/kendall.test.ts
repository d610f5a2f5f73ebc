import { describe, expect, it } from 'vitest';
import { kendallW } from './kendall.js';
import { chiSquareUpperTail } from './chiSquare.js';
import { EXACT_MAX_RATERS, exactApplies } from './kendallExact.js';

/** Every order of 1..n. */
function orders(n: number): number[][] {
  if (n === 1) return [[1]];
  return orders(n - 1).flatMap((o) => Array.from({ length: n }, (_, at) => [...o.slice(0, at), n, ...o.slice(at)]));
}

/**
 * The exact p by brute force, independent of the dynamic programme: enumerate all (n!)^m ways m
 * raters can order n items and count those whose Σ R_i² is at least the observed one.
 */
function bruteForceP(rankings: number[][]): number {
  const m = rankings.length;
  const n = rankings[0]?.length ?? 0;
  const sumSq = (rows: number[][]): number =>
    Array.from({ length: n }, (_, i) => rows.reduce((acc, row) => acc + (row[i] ?? 0), 0)).reduce((acc, r) => acc + r * r, 0);
  const observed = sumSq(rankings);
  const all = orders(n);
  let hits = 0;
  let total = 0;
  const walk = (rows: number[][]): void => {
    if (rows.length === m) {
      total++;
      if (sumSq(rows) >= observed) hits++;
      return;
    }
    for (const o of all) walk([...rows, o]);
  };
  walk([]);
  return hits / total;
}

describe('kendallW — published examples', () => {
  it("Siegel (1956), three executives ranking six job applicants: W = .16", () => {
    // S. Siegel, Nonparametric Statistics for the Behavioral Sciences (1956), chapter 9, "The
    // Kendall coefficient of concordance: W", worked example (also in Siegel & Castellan 1988):
    // three company executives X, Y, Z each rank six job applicants a..f.
    const rankings = [
      [1, 6, 3, 2, 5, 4], // X
      [1, 5, 6, 4, 2, 3], // Y
      [6, 3, 2, 5, 4, 1], // Z
    ];
    // R_j = 8 14 11 11 11 8; mean R = 3·7/2 = 10.5
    // s = 2.5² + 3.5² + 0.5² + 0.5² + 0.5² + 2.5² = 6.25 + 12.25 + 0.75 + 6.25 = 25.5 (published s = 25.5)
    // W = 12·25.5 / (3²·(6³ − 6)) = 306 / 1890 = 0.1619… (published W = .16)
    const r = kendallW(rankings);
    expect(r).not.toBeNull();
    expect(r?.w).toBeCloseTo(306 / 1890, 12);
    expect(r?.w).toBeCloseTo(0.16, 2);
    expect(r).toMatchObject({ m: 3, n: 6, df: 5, tieCorrected: false });
    // χ² = m(n − 1)W = 3·5·306/1890 = 2.428571…
    expect(r?.chiSquare).toBeCloseTo((3 * 5 * 306) / 1890, 12);
    // p for df = 5 (odd): 2·Q_N(χ) + 2·φ(χ)·(χ + χ³/3), χ = √2.428571 = 1.558387:
    // Q_N = 0.05958, φ = 0.11845 → 0.11916 + 2·0.11845·(1.558387 + 1.261563) = 0.7872
    expect(r?.p).toBeCloseTo(0.7872, 3);
    expect(r?.pMethod).toBe('chi-square'); // n = 6: χ² always
  });

  it('InfluentialPoints strawberry example, four raters and eight farms: W = 0.744, P = 0.004', () => {
    // influentialpoints.com, "Kendall coefficient of concordance", worked example I: raters A–D
    // rank the strawberries of eight farms from best (1) to worst (8).
    const rankings = [
      [8, 4, 2, 3, 5, 1, 6, 7], // A
      [7, 3, 1, 4, 5, 2, 6, 8], // B
      [8, 2, 5, 6, 7, 1, 4, 3], // C
      [8, 3, 4, 2, 5, 1, 6, 7], // D
    ];
    // R_j = 31 12 12 15 22 5 22 25; mean R = 144 / 8 = 18
    // S = 169 + 36 + 36 + 9 + 16 + 169 + 16 + 49 = 500
    // W = 12·500 / (4²·(8³ − 8)) = 6000 / 8064 = 500 / 672 = 0.744 (published 0.744)
    const r = kendallW(rankings);
    expect(r?.w).toBeCloseTo(500 / 672, 12);
    // χ² = 4·7·W = 20.83 (published 20.83), df 7, P = 0.004 (published)
    expect(r?.chiSquare).toBeCloseTo(20.8333, 4);
    expect(r?.df).toBe(7);
    expect(r?.p).toBeCloseTo(0.004, 3);
    expect(r?.pMethod).toBe('chi-square');
  });
});

describe('kendallW — hand-computed', () => {
  it('is 1 when everyone gives the same order', () => {
    // R = 3 6 9 12, mean 7.5, S = 20.25 + 2.25 + 2.25 + 20.25 = 45
    // W = 12·45 / (9·60) = 1; χ² = 3·3·1 = 9 (χ² would give p = 0.0293).
    // m = 3 ≤ 10 untied rankings of n = 4: exact p = P(raters 2 and 3 both give rater 1's order)
    // = (1/4!)² = 1/576
    const r = kendallW([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(r?.w).toBeCloseTo(1, 12);
    expect(r?.chiSquare).toBeCloseTo(9, 12);
    expect(r?.p).toBeCloseTo(1 / 576, 12);
    expect(r?.pMethod).toBe('exact');
  });

  it('is 0 (p = 1) when the rank sums are all equal', () => {
    // R = 4 4 4 → S = 0 → W = 0, χ² = 0, p = 1 (every outcome has S ≥ 0; exact)
    const r = kendallW([
      [1, 2, 3],
      [3, 2, 1],
    ]);
    expect(r).toEqual({ w: 0, m: 2, n: 3, chiSquare: 0, df: 2, p: 1, pMethod: 'exact', tieCorrected: false });
  });

  it('applies the tie correction (n = 3, exact p)', () => {
    const rankings = [
      [1, 2, 3],
      [1, 2, 3],
      [1.5, 1.5, 3], // first two tied: T = 2³ − 2 = 6
      [2, 1, 3],
    ];
    // R = 5.5 6.5 12; mean R = 4·4/2 = 8; S = 2.5² + 1.5² + 4² = 6.25 + 2.25 + 16 = 24.5
    // ΣT = 6; denominator = m²(n³ − n) − mΣT = 16·24 − 4·6 = 360
    // W = 12·24.5 / 360 = 294 / 360 = 49/60 = 0.81667 (uncorrected it would be 294/384 = 0.7656)
    const r = kendallW(rankings);
    expect(r?.w).toBeCloseTo(49 / 60, 12);
    expect(r?.tieCorrected).toBe(true);
    // χ² = 4·2·49/60 = 392/60; df = 2 → p = e^(−χ²/2) = e^(−392/120)
    expect(r?.chiSquare).toBeCloseTo(392 / 60, 12);
    expect(r?.p).toBeCloseTo(Math.exp(-392 / 120), 12);
    // Ties → χ² even though m·n is small.
    expect(r?.pMethod).toBe('chi-square');
  });

  it('applies the tie correction with several tie groups (n = 4)', () => {
    const rankings = [
      [1, 2, 3, 4], // T = 0
      [1, 2.5, 2.5, 4], // T = 6
      [1.5, 1.5, 3.5, 3.5], // T = 6 + 6 = 12
    ];
    // R = 3.5 6 9 11.5 (sum 30 = 3·10); mean 7.5; deviations −4 −1.5 1.5 4
    // S = 16 + 2.25 + 2.25 + 16 = 36.5; ΣT = 18; denominator = 9·60 − 3·18 = 486
    // W = 12·36.5 / 486 = 438 / 486 = 73/81
    const r = kendallW(rankings);
    expect(r?.w).toBeCloseTo(73 / 81, 12);
    // χ² = 3·3·73/81 = 73/9
    expect(r?.chiSquare).toBeCloseTo(73 / 9, 12);
  });

  it('counts a rater who tied everything: they lower W', () => {
    // Two raters agree perfectly (W = 1 on their own); a third ties all three items.
    // R = 4 6 8, mean 6, S = 4 + 0 + 4 = 8; ΣT = 3³ − 3 = 24
    // denominator = 9·24 − 3·24 = 144; W = 96 / 144 = 2/3
    const r = kendallW([
      [1, 2, 3],
      [1, 2, 3],
      [2, 2, 2],
    ]);
    expect(r?.w).toBeCloseTo(2 / 3, 12);
  });
});

describe('kendallW — edge cases', () => {
  it('is null without rankings, with one rater, or with one item', () => {
    expect(kendallW([])).toBeNull();
    expect(kendallW([[1, 2, 3]])).toBeNull();
    expect(kendallW([[1], [1], [1]])).toBeNull();
    expect(kendallW([[], []])).toBeNull();
  });

  it('is null when every rater tied every item (0/0)', () => {
    // denominator = 4·24 − 2·(24 + 24) = 0
    expect(kendallW([
      [2, 2, 2],
      [2, 2, 2],
    ])).toBeNull();
  });

  it('rejects rows that are not rankings of the same items', () => {
    expect(() => kendallW([[1, 2, 3], [1, 2]])).toThrow(RangeError);
    expect(() => kendallW([[1, 2, 3], [1, 1, 1]])).toThrow(RangeError);
  });
});

describe('kendallW — exact p where m·n is small', () => {
  it('m = 4, n = 3, rank sums 8 7 9: χ² says 0.78, exact is 0.931 (brute force over 6⁴ = 1296 rooms)', () => {
    const rankings = [
      [1, 2, 3],
      [3, 2, 1],
      [1, 2, 3],
      [3, 1, 2],
    ];
    // R = 8 7 9, mean 8, S = 0 + 1 + 1 = 2; W = 12·2 / (16·24) = 1/16; χ² = 4·2/16 = 0.5
    const r = kendallW(rankings);
    expect(r?.w).toBeCloseTo(1 / 16, 12);
    expect(r?.chiSquare).toBeCloseTo(0.5, 12);
    // P(χ²₂ ≥ 0.5) = e^(−0.25) = 0.7788
    expect(chiSquareUpperTail(0.5, 2)).toBeCloseTo(0.7788, 4);
    // Exact: 1206 of the 1296 rooms have Σ R² ≥ 8² + 7² + 9² = 194 → 1206/1296 = 67/72 = 0.93056
    expect(bruteForceP(rankings)).toBeCloseTo(67 / 72, 12);
    expect(r?.p).toBeCloseTo(67 / 72, 12);
    expect(r?.pMethod).toBe('exact');
  });

  it('m = 3, n = 3, rank sums 8 7 3: 42 of 216 rooms → 7/36 (χ² would say e^(−7/3) = 0.097)', () => {
    const rankings = [
      [3, 2, 1],
      [2, 3, 1],
      [3, 2, 1],
    ];
    expect(bruteForceP(rankings)).toBeCloseTo(7 / 36, 12);
    expect(kendallW(rankings)?.p).toBeCloseTo(7 / 36, 12);
  });

  it('matches brute force for m = 2, n = 4 and m = 3, n = 4 (24² and 24³ rooms)', () => {
    for (const rankings of [
      [
        [1, 2, 3, 4],
        [2, 1, 4, 3],
      ],
      [
        [1, 2, 3, 4],
        [1, 3, 2, 4],
        [4, 1, 2, 3],
      ],
    ]) {
      const r = kendallW(rankings);
      expect(r?.pMethod).toBe('exact');
      expect(r?.p).toBeCloseTo(bruteForceP(rankings), 12);
    }
  });

  it('switches to χ² above the limits: n = 3 exact up to m = 20, n ≥ 6 never', () => {
    expect(EXACT_MAX_RATERS).toEqual([0, 0, 60, 20, 10, 5]);
    expect([exactApplies(20, 3), exactApplies(21, 3), exactApplies(10, 4), exactApplies(11, 4), exactApplies(5, 5), exactApplies(6, 5), exactApplies(2, 6)]).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    // 21 raters of 3 items, everyone 1 2 3: W = 1, χ² = 21·2 = 42, p = e^(−21)
    const r = kendallW(Array.from({ length: 21 }, () => [1, 2, 3]));
    expect(r?.pMethod).toBe('chi-square');
    expect(r?.p).toBeCloseTo(Math.exp(-21), 15);
  });
});
