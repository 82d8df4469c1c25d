import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, type DatabaseSettings, openDatabase } from './database.js';
import type { DialectName } from './dialect-of.js';
import { migrateToLatest } from './migrate.js';

/** Every dialect the store runs on; store tests loop over all of them. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/**
 * The PostgreSQL server tests use (trust auth on this machine). Override with
 * LUOSHI_TEST_DATABASE_URL; each test database is created next to this one and dropped after.
 */
export const TEST_POSTGRES_URL =
  process.env.LUOSHI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A throw-away database for one test (file): open, migrated, and removed by `close()`. */
export interface TestDatabase extends DatabaseHandle {
  /** Settings that open the same database (for child processes, the CLI, a second instance). */
  settings: DatabaseSettings;
}

export interface TestDatabaseOptions {
  /** Run the migrations (default true). */
  migrate?: boolean;
}

/** Runs one statement on the maintenance connection (CREATE/DROP DATABASE cannot run in a pool transaction). */
async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Opens a fresh, uniquely named database for a test: a temporary SQLite file, or a new
 * PostgreSQL database `luoshi_t_<random>` so parallel runs never share state. `close()` drops it.
 */
export async function openTestDatabase(
  dialect: DialectName,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  let settings: DatabaseSettings;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-test-'));
    settings = { sqlitePath: path.join(dir, 'luoshi.db') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `luoshi_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    settings = { DATABASE_URL: url.toString(), sqlitePath: '' };
    cleanup = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  const handle = await openDatabase(settings);
  if (options.migrate ?? true) await migrateToLatest(handle.db);
  return {
    ...handle,
    settings,
    close: async () => {
      await handle.close();
      await cleanup();
    },
  };
}
