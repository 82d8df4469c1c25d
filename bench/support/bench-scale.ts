import { PROVINCE_SCALE, type SeedOptions } from '../../src/bench-seed/seed-database.js';

/** `BENCH_SCALE=small` for a quick run while developing; anything else is province scale. */
export type BenchScale = 'small' | 'province';

export function benchScale(env: NodeJS.ProcessEnv = process.env): BenchScale {
  return env.BENCH_SCALE === 'small' ? 'small' : 'province';
}

/** What the seed generates at each scale. */
export function seedOptionsFor(scale: BenchScale): SeedOptions {
  if (scale === 'province') return PROVINCE_SCALE;
  return { ...PROVINCE_SCALE, tasks: 5_000, progressReports: 60_000, units: 100, workReports: 5 };
}

/**
 * Seconds each autocannon run lasts, how many runs give the median, and the connections;
 * BENCH_SECONDS and BENCH_RUNS override the first two for a quicker pass.
 */
export function loadSettingsFor(
  scale: BenchScale,
  env: NodeJS.ProcessEnv = process.env,
): { seconds: number; runs: number; connections: number } {
  const base =
    scale === 'province'
      ? { seconds: 10, runs: 3, connections: 10 }
      : { seconds: 3, runs: 2, connections: 10 };
  const seconds = Number(env.BENCH_SECONDS);
  const runs = Number(env.BENCH_RUNS);
  return {
    ...base,
    ...(Number.isInteger(seconds) && seconds > 0 ? { seconds } : {}),
    ...(Number.isInteger(runs) && runs > 0 ? { runs } : {}),
  };
}
