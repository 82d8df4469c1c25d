import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * unit_aliases: another name of a unit (区发改委 for 区发展和改革委员会) that a 分工方案 used and
 * the office mapped once, so the next plan that writes it resolves without asking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('unit_aliases')
    .addColumn('id', 'integer', (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn('alias', 'text', (col) => col.notNull().unique())
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('unit_aliases_unit').on('unit_aliases').column('unit_id').execute();
}
