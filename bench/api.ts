import type { BenchResult } from './bench-result.js';
import { runApiBench } from './support/api-bench.js';

/** Dashboard, ledger, task page and submission under load on embedded SQLite, one app process. */
export async function benchApiSqlite(): Promise<BenchResult> {
  return runApiBench('sqlite', 1);
}

/** The same on PostgreSQL with two app processes sharing the database (and the sessions). */
export async function benchApiPostgresTwoInstances(): Promise<BenchResult> {
  return runApiBench('postgres', 2);
}
