import { describe, expect, it } from 'vitest';
import { describeRun, runSeed } from './world.js';

/**
 * Deterministic convergence fuzz: per seed, a real server and a host with 3–6 phones whose
 * network the test drives (joins, proposals, stories, endorsements, moderation, votes, lost
 * acks, retries, disconnects, reconnects, server restarts). After each run every acknowledged
 * write is stored once and every client's views equal a fresh snapshot.
 *
 * `npm test` runs SEEDS; FUZZ_SOAK=1 runs 500 more seeds of 120 steps, FUZZ_RUNS=N runs N.
 */
const STEPS = 60;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const soakRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : process.env.FUZZ_SOAK ? 500 : 0;

async function expectConverges(seed: number, steps = STEPS): Promise<void> {
  const result = await runSeed(seed, steps);
  expect(result.violations, describeRun(result)).toEqual([]);
}

describe('convergence under a seeded random mix', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    await expectConverges(seed);
  });
});

describe.runIf(soakRuns > 0)('soak', () => {
  it(`${soakRuns} seeds of 120 steps`, { timeout: 0 }, async () => {
    const failed: string[] = [];
    for (let i = 0; i < soakRuns; i++) {
      const seed = 10_000 + i;
      const result = await runSeed(seed, 120);
      if (result.violations.length) failed.push(describeRun(result));
    }
    expect(failed).toEqual([]);
  });
});
