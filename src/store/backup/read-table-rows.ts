import { type Kysely, sql } from 'kysely';
import type { BackupTable } from './list-backup-tables.js';

const PAGE_ROWS = 5000;

/** Reads a table's rows as arrays in column order, page by page in key order (constant memory). */
export async function* readTableRows(db: Kysely<unknown>, table: BackupTable): AsyncGenerator<unknown[]> {
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  const toArray = (row: Record<string, unknown>) => table.columns.map((c) => row[c]);
  if (!table.key) {
    const all = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)}`.execute(
      db,
    );
    for (const row of all.rows) yield toArray(row);
    return;
  }
  const key = sql.ref(table.key);
  let after: unknown = null;
  for (;;) {
    const page = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)}
      ${after === null ? sql`` : sql`where ${key} > ${after}`} order by ${key} limit ${PAGE_ROWS}`.execute(
      db,
    );
    for (const row of page.rows) yield toArray(row);
    if (page.rows.length < PAGE_ROWS) return;
    after = page.rows.at(-1)![table.key];
  }
}
