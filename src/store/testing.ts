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

/** The maintenance database: LUOSHI_TEST_DATABASE_URL's, or `postgres` when that one does not exist yet. */
let adminUrl: string | undefined;

/** Runs one statement on the maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
async function adminQuery<Row extends Record<string, unknown>>(statement: string): Promise<Row[]> {
  const connect = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  };
  let client: pg.Client;
  try {
    client = await connect(adminUrl ?? TEST_POSTGRES_URL);
    adminUrl ??= TEST_POSTGRES_URL;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000' || adminUrl) throw error;
    const fallback = new URL(TEST_POSTGRES_URL);
    fallback.pathname = '/postgres';
    adminUrl = fallback.toString();
    client = await connect(adminUrl);
  }
  try {
    return (await client.query<Row>(statement)).rows;
  } finally {
    await client.end();
  }
}

const STALE_AFTER_MS = 3 * 3_600_000;
let sweptStale = false;

/** Drops test databases left by runs that were killed hours ago (their names carry their creation time). */
async function dropStaleTestDatabases(): Promise<void> {
  if (sweptStale) return;
  sweptStale = true;
  const rows = await adminQuery<{ datname: string }>(
    "select datname from pg_database where datname like 'luoshi\\_t\\_%'",
  );
  for (const { datname } of rows) {
    const created = Number.parseInt(datname.split('_')[2] ?? '', 36);
    if (
      Number.isFinite(created) &&
      Date.now() - created > STALE_AFTER_MS &&
      /^luoshi_t_[a-z0-9]+_[0-9a-f]+$/.test(datname)
    ) {
      await adminQuery(`drop database if exists ${datname} with (force)`).catch(() => {});
    }
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
    await dropStaleTestDatabases();
    const name = `luoshi_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    settings = { DATABASE_URL: url.toString(), sqlitePath: '' };
    cleanup = async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
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
