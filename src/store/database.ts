import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import pg from 'pg';
import { LuoshiError } from '../core/errors.js';
import { PostgresChangeWatch, registerChangeWatch, sqliteChangeWatch } from './change-watch.js';
import type { DialectName } from './dialect-of.js';
import type { Database } from './schema.js';

export type { DialectName } from './dialect-of.js';

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
  /** The better-sqlite3 connection under Kysely (SQLite only), for its online backup API. */
  sqlite?: SqliteDatabase.Database;
}

/** The settings openDatabase reads (a subset of Config, so tests can pass their own). */
export interface DatabaseSettings {
  /** postgres://… to use PostgreSQL; unset for embedded SQLite. */
  DATABASE_URL?: string | undefined;
  /** The SQLite file (Config.sqlitePath = DATA_DIR/luoshi.db). */
  sqlitePath: string;
}

export interface OpenDatabaseOptions {
  /** Largest PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** Milliseconds SQLite waits for another process's write lock before failing (default 5000). */
  busyTimeoutMs?: number;
  /** Open an existing SQLite file read-only, unchanged (e.g. a backup being restored). */
  readonly?: boolean;
}

/**
 * SQLite transactions start with BEGIN IMMEDIATE: they take the write lock up front, so a
 * transaction that reads and then writes never fails half-way with SQLITE_BUSY when another
 * process (a CLI import next to the server) committed in between; it waits on busy_timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * On some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite rolls the transaction back by
   * itself; a second ROLLBACK then fails with "no transaction is active" and would hide the real
   * cause (a full disk) behind a meaningless error. The transaction is gone either way.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } catch (error) {
      if (/no transaction is active/.test((error as Error).message)) return;
      throw error;
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase.Database;
  constructor(database: SqliteDatabase.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

/**
 * Start a query's SQL with this mark to have it kept prepared: a reusable better-sqlite3
 * statement, a named PostgreSQL prepared statement per connection (parsed and planned once).
 * Only for the hottest fixed queries (one per cached read request) that name their columns:
 * a `select *` kept prepared on PostgreSQL would fail after an additive migration.
 */
export const KEEP_PREPARED = '/* keep prepared */ ';

/** What Kysely's SQLite driver uses of the database: its marked statements prepared once and reused. */
function keepingMarkedStatements(database: SqliteDatabase.Database): SqliteDatabase.Database {
  const kept = new Map<string, SqliteDatabase.Statement>();
  const driverView = {
    close: () => database.close(),
    prepare: (source: string) => {
      if (!source.startsWith(KEEP_PREPARED)) return database.prepare(source);
      let statement = kept.get(source);
      if (!statement) {
        statement = database.prepare(source);
        kept.set(source, statement);
      }
      return statement;
    },
  };
  return driverView as unknown as SqliteDatabase.Database;
}

/** Opens the embedded SQLite file with WAL, foreign keys and a busy timeout. */
export function openSqlite(file: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (!options.readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = options.readonly
      ? new SqliteDatabase(file, { readonly: true, fileMustExist: true })
      : new SqliteDatabase(file);
  } catch (error) {
    throw new LuoshiError('database_unavailable', 503, {
      en: `Cannot open the SQLite database ${file}: ${(error as Error).message}. Check DATA_DIR and its permissions.`,
      zh: `无法打开 SQLite 数据库 ${file}，请检查 DATA_DIR 及其权限`,
    });
  }
  try {
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    // FULL: a committed transaction survives a crash of the process and of the machine.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  } catch (error) {
    // A read-only data directory fails here (WAL needs to write its -shm file), not at open.
    sqlite.close();
    throw new LuoshiError('database_unavailable', 503, {
      en: `Cannot use the SQLite database ${file}: ${(error as Error).message}. Check that DATA_DIR is writable.`,
      zh: `无法使用 SQLite 数据库 ${file}，请检查 DATA_DIR 是否可写`,
    });
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(keepingMarkedStatements(sqlite)) });
  registerChangeWatch(db, sqliteChangeWatch(sqlite));
  return {
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
    sqlite,
  };
}

/** pg returns int8 (COUNT, SUM of integers) as strings; our counts fit in a double. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** Prepared statement names by SQL text: a kept query is named once, not hashed on every run. */
const PREPARED_NAMES = new Map<string, string>();

function preparedName(text: string): string {
  let name = PREPARED_NAMES.get(text);
  if (name === undefined) {
    name = `luoshi_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    PREPARED_NAMES.set(text, name);
  }
  return name;
}

/** Opens a PostgreSQL pool on `url`. */
export function openPostgres(url: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: pgTypes });
  const watch = new PostgresChangeWatch(url);
  // An idle client that loses its server (restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // A checked-out client whose server goes away (restart: 57P01, a dropped socket) also emits
  // 'error'; unheard, that crashes the process. The query in flight already fails with it (the
  // API answers 503) and the pool drops the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    // Queries their author marked KEEP_PREPARED become named prepared statements of this connection.
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [text, values] = args;
      return args.length === 2 && typeof text === 'string' && text.startsWith(KEEP_PREPARED)
        ? query({ name: preparedName(text), text, values })
        : query(...args);
    };
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  registerChangeWatch(db, watch);
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      await watch.close();
      await db.destroy();
    },
  };
}

/**
 * Opens the database the settings name: PostgreSQL when DATABASE_URL is set, otherwise the
 * embedded SQLite file. Checks the connection so a wrong URL fails here with a clear message.
 * Run `migrateToLatest(handle.db)` afterwards to bring the schema up to date.
 */
export async function openDatabase(
  settings: DatabaseSettings,
  options: OpenDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const handle = settings.DATABASE_URL
    ? openPostgres(settings.DATABASE_URL, options)
    : openSqlite(settings.sqlitePath, options);
  try {
    await handle.db.executeQuery(CompiledQuery.raw('select 1'));
  } catch (error) {
    await handle.close().catch(() => {});
    const where = settings.DATABASE_URL ? redactUrl(settings.DATABASE_URL) : settings.sqlitePath;
    throw new LuoshiError('database_unavailable', 503, {
      en: `Cannot connect to the database ${where}: ${(error as Error).message}`,
      zh: `无法连接数据库 ${where}`,
    });
  }
  return handle;
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(invalid URL)';
  }
}
