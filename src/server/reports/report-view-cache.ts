import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** The table of migration 20261127-1215-report-change-counters, bumped by triggers on every change. */
type ChangeCounterTables = {
  report_change_counters: { report_id: number; counter: number };
};

/** The report's change counter: it moves whenever anything its views are computed from changes. */
export async function readReportChangeCounter(db: Kysely<Database>, reportId: number): Promise<number> {
  const row = await db
    .withTables<ChangeCounterTables>()
    .selectFrom('report_change_counters')
    .select('counter')
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  return row?.counter ?? -1;
}

/**
 * Values cached under a key and the change counter they were computed at, for callers that
 * read the counter themselves (in the same query as the session, see readViewState). A value
 * is served only while the counter it was filed under is still the current one, so a write by
 * any process invalidates it at the next request. Concurrent requests for the same missing value
 * share one computation; failures are not kept; least recently used entries go first.
 */
export class CounterCache<T> {
  readonly #entries = new Map<string, { counter: number; value: Promise<T> }>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** The value filed under `key` at `counter`, or `compute()` filed there now. */
  get(key: string, counter: number, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found && found.counter === counter && counter >= 0) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found.value;
    }
    const value = compute();
    const entry = { counter, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // A failed computation must not be served to later requests.
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Computed report views (dashboard, ledger) cached per report, kind and date, valid while the
 * report's change counter stays where it was when they were computed. Reading the counter first
 * and the data after means a cached view is never older than the counter it is filed under; a
 * write by any process moves the counter, so the next request recomputes. Concurrent requests
 * for the same missing view share one computation. Least recently used views are dropped first.
 */
export class ReportViewCache {
  readonly #cache: CounterCache<unknown>;

  constructor(maxEntries = 64) {
    this.#cache = new CounterCache(maxEntries);
  }

  /** The cached view, or `compute()` filed under the report's current counter. */
  async get<T>(db: Kysely<Database>, reportId: number, key: string, compute: () => Promise<T>): Promise<T> {
    const counter = await readReportChangeCounter(db, reportId);
    return this.#cache.get(`${reportId}:${key}`, counter, compute) as Promise<T>;
  }

  get size(): number {
    return this.#cache.size;
  }
}
