import { PROVINCE_SCALE, type SeedOptions } from '../../src/bench-seed/seed-database.js';

/**
 * `BENCH_SCALE=small` for a quick run while developing; `BENCH_SCALE=city` for a city with 16
 * districts (`luoshi bench seed --orgs 16`, issue 17); anything else is province scale.
 */
export type BenchScale = 'small' | 'province' | 'city';

export function benchScale(env: NodeJS.ProcessEnv = process.env): BenchScale {
  return env.BENCH_SCALE === 'small' || env.BENCH_SCALE === 'city' ? env.BENCH_SCALE : 'province';
}

/** Districts of the city scale, as in issue 17. */
const CITY_DISTRICTS = 16;

/** What the seed generates at each scale. */
export function seedOptionsFor(scale: BenchScale): SeedOptions {
  if (scale === 'province') return PROVINCE_SCALE;
  if (scale === 'city') {
    // What `luoshi bench seed --orgs 16` makes: 17 governments with 150 units and two work
    // reports (of 1,000 tasks) each; the progress reports about fill 12 months of the city's.
    const governments = CITY_DISTRICTS + 1;
    return {
      ...PROVINCE_SCALE,
      tasks: governments * 2 * 1000,
      progressReports: 600_000,
      units: governments * 150,
      workReports: governments * 2,
      organisations: CITY_DISTRICTS,
    };
  }
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
    scale !== 'small' ? { seconds: 10, runs: 3, connections: 10 } : { seconds: 3, runs: 2, connections: 10 };
  const seconds = Number(env.BENCH_SECONDS);
  const runs = Number(env.BENCH_RUNS);
  return {
    ...base,
    ...(Number.isInteger(seconds) && seconds > 0 ? { seconds } : {}),
    ...(Number.isInteger(runs) && runs > 0 ? { runs } : {}),
  };
}
