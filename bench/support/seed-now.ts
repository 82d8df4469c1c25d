/**
 * Seeds (or finds already seeded) the benchmark databases without running any benchmark, so the
 * long province-scale seed can run on its own: `node --import tsx bench/support/seed-now.ts sqlite|postgres`.
 * The bench runner only loads bench/*.ts, not this folder.
 */
import type { DialectName } from '../../src/store/dialect-of.js';
import { benchScale, seedOptionsFor } from './bench-scale.js';
import { seededDatabase } from './seeded-database.js';

const dialects = (
  process.argv.slice(2).length ? process.argv.slice(2) : ['sqlite', 'postgres']
) as DialectName[];
const scale = benchScale();
for (const dialect of dialects) {
  const { settings, seedSeconds } = await seededDatabase(dialect, scale, seedOptionsFor(scale));
  process.stdout.write(
    `${dialect} ${scale}: ${settings.DATABASE_URL ?? settings.sqlitePath} ${seedSeconds === null ? 'already seeded' : `seeded in ${seedSeconds.toFixed(0)} s`}\n`,
  );
}
