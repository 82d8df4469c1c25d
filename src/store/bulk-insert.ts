import { CompiledQuery, type Kysely, sql } from 'kysely';
import { dialectOf } from './dialect-of.js';
import type { Database } from './schema.js';

/** Rows per PostgreSQL statement (one JSON parameter each), bounded so a huge batch stays a modest string. */
const POSTGRES_ROWS = 5_000;

/** SQLite's bound-parameter limit (SQLITE_MAX_VARIABLE_NUMBER since 3.32), with room to spare. */
const SQLITE_PARAMETERS = 30_000;

/** A table or column name as an SQL identifier. */
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A row to insert: column → value (numbers, strings, null; no bytes). */
export type BulkRow = Record<string, string | number | null>;

/**
 * Inserts many rows of one table with as few statements as possible, in the caller's transaction.
 * PostgreSQL: ONE statement per 5,000 rows, the rows travel as a single JSON parameter and
 * `json_populate_recordset(null::table, …)` turns them into rows of the table's own column types.
 * SQLite: multi-row VALUES, as many rows per statement as the bound-parameter limit allows.
 * Every row must have the same columns (those of the first row). Returns nothing: callers give
 * explicit ids (see reserveIds) when they need them.
 */
export async function insertRows(
  db: Kysely<Database>,
  table: string,
  rows: readonly BulkRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const names = sql.join(columns.map((column) => sql.ref(column)));
  if (dialectOf(db) === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS) {
      const json = JSON.stringify(rows.slice(start, start + POSTGRES_ROWS));
      await sql`insert into ${sql.table(table)} (${names}) select ${names} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
        db,
      );
    }
    return;
  }
  // Multi-row VALUES compiled by hand: building a query tree of thousands of values costs more
  // than the insert. (json_each would re-parse each row object once per column.)
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(head + Array(chunk.length).fill(tuple).join(', '), parameters));
  }
}

/**
 * Takes `count` fresh ids of each named table (ascending), so rows that point at each other (a
 * node and its parent, a target and its node, an index entry and its token row) can be inserted
 * in one statement per table instead of one per tree level or per row.
 * PostgreSQL: drawn from the tables' identity sequences in ONE round trip (never handed out twice,
 * even to concurrent writers). SQLite: the ids after the largest ever used (`sqlite_sequence` of an
 * AUTOINCREMENT table, or the largest present id); safe because a SQLite write transaction holds
 * the database's only write lock (BEGIN IMMEDIATE) until it commits, and rows inserted with those
 * ids move `sqlite_sequence` past them. Call it inside the write transaction that inserts the rows.
 */
export async function reserveIds<Table extends string>(
  trx: Kysely<Database>,
  counts: Readonly<Record<Table, number>>,
): Promise<Record<Table, number[]>> {
  const tables = (Object.keys(counts) as Table[]).filter((table) => counts[table] > 0);
  const result = Object.fromEntries(Object.keys(counts).map((table) => [table, [] as number[]])) as Record<
    Table,
    number[]
  >;
  if (tables.length === 0) return result;
  if (dialectOf(trx) === 'postgres') {
    const parts = tables.map(
      (table, k) =>
        sql`select ${sql.lit(k)}::integer as t, nextval(pg_get_serial_sequence(${sql.lit(table)}, 'id'))::integer as id from generate_series(1, ${sql.lit(counts[table])})`,
    );
    const { rows } = await sql<{ t: number; id: number }>`${sql.join(parts, sql` union all `)}`.execute(trx);
    for (const row of rows) result[tables[row.t]!].push(row.id);
    for (const table of tables) result[table].sort((a, b) => a - b);
    return result;
  }
  const columns = tables.map(
    (table, k) =>
      sql`max(coalesce((select seq from sqlite_sequence where name = ${sql.lit(table)}), 0), coalesce((select max(id) from ${sql.table(table)}), 0)) as ${sql.ref(`t${k}`)}`,
  );
  const { rows } = await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(trx);
  tables.forEach((table, k) => {
    const last = Number(rows[0]![`t${k}`] ?? 0);
    result[table] = Array.from({ length: counts[table] }, (_, i) => last + 1 + i);
  });
  return result;
}
