import type { Kysely } from 'kysely';
import type { DialectName } from '../../store/dialect-of.js';
import type { Database } from '../../store/schema.js';

/** What a command gets: the configured database, migrated to the latest schema. */
export interface CommandDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
}

/**
 * Opens the configured database (DATABASE_URL, else DATA_DIR/luoshi.db), brings its schema up to
 * date, runs `fn`, and always closes the connection so the process can exit.
 */
export async function withDatabase<T>(
  fn: (opened: CommandDatabase) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const [{ loadConfig }, { openDatabase }, { migrateToLatest }] = await Promise.all([
    import('../../config/config.js'),
    import('../../store/database.js'),
    import('../../store/migrate.js'),
  ]);
  const handle = await openDatabase(loadConfig(process.env));
  try {
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(handle.db);
      for (const name of applied) process.stderr.write(`luoshi: applied migration ${name}\n`);
    }
    return await fn({ db: handle.db, dialect: handle.dialect });
  } finally {
    await handle.close();
  }
}
