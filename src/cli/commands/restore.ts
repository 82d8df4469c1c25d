import type { Command } from 'commander';

/** `luoshi restore FILE` — load a backup into a new, empty database. */
export function registerRestore(program: Command): Command {
  return program
    .command('restore')
    .description('restore a backup (SQLite file or JSON dump, from either database) into an empty database')
    .argument('<file>', 'a file written by `luoshi backup`')
    .addHelpText(
      'after',
      '\nThe target (DATA_DIR/luoshi.db or DATABASE_URL) must be new and empty; it is migrated first.\nExample:\n  DATA_DIR=./restored luoshi restore backups/luoshi-2026-03-01.db',
    )
    .action(async (file: string) => {
      const { withDatabase } = await import('./with-database.js');
      const { restoreBackup } = await import('../../store/backup/restore-backup.js');
      const { CLI_ACTOR } = await import('../../store/audit/append-audit-event.js');
      const summary = await withDatabase(({ db }) =>
        restoreBackup(db, file, CLI_ACTOR, (table, rows) =>
          process.stderr.write(`luoshi restore: ${table} ${rows} rows\n`),
        ),
      );
      process.stderr.write(
        `luoshi restore: ${summary.rows} rows of ${summary.tables} tables restored from ${file}\n`,
      );
    });
}
