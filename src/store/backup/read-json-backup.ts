import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { badInput } from '../../core/errors.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, decodeValue } from './backup-format.js';

/** One table of a backup, with its rows streamed from the file. */
export interface BackupTableStream {
  name: string;
  columns: string[];
  rows: AsyncIterable<unknown[]>;
}

export interface BackupReader {
  header: BackupHeader;
  /** The tables in file order; consume each table's rows before asking for the next table. */
  tables: AsyncIterable<BackupTableStream>;
}

function broken(file: string, line: number, why: string) {
  return badInput(
    'backup_unreadable',
    `${file} line ${line}: ${why} — not a complete luoshi backup; nothing was restored`,
    `${file} 第 ${line} 行：${why}——不是完整的 luoshi 备份，未恢复任何数据`,
    { file, line },
  );
}

/** Opens a JSON-lines backup (gzip or plain) for streaming restore; checks header and completeness. */
export async function readJsonBackup(file: string, gzip: boolean): Promise<BackupReader> {
  const input = gzip ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async (): Promise<unknown> => {
    let result: IteratorResult<string>;
    try {
      result = await lines.next();
    } catch (error) {
      throw broken(file, lineNumber + 1, `unreadable (${(error as Error).message})`);
    }
    if (result.done) throw broken(file, lineNumber + 1, 'the file ends before the backup is complete');
    lineNumber++;
    try {
      return JSON.parse(result.value) as unknown;
    } catch {
      throw broken(file, lineNumber, 'not JSON');
    }
  };
  const header = (await next()) as Partial<BackupHeader>;
  if (
    header?.format !== BACKUP_FORMAT ||
    header.version !== BACKUP_VERSION ||
    !Array.isArray(header.migrations)
  ) {
    throw broken(file, 1, `expected a ${BACKUP_FORMAT} version ${BACKUP_VERSION} header`);
  }

  async function* tables(): AsyncGenerator<BackupTableStream> {
    for (;;) {
      const start = (await next()) as { table?: string; columns?: string[]; complete?: boolean };
      if (start?.complete === true) return;
      if (typeof start?.table !== 'string' || !Array.isArray(start.columns))
        throw broken(file, lineNumber, 'expected a table');
      const name = start.table;
      const columns = start.columns;
      async function* rows(): AsyncGenerator<unknown[]> {
        let count = 0;
        for (;;) {
          const line = await next();
          if (Array.isArray(line)) {
            if (line.length !== columns.length)
              throw broken(
                file,
                lineNumber,
                `a ${name} row has ${line.length} values, not ${columns.length}`,
              );
            count++;
            yield line.map(decodeValue);
            continue;
          }
          const end = line as { end?: string; rows?: number };
          if (end?.end !== name || end.rows !== count)
            throw broken(file, lineNumber, `table ${name} does not end as recorded`);
          return;
        }
      }
      yield { name, columns, rows: rows() };
    }
  }
  return { header: header as BackupHeader, tables: tables() };
}
