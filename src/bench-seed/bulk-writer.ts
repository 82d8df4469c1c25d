import SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { DatabaseHandle, DatabaseSettings } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** A column of a bulk insert and the type its values have (PostgreSQL needs it for unnest). */
export interface BulkColumn {
  name: string;
  type: 'int' | 'text' | 'float';
}

/** Cell values of one row, in the order of its columns. */
export type BulkRow = (string | number | null)[];

/**
 * Writes many rows fast, bypassing the per-row overhead of building queries: on SQLite a
 * prepared statement run inside one transaction per batch; on PostgreSQL one
 * `INSERT … SELECT * FROM unnest($1::int[], $2::text[], …)` per batch (a handful of array
 * parameters however many rows, close to COPY speed without another dependency).
 * Only for generating benchmark data: it writes no audit events.
 */
export interface BulkWriter {
  insert(table: string, columns: readonly BulkColumn[], rows: readonly BulkRow[]): Promise<void>;
  close(): Promise<void>;
}

const PG_ARRAY_TYPES: Record<BulkColumn['type'], string> = { int: 'int4', text: 'text', float: 'float8' };

/** Rows per PostgreSQL statement: large enough to amortise the round trip, small enough for memory. */
const PG_BATCH = 5000;

function sqliteWriter(file: string): BulkWriter {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  // Synthetic data that can be regenerated: no need to fsync each batch.
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -200000');
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.map((c) => c.name).join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        const names = columns.map((c) => `"${c.name}"`).join(', ');
        const marks = columns.map(() => '?').join(', ');
        statement = raw.prepare(`insert into "${table}" (${names}) values (${marks})`);
        statements.set(key, statement);
      }
      const run = statement;
      raw.transaction((batch: readonly BulkRow[]) => {
        for (const row of batch) run.run(row);
      })(rows);
    },
    async close() {
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
    },
  };
}

function postgresWriter(db: Kysely<Database>): BulkWriter {
  return {
    async insert(table, columns, rows) {
      for (let start = 0; start < rows.length; start += PG_BATCH) {
        const batch = rows.slice(start, start + PG_BATCH);
        const arrays = columns.map((_, i) => batch.map((row) => row[i] ?? null));
        const names = sql.join(columns.map((c) => sql.ref(c.name)));
        const unnest = sql.join(
          columns.map((c, i) => sql`${arrays[i]}::${sql.raw(PG_ARRAY_TYPES[c.type])}[]`),
        );
        await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${unnest})`.execute(db);
      }
    },
    async close() {},
  };
}

/** Opens the fast writer for the database the handle talks to. */
export function openBulkWriter(handle: DatabaseHandle, settings: DatabaseSettings): BulkWriter {
  return handle.dialect === 'sqlite' ? sqliteWriter(settings.sqlitePath) : postgresWriter(handle.db);
}
