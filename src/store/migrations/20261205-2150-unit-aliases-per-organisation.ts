import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * A unit alias (区发改委 for 区发展和改革委员会) is one organisation's name for one of its units:
 * two districts both keep 区发改委, each for its own unit, while one organisation keeps a name for
 * one unit only. unit_aliases was unique across the database, and SQLite cannot drop a column's
 * unique constraint without rebuilding the table, so the aliases move to a new table unique per
 * organisation. unit_aliases keeps its rows as they were and is no longer read or written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('organisation_unit_aliases')
    .addColumn('id', 'integer', (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
    .addColumn('alias', 'text', (col) => col.notNull())
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('organisation_unit_aliases_organisation_alias', ['organisation_id', 'alias'])
    .execute();
  await db.schema
    .createIndex('organisation_unit_aliases_unit')
    .on('organisation_unit_aliases')
    .column('unit_id')
    .execute();
  await sql`
    insert into organisation_unit_aliases (organisation_id, alias, unit_id, created_at)
    select u.organisation_id, a.alias, a.unit_id, a.created_at
    from unit_aliases a
    join units u on u.id = a.unit_id
    where u.organisation_id is not null
    order by a.id`.execute(db);
}
