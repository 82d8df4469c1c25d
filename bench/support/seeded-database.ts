import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type SeedOptions, seedDatabase } from '../../src/bench-seed/seed-database.js';
import { type DatabaseSettings, openDatabase } from '../../src/store/database.js';
import type { DialectName } from '../../src/store/dialect-of.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { TEST_POSTGRES_URL } from '../../src/store/testing.js';
import type { BenchScale } from './bench-scale.js';

/**
 * The seeded benchmark database for a dialect and scale, generated once and reused while the
 * seed options are unchanged (the seed's audit event records them): a SQLite file under the
 * system temp folder, or the PostgreSQL database `luoshi_bench_<scale>` next to the test one
 * (LUOSHI_TEST_DATABASE_URL). Returns the settings that open it and how long seeding took.
 */
export async function seededDatabase(
  dialect: DialectName,
  scale: BenchScale,
  options: SeedOptions,
): Promise<{ settings: DatabaseSettings; seedSeconds: number | null }> {
  let settings: DatabaseSettings;
  if (dialect === 'sqlite') {
    const dir = path.join(tmpdir(), 'luoshi-bench', scale);
    mkdirSync(dir, { recursive: true });
    settings = { sqlitePath: path.join(dir, 'luoshi.db') };
  } else {
    const name = `luoshi_bench_${scale}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    settings = { DATABASE_URL: url.toString(), sqlitePath: '' };
  }
  const handle = await openDatabase(settings);
  try {
    await migrateToLatest(handle.db);
    const wanted = JSON.stringify(options);
    const seeds = await handle.db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'seed')
      .execute();
    const matches = seeds.some((row) => {
      const after = JSON.parse(row.after_json ?? '{}') as Record<string, unknown>;
      const { progressValues: _values, ...recorded } = after;
      return JSON.stringify({ ...recorded, progressReports: options.progressReports }) === wanted;
    });
    if (matches) return { settings, seedSeconds: null };
    if (seeds.length > 0) {
      throw new Error(
        `The benchmark database ${settings.DATABASE_URL ?? settings.sqlitePath} was seeded with other options; remove it to reseed.`,
      );
    }
    const summary = await seedDatabase(handle, options, (line) => process.stderr.write(`${line}\n`));
    return { settings, seedSeconds: summary.seconds };
  } finally {
    await handle.close();
  }
}
