import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.js';
import { listAppliedMigrations } from '../migrate.js';
import type { Database } from '../schema.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, encodeValue } from './backup-format.js';
import { listBackupTables } from './list-backup-tables.js';
import { readTableRows } from './read-table-rows.js';

export interface BackupSummary {
  file: string;
  format: 'json' | 'sqlite';
  tables: number;
  rows: number;
}

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

/**
 * Writes a portable JSON-lines backup of every table (gzip when the file ends in .gz), read in
 * one consistent snapshot: a repeatable-read transaction on PostgreSQL, one transaction on SQLite.
 */
export async function writeJsonBackup(
  db: Kysely<Database>,
  file: string,
  onTable?: (table: string, rows: number) => void,
): Promise<BackupSummary> {
  const postgres = dialectOf(db) === 'postgres';
  const fileStream = createWriteStream(file);
  const out: Writable = file.endsWith('.gz') ? createGzip() : fileStream;
  if (out !== fileStream) out.pipe(fileStream);
  const summary: BackupSummary = { file, format: 'json', tables: 0, rows: 0 };
  try {
    const run = async (trx: Kysely<Database>) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        dialect: dialectOf(trx),
        migrations: await listAppliedMigrations(trx),
      };
      await writeLine(out, header);
      for (const table of await listBackupTables(trx as unknown as Kysely<unknown>)) {
        await writeLine(out, { table: table.name, columns: table.columns });
        let rows = 0;
        for await (const row of readTableRows(trx as unknown as Kysely<unknown>, table)) {
          await writeLine(out, row.map(encodeValue));
          rows++;
        }
        await writeLine(out, { end: table.name, rows });
        onTable?.(table.name, rows);
        summary.tables++;
        summary.rows += rows;
      }
      await writeLine(out, { complete: true, tables: summary.tables, rows: summary.rows });
    };
    if (postgres) await db.transaction().setIsolationLevel('repeatable read').execute(run);
    else await db.transaction().execute(run);
  } catch (error) {
    out.end();
    await finished(fileStream).catch(() => {});
    rmSync(file, { force: true }); // a partial backup must not look like one
    throw error;
  }
  out.end();
  await finished(fileStream);
  return summary;
}
