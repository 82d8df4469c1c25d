import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/** A table as backup and restore see it. */
export interface BackupTable {
  name: string;
  columns: string[];
  /** Column used to page through rows in a stable order ('id' where there is one). */
  key: string | null;
  /** Columns referencing the same table (parent_id): restored in a second pass. */
  selfReferences: string[];
}

/**
 * Tables a backup leaves out because they are derived and rebuilt from the others: Kysely's
 * migration bookkeeping (the target is migrated itself), the search index (re-indexed from
 * search_stale, which triggers fill on restore) and the view-cache counters and
 * change marks (re-bumped by triggers).
 */
export function isDerivedTable(name: string): boolean {
  return (
    name.startsWith('kysely_') ||
    name.startsWith('search_') ||
    name === 'report_change_counters' ||
    name === 'report_change_marks' ||
    // Failed sign-ins are transient: a restored database starts with none.
    name === 'login_throttles'
  );
}

interface ForeignKey {
  table: string;
  column: string;
  references: string;
}

async function listForeignKeys(db: Kysely<unknown>, tables: string[]): Promise<ForeignKey[]> {
  if (dialectOf(db) === 'postgres') {
    const result = await sql<ForeignKey>`
      select c.conrelid::regclass::text as "table", a.attname as "column", c.confrelid::regclass::text as "references"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
    return result.rows;
  }
  const keys: ForeignKey[] = [];
  for (const table of tables) {
    const result = await sql<{
      table: string;
      from: string;
    }>`select "table", "from" from pragma_foreign_key_list(${table})`.execute(db);
    for (const row of result.rows) keys.push({ table, column: row.from, references: row.table });
  }
  return keys;
}

/**
 * The tables to back up, in an order where every table comes after the tables it references,
 * so rows can be inserted one table at a time with foreign keys enforced.
 */
export async function listBackupTables(db: Kysely<unknown>): Promise<BackupTable[]> {
  const introspected = (await db.introspection.getTables()).filter(
    (t) => !t.isView && !isDerivedTable(t.name),
  );
  const names = introspected.map((t) => t.name).sort();
  const keys = await listForeignKeys(db, names);
  const dependsOn = new Map(names.map((n) => [n, new Set<string>()]));
  for (const key of keys) {
    if (key.table !== key.references && dependsOn.has(key.table) && dependsOn.has(key.references)) {
      dependsOn.get(key.table)!.add(key.references);
    }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...dependsOn.get(n)!].every((d) => placed.has(d)));
    if (ready.length === 0)
      throw new Error(`foreign keys form a cycle among ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered.map((name) => {
    const table = introspected.find((t) => t.name === name)!;
    const columns = table.columns.map((c) => c.name);
    return {
      name,
      columns,
      key: columns.includes('id') ? 'id' : null,
      selfReferences: keys.filter((k) => k.table === name && k.references === name).map((k) => k.column),
    };
  });
}
