import type { DatabaseHandle } from '../database.js';
import { openSqlite } from '../database.js';
import { type BackupSummary, writeJsonBackup } from './write-json-backup.js';

/** A JSON backup is written for .json, .jsonl and .gz files; otherwise SQLite copies itself. */
export function wantsJsonBackup(file: string): boolean {
  return /\.(json|jsonl|ndjson)(\.gz)?$/i.test(file) || file.endsWith('.gz');
}

/**
 * 备份 — backs up the open database to `file`: SQLite through its online backup API (a consistent
 * copy while the app keeps running, a single self-contained file), PostgreSQL — or any dialect
 * when the file name ends in .json/.jsonl(.gz) — as the portable JSON-lines dump.
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  file: string,
  onTable?: (table: string, rows: number) => void,
): Promise<BackupSummary> {
  if (handle.dialect === 'postgres' || !handle.sqlite || wantsJsonBackup(file)) {
    return writeJsonBackup(handle.db, file, onTable);
  }
  await handle.sqlite.backup(file);
  // The copy inherits WAL mode; make it one self-contained file that opens read-only anywhere.
  const copy = openSqlite(file);
  copy.sqlite!.pragma('journal_mode = DELETE');
  const tables = copy
    .sqlite!.prepare("select count(*) as n from sqlite_master where type = 'table'")
    .get() as { n: number };
  await copy.close();
  return { file, format: 'sqlite', tables: tables.n, rows: 0 };
}
