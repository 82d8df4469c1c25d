import type { Command } from 'commander';

/** `luoshi backup FILE` — a consistent copy of the database while the app keeps running. */
export function registerBackup(program: Command): Command {
  return program
    .command('backup')
    .description(
      'back up the database: SQLite online copy, or a portable JSON dump (PostgreSQL, or FILE.jsonl[.gz])',
    )
    .argument('<file>', 'where to write the backup (an existing file is refused)')
    .addHelpText(
      'after',
      '\nExamples:\n  luoshi backup backups/luoshi-2026-03-01.db       (SQLite: online backup)\n  luoshi backup backups/luoshi-2026-03-01.jsonl.gz (any database: portable JSON lines)',
    )
    .action(async (file: string) => {
      const { existsSync } = await import('node:fs');
      const { badInput } = await import('../../core/errors.js');
      if (existsSync(file)) {
        throw badInput(
          'file_exists',
          `${file} already exists; choose a new file name`,
          `${file} 已存在，请换一个文件名`,
          { file },
        );
      }
      const [{ loadConfig }, { openDatabase }, { backupDatabase }] = await Promise.all([
        import('../../config/config.js'),
        import('../../store/database.js'),
        import('../../store/backup/backup-database.js'),
      ]);
      const handle = await openDatabase(loadConfig(process.env));
      try {
        const summary = await backupDatabase(handle, file, (table, rows) =>
          process.stderr.write(`luoshi backup: ${table} ${rows} rows\n`),
        );
        process.stderr.write(
          summary.format === 'sqlite'
            ? `luoshi backup: SQLite online backup written to ${file}\n`
            : `luoshi backup: ${summary.rows} rows of ${summary.tables} tables written to ${file}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
