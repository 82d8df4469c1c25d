import type { Command } from 'commander';

/** `luoshi migrate` — bring the database schema up to date (the server also does this at start-up). */
export function registerMigrate(program: Command): Command {
  return program
    .command('migrate')
    .description('apply pending database migrations (SQLite in DATA_DIR, or DATABASE_URL)')
    .option('--status', 'list applied and pending migrations without applying anything')
    .action(async (options: { status?: boolean }) => {
      const { withDatabase } = await import('./with-database.js');
      const { migrateToLatest, listAppliedMigrations } = await import('../../store/migrate.js');
      const { migrations } = await import('../../store/migrations/index.js');
      await withDatabase(
        async ({ db, dialect }) => {
          if (options.status) {
            const applied = new Set(await listAppliedMigrations(db));
            for (const name of Object.keys(migrations).sort()) {
              process.stdout.write(`${applied.has(name) ? 'applied' : 'pending'}  ${name}\n`);
            }
            return;
          }
          const done = await migrateToLatest(db);
          for (const name of done) process.stderr.write(`luoshi: applied ${name}\n`);
          process.stderr.write(
            `luoshi: ${dialect} database is up to date (${Object.keys(migrations).length} migrations, ${done.length} applied now)\n`,
          );
        },
        { migrate: false },
      );
    });
}
