import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { LuoshiError } from '../core/errors.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/** Applies every pending migration; returns the names applied now (empty when up to date). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    throw new LuoshiError(
      'migration_failed',
      500,
      {
        en: `Database migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`,
        zh: `数据库迁移 ${failed} 失败`,
      },
      { migration: failed },
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations already applied, in order. */
export async function listAppliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
