import type { ErrorBody } from './errors.js';

/**
 * Errors of the database itself (not of the request): PostgreSQL down or restarting, the
 * connection lost, SQLite's disk full, a read-only data directory, a lock held too long. They
 * are answered with 503 and a stable code so clients retry later and operators see the cause;
 * the app keeps running and recovers by itself when the database is back (the pg pool replaces
 * broken connections, SQLite retries on the next request).
 */
interface DatabaseFailure {
  code: string;
  en: string;
  zh: string;
}

const UNAVAILABLE: DatabaseFailure = {
  code: 'database_unavailable',
  en: 'The database is unavailable right now; try again in a moment',
  zh: '数据库暂时不可用，请稍后重试',
};
const STORAGE_FULL: DatabaseFailure = {
  code: 'storage_full',
  en: 'The disk holding the database is full; nothing was saved. Free space in DATA_DIR and try again',
  zh: '数据库所在磁盘已满，本次操作未保存。请清理 DATA_DIR 所在磁盘后重试',
};
const READ_ONLY: DatabaseFailure = {
  code: 'database_read_only',
  en: 'The database is read-only (check DATA_DIR and its file system); nothing was saved',
  zh: '数据库为只读（请检查 DATA_DIR 及其文件系统），本次操作未保存',
};
const BUSY: DatabaseFailure = {
  code: 'database_busy',
  en: 'The database is busy; try again in a moment',
  zh: '数据库繁忙，请稍后重试',
};

/** Node socket errors that mean "no connection to the database server". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** pg's own messages for a connection that died under a query or could not be made. */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/i;

function classify(error: { code?: unknown; message?: unknown }): DatabaseFailure | null {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC')
      return STORAGE_FULL;
    if (code.startsWith('SQLITE_READONLY')) return READ_ONLY;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return BUSY;
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return UNAVAILABLE;
    return null;
  }
  if (SOCKET_CODES.has(code)) return UNAVAILABLE;
  // SQLSTATE classes: 08 connection exception, 57P0x shutdown/cannot connect, 53 insufficient resources.
  if (/^08/.test(code) || /^57P0[1-4]$/.test(code) || code === '53300') return UNAVAILABLE;
  if (code === '53100') return STORAGE_FULL;
  if (code === '25006') return READ_ONLY;
  if (PG_CONNECTION_MESSAGES.test(message)) return UNAVAILABLE;
  return null;
}

/** The 503 answer for a database failure, or null when the error is something else. */
export function databaseFailureResponse(error: unknown): { status: number; body: ErrorBody } | null {
  if (typeof error !== 'object' || error === null) return null;
  const failure = classify(error as { code?: unknown; message?: unknown });
  if (!failure) return null;
  return { status: 503, body: { code: failure.code, message: failure.en, messageZh: failure.zh } };
}
