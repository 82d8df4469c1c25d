import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * The search stale queue (20261127-1130-search-index) was filled by one trigger run per written
 * row: a 300-task import queued ~700 copies of its report id (then cleared them), and seeding two
 * million progress reports left two million. A report needs to be queued once.
 * PostgreSQL: the row triggers become statement triggers over the transition table (one INSERT
 * per statement, whatever the number of rows), queueing each report once. SQLite (no statement
 * triggers): the row triggers queue a report only when it is not queued yet.
 */

/** Per watched table: the report ids of the changed rows, from the transition table `changed`. */
const POSTGRES: { table: string; reports: string }[] = [
  { table: 'reports', reports: 'select c.id from changed c' },
  { table: 'nodes', reports: 'select c.report_id from changed c' },
  { table: 'targets', reports: 'select n.report_id from changed c join nodes n on n.id = c.node_id' },
  {
    table: 'progress_reports',
    reports: 'select n.report_id from changed c join nodes n on n.id = c.node_id',
  },
  {
    table: 'comments',
    reports: `select n.report_id from changed c join nodes n on n.id = coalesce(c.node_id,
      (select p.node_id from progress_reports p where p.id = c.progress_report_id))`,
  },
];

/** Per watched table: the SQL expression giving the report id of the changed row `new` (as before). */
const SQLITE: { table: string; report: string }[] = [
  { table: 'reports', report: 'new.id' },
  { table: 'nodes', report: 'new.report_id' },
  { table: 'targets', report: '(select n.report_id from nodes n where n.id = new.node_id)' },
  { table: 'progress_reports', report: '(select n.report_id from nodes n where n.id = new.node_id)' },
  {
    table: 'comments',
    report: `(select n.report_id from nodes n where n.id = coalesce(new.node_id,
      (select p.node_id from progress_reports p where p.id = new.progress_report_id)))`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [];
  if (dialectOf(db) === 'postgres') {
    for (const { table, reports } of POSTGRES) {
      statements.push(
        `drop trigger search_stale_${table} on ${table}`,
        `drop function search_stale_${table}()`,
        `create function search_stale_${table}_statement() returns trigger language plpgsql as $$
         begin
           insert into search_stale (report_id)
           select distinct s.r from (${reports}) s(r)
           where s.r is not null and not exists (select 1 from search_stale q where q.report_id = s.r);
           return null;
         end $$`,
      );
      // A trigger with a transition table takes one event only.
      for (const event of ['insert', 'update']) {
        statements.push(
          `create trigger search_stale_${table}_${event} after ${event} on ${table}
           referencing new table as changed for each statement
           execute function search_stale_${table}_statement()`,
        );
      }
    }
  } else {
    for (const { table, report } of SQLITE) {
      for (const event of ['insert', 'update']) {
        statements.push(
          `drop trigger search_stale_${table}_${event}`,
          `create trigger search_stale_${table}_${event} after ${event} on ${table} begin
             insert into search_stale (report_id) select r from (select ${report} as r)
             where r is not null and not exists (select 1 from search_stale q where q.report_id = r);
           end`,
        );
      }
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
