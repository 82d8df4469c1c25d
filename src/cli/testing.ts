import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, vi } from 'vitest';
import type { DialectName } from '../store/dialect-of.js';
import { openTestDatabase, type TestDatabase } from '../store/testing.js';
import { main } from './main.js';

/** The repository root (with a trailing slash), for the CLI tests' inputs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the test corpus (test-data/corpus/NAME). */
export function corpusFile(name: string): string {
  return `${REPO_ROOT}test-data/corpus/${name}`;
}

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `luoshi ARGS…` in-process, capturing stdout and stderr; the streams are restored after. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'luoshi', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/**
 * Gives the CLI runs of one describe block a fresh test database of `dialect`: opened before all
 * of them and named to the CLI as it is configured (DATABASE_URL for PostgreSQL, DATA_DIR for
 * SQLite); the environment is restored and the database closed after all. Read `.database` inside
 * the tests (it is set once the block's beforeAll ran).
 */
export function useCliDatabase(dialect: DialectName): { readonly database: TestDatabase } {
  const opened: { database?: TestDatabase } = {};
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    const database = await openTestDatabase(dialect);
    opened.database = database;
    if (database.settings.DATABASE_URL) process.env.DATABASE_URL = database.settings.DATABASE_URL;
    else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = path.dirname(database.settings.sqlitePath);
    }
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await opened.database?.close();
  });
  return {
    get database(): TestDatabase {
      if (!opened.database) throw new Error('useCliDatabase: the database opens in beforeAll');
      return opened.database;
    },
  };
}
