import type { Command } from 'commander';
import { badInput } from '../../core/errors.js';

interface SeedFlags {
  tasks?: string;
  reports: string;
  units?: string;
  orgs?: string;
  periods: string;
  workReports?: string;
  year: string;
  seed: string;
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badInput(
      'bad_option',
      `--${flag} ${value}: expected a whole number from ${min} to ${max}`,
      `--${flag} ${value}：须为 ${min} 至 ${max} 的整数`,
    );
  }
  return n;
}

/** `luoshi bench seed` — generate province-scale synthetic data for benchmarks. */
export function registerBench(program: Command): Command {
  const bench = program.command('bench').description('benchmark helpers: generate synthetic data at scale');
  bench
    .command('seed')
    .description(
      'fill the database (DATABASE_URL or DATA_DIR) with a synthetic province built from real corpus sentences',
    )
    .option('--tasks <n>', 'tasks over all work reports (default 150000; with --orgs 1,000 a work report)')
    .option('--reports <n>', 'progress-report rows (one unit, one task, one period each)', '2000000')
    .option(
      '--units <n>',
      '承办单位 (units) over all governments (default 2000; with --orgs 150 a government)',
    )
    .option('--periods <n>', 'monthly reporting periods per work report, from January', '12')
    .option('--work-reports <n>', 'work reports (default one per 1,000 tasks; with --orgs two a government)')
    .option(
      '--orgs <n>',
      'a city and N districts (organisations) instead of one government: each has its units and reports, ' +
        'the city a unit for each district, and some city tasks are handed down to the districts',
    )
    .option('--year <year>', 'year of the work reports', '2026')
    .option('--seed <n>', 'random seed (same seed, same data)', '20260101')
    .action(async (flags: SeedFlags) => {
      const districts = flags.orgs === undefined ? 0 : wholeNumber('orgs', flags.orgs, 1, 1000);
      const governments = districts + 1;
      const { REPORTS_PER_ORGANISATION, UNITS_PER_ORGANISATION } = await import(
        '../../bench-seed/seed-organisations.js'
      );
      const tasks = wholeNumber(
        'tasks',
        flags.tasks ?? (districts > 0 ? String(governments * REPORTS_PER_ORGANISATION * 1000) : '150000'),
        1,
        10_000_000,
      );
      const workReports = wholeNumber(
        'work-reports',
        flags.workReports ??
          String(
            districts > 0 ? governments * REPORTS_PER_ORGANISATION : Math.max(1, Math.round(tasks / 1000)),
          ),
        districts > 0 ? governments : 1,
        Math.min(100_000, tasks),
      );
      const options = {
        tasks,
        progressReports: wholeNumber('reports', flags.reports, 0, 100_000_000),
        units: wholeNumber(
          'units',
          flags.units ?? String(districts > 0 ? governments * UNITS_PER_ORGANISATION : 2000),
          districts > 0 ? governments : 1,
          1_000_000,
        ),
        periods: wholeNumber('periods', flags.periods, 1, 120),
        workReports,
        year: wholeNumber('year', flags.year, 1949, 2200),
        seed: wholeNumber('seed', flags.seed, 0, 2 ** 32 - 1),
        ...(districts > 0 ? { organisations: districts } : {}),
      };
      const { loadConfig } = await import('../../config/config.js');
      const { openDatabase } = await import('../../store/database.js');
      const { migrateToLatest } = await import('../../store/migrate.js');
      const { seedDatabase } = await import('../../bench-seed/seed-database.js');
      const config = loadConfig(process.env);
      const handle = await openDatabase(config);
      try {
        await migrateToLatest(handle.db);
        const summary = await seedDatabase(handle, options, (line) => process.stderr.write(`${line}\n`));
        const { reportIds, seconds, ...counts } = summary;
        process.stdout.write(
          `${JSON.stringify({ ...counts, workReports: reportIds.length, seconds: Math.round(seconds * 10) / 10 })}\n`,
        );
      } finally {
        await handle.close();
      }
    });
  return bench;
}
