/**
 * The portable backup format (JSON lines, optionally gzip-compressed): works between SQLite and
 * PostgreSQL in both directions. Line by line:
 *   {"format":"luoshi-backup","version":1,"createdAt":…,"dialect":…,"migrations":[…]}
 *   {"table":"units","columns":["id","parent_id",…]}
 *   [1,null,…]                       ← one row per line, values in column order
 *   {"end":"units","rows":2000}
 *   …
 *   {"complete":true,"tables":19,"rows":2104331}
 * Bytes are written as {"$bytes":"<base64>"}. A file without the final line is truncated and
 * is refused as a whole.
 */
export const BACKUP_FORMAT = 'luoshi-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  /** Migrations applied to the database the backup was taken from. */
  migrations: string[];
}

/** Encodes one column value for the JSON backup. */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** Decodes one column value of the JSON backup. */
export function decodeValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$bytes' in value) {
    return Buffer.from(String((value as { $bytes: unknown }).$bytes), 'base64');
  }
  return value;
}

/** Whether a file starts like an SQLite database (its online-backup copy). */
export function isSqliteFile(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 16)).toString('latin1') === 'SQLite format 3\0';
}

/** Whether a file is gzip-compressed. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}
