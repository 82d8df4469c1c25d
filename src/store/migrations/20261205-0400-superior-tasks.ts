import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * The cascade between governments (issue #17):
 * - units.represents_organisation_id: a unit of a superior's ledger that stands for a subordinate
 *   government (通州区政府 in the city's ledger), so assigning a task to it hands the task down;
 * - superior_tasks (上级交办任务): one row per superior assignment to such a unit, as the
 *   subordinate's office received it (pending, then accepted) with its reference number;
 * - superior_task_links: the subordinate's own tasks that carry a superior task out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .alterTable('units')
    .addColumn('represents_organisation_id', 'integer', (col) => col.references('organisations.id'))
    .execute();
  await db.schema
    .createIndex('units_represents_organisation')
    .on('units')
    .column('represents_organisation_id')
    .execute();

  await db.schema
    .createTable('superior_tasks')
    .addColumn('id', 'integer', (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn('assignment_id', 'integer', (col) => col.notNull().unique().references('assignments.id'))
    .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending'))
    .addColumn('reference_number', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('superior_tasks_organisation_status')
    .on('superior_tasks')
    .columns(['organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('superior_task_links')
    .addColumn('id', 'integer', (col) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    )
    .addColumn('superior_task_id', 'integer', (col) => col.notNull().references('superior_tasks.id'))
    .addColumn('node_id', 'integer', (col) => col.notNull().references('nodes.id'))
    .addColumn('created_by', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('superior_task_links_task_node', ['superior_task_id', 'node_id'])
    .execute();
  await db.schema
    .createIndex('superior_task_links_node')
    .on('superior_task_links')
    .column('node_id')
    .execute();
}
