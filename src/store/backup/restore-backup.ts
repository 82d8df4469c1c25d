import { open } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import { badInput, conflict } from '../../core/errors.js';
import { type Actor, appendAuditEvent } from '../audit/append-audit-event.js';
import { openSqlite } from '../database.js';
import { dialectOf } from '../dialect-of.js';
import { listAppliedMigrations } from '../migrate.js';
import { migrations } from '../migrations/index.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';
import { isGzip, isSqliteFile } from './backup-format.js';
import { listBackupTables } from './list-backup-tables.js';
import { type BackupTableStream, readJsonBackup } from './read-json-backup.js';
import { readTableRows } from './read-table-rows.js';

export interface RestoreSummary {
  file: string;
  source: 'json' | 'sqlite';
  tables: number;
  rows: number;
}

interface Source {
  kind: 'json' | 'sqlite';
  migrations: string[];
  tables: AsyncIterable<BackupTableStream>;
  close(): Promise<void>;
}

async function openSource(file: string): Promise<Source> {
  let head: Uint8Array;
  try {
    const handle = await open(file, 'r');
    head = new Uint8Array(16);
    await handle.read(head, 0, 16, 0);
    await handle.close();
  } catch (error) {
    throw badInput(
      'file_not_found',
      `${file}: cannot read it (${(error as Error).message})`,
      `${file}：无法读取该文件`,
    );
  }
  if (isSqliteFile(head)) {
    const source = openSqlite(file, { readonly: true });
    const db = source.db as unknown as Kysely<unknown>;
    const tables = await listBackupTables(db);
    async function* streams(): AsyncGenerator<BackupTableStream> {
      for (const table of tables)
        yield { name: table.name, columns: table.columns, rows: readTableRows(db, table) };
    }
    return {
      kind: 'sqlite',
      migrations: await listAppliedMigrations(source.db),
      tables: streams(),
      close: source.close,
    };
  }
  const reader = await readJsonBackup(file, isGzip(head));
  return { kind: 'json', migrations: reader.header.migrations, tables: reader.tables, close: async () => {} };
}

/**
 * Refuses a target that holds data. The one root organisation that migrating an empty database
 * creates is not data: a database holding nothing else counts as empty, and the restore replaces
 * that row with the backup's organisations.
 */
async function assertEmpty(db: Kysely<Database>): Promise<void> {
  for (const table of await listBackupTables(db as unknown as Kysely<unknown>)) {
    const found =
      table.name === 'organisations'
        ? await sql`select 1 from organisations limit 1 offset 1`.execute(db)
        : await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(db);
    if (found.rows.length > 0) {
      throw conflict(
        `The target database is not empty (table ${table.name} has rows): restore into a new database (another DATA_DIR or DATABASE_URL)`,
        `目标数据库不为空（表 ${table.name} 已有数据）：请恢复到新的数据库（另设 DATA_DIR 或 DATABASE_URL）`,
        { table: table.name },
      );
    }
  }
}

/**
 * 恢复 — loads a backup (an SQLite online-backup file or a portable JSON-lines dump, from either
 * dialect) into an EMPTY, migrated database, in one transaction: on any error nothing is
 * restored. Foreign keys stay enforced: tables come in dependency order, self-references
 * (parent_id) are filled in a second pass. Ends with one audit event recording the restore.
 */
export async function restoreBackup(
  db: Kysely<Database>,
  file: string,
  actor: Actor,
  onTable?: (table: string, rows: number) => void,
): Promise<RestoreSummary> {
  const source = await openSource(file);
  try {
    const unknown = source.migrations.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw badInput(
        'backup_too_new',
        `${file} comes from a newer luoshi (migrations ${unknown.join(', ')}); upgrade luoshi, then restore`,
        `${file} 来自更新版本的 luoshi，请先升级再恢复`,
        { migrations: unknown },
      );
    }
    await assertEmpty(db);
    const postgres = dialectOf(db) === 'postgres';
    const target = new Map(
      (await listBackupTables(db as unknown as Kysely<unknown>)).map((t) => [t.name, t] as const),
    );
    const summary: RestoreSummary = { file, source: source.kind, tables: 0, rows: 0 };
    await writeTransaction(db, async (trx) => {
      await trx.deleteFrom('organisations').execute();
      for await (const table of source.tables) {
        const into = target.get(table.name);
        const missing = into ? table.columns.filter((c) => !into.columns.includes(c)) : table.columns;
        if (!into || missing.length > 0) {
          throw badInput(
            'backup_too_new',
            `${file}: this database has no ${into ? `columns ${missing.join(', ')} in ` : ''}table ${table.name}; upgrade luoshi, then restore`,
            `${file}：当前数据库缺少表 ${table.name} 或其字段，请先升级 luoshi`,
          );
        }
        const selfRefs = into.selfReferences.map((c) => table.columns.indexOf(c)).filter((i) => i >= 0);
        const idIndex = table.columns.indexOf('id');
        const patches: { id: unknown; column: string; value: unknown }[] = [];
        const chunkRows = Math.max(1, Math.floor(10_000 / table.columns.length));
        const columns = sql.join(table.columns.map((c) => sql.ref(c)));
        let chunk: unknown[][] = [];
        let rows = 0;
        const flush = async () => {
          if (chunk.length === 0) return;
          const values = sql.join(chunk.map((row) => sql`(${sql.join(row)})`));
          await sql`insert into ${sql.table(table.name)} (${columns}) values ${values}`.execute(trx);
          chunk = [];
        };
        for await (const values of table.rows) {
          const row = [...values];
          for (const i of selfRefs) {
            if (row[i] !== null && idIndex >= 0)
              patches.push({ id: row[idIndex], column: table.columns[i]!, value: row[i] });
            row[i] = null;
          }
          chunk.push(row);
          rows++;
          if (chunk.length >= chunkRows) await flush();
        }
        await flush();
        for (const patch of patches) {
          await sql`update ${sql.table(table.name)} set ${sql.ref(patch.column)} = ${patch.value} where id = ${patch.id}`.execute(
            trx,
          );
        }
        if (postgres && idIndex >= 0) {
          // Identity columns do not see explicit ids: move the sequence past them.
          await sql`select setval(pg_get_serial_sequence(${table.name}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(table.name)}`.execute(
            trx,
          );
        }
        onTable?.(table.name, rows);
        summary.tables++;
        summary.rows += rows;
      }
      await appendAuditEvent(trx, {
        actor,
        action: 'restore',
        entity: 'database',
        entityId: 'all',
        after: { file, source: source.kind, tables: summary.tables, rows: summary.rows },
      });
    });
    return summary;
  } finally {
    await source.close();
  }
}
