import type { BenchResult } from './bench-result.js';
import { runReadAfterWrite } from './support/read-after-write.js';

/**
 * The first dashboard, ledger page and task page after a progress report is submitted, on
 * embedded SQLite at the seeded scale (the API bench measures reads of cached views only).
 */
export async function benchReadAfterWriteSqlite(): Promise<BenchResult> {
  return runReadAfterWrite('sqlite');
}

/** The same on PostgreSQL, one app process (seeding it at province scale takes over 20 minutes). */
export async function benchReadAfterWritePostgres(): Promise<BenchResult> {
  return runReadAfterWrite('postgres');
}
