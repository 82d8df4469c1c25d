import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * One change counter per report, bumped by triggers whenever anything a report's views are
 * computed from changes: its nodes, targets, assignments, periods, progress reports and values,
 * the report row itself, and unit names (shown everywhere, so they bump every report). Servers
 * cache computed views (dashboard, ledger) keyed by the counter: a write by any app instance or
 * tool invalidates them at once, without the writer knowing about caches.
 * On PostgreSQL the triggers are per statement (transition tables), so a bulk insert of a million
 * progress rows bumps each report once, not a million times.
 */

/** Per watched table: how to get the report id of the rows in `changed` (PostgreSQL) or of `new`/`old` (SQLite). */
const WATCHED: { table: string; pg: string; sqlite: (row: 'new' | 'old') => string }[] = [
  { table: 'reports', pg: 'select id from changed', sqlite: (row) => `${row}.id` },
  { table: 'nodes', pg: 'select report_id from changed', sqlite: (row) => `${row}.report_id` },
  { table: 'reporting_periods', pg: 'select report_id from changed', sqlite: (row) => `${row}.report_id` },
  ...['targets', 'assignments', 'progress_reports'].map((table) => ({
    table,
    pg: 'select n.report_id from changed r join nodes n on n.id = r.node_id',
    sqlite: (row: 'new' | 'old') => `(select n.report_id from nodes n where n.id = ${row}.node_id)`,
  })),
  {
    table: 'progress_values',
    pg: 'select n.report_id from changed r join progress_reports p on p.id = r.progress_report_id join nodes n on n.id = p.node_id',
    sqlite: (row) =>
      `(select n.report_id from progress_reports p join nodes n on n.id = p.node_id where p.id = ${row}.progress_report_id)`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const statements: string[] = [
    `create table report_change_counters (
      report_id integer primary key references reports (id),
      counter integer not null default 0
    )`,
    'insert into report_change_counters (report_id, counter) select id, 0 from reports',
  ];
  if (postgres) {
    statements.push(
      `create function report_change_counters_create() returns trigger language plpgsql as $$
       begin
         insert into report_change_counters (report_id, counter) select id, 0 from changed;
         return null;
       end $$`,
      `create trigger report_change_counters_create after insert on reports
       referencing new table as changed for each statement execute function report_change_counters_create()`,
      `create function report_change_counters_units() returns trigger language plpgsql as $$
       begin
         update report_change_counters set counter = counter + 1;
         return null;
       end $$`,
      `create trigger report_change_counters_units after update on units
       for each statement execute function report_change_counters_units()`,
    );
    for (const { table, pg } of WATCHED) {
      statements.push(
        `create function report_change_counters_${table}() returns trigger language plpgsql as $$
         begin
           update report_change_counters set counter = counter + 1
           where report_id in (${pg});
           return null;
         end $$`,
      );
      const events: [event: string, transition: string][] = [
        ['insert', 'new'],
        ['update', 'new'],
        ['delete', 'old'],
      ];
      for (const [event, transition] of events) {
        if (table === 'reports' && event === 'insert') continue;
        statements.push(
          `create trigger report_change_counters_${table}_${event} after ${event} on ${table}
           referencing ${transition} table as changed for each statement
           execute function report_change_counters_${table}()`,
        );
      }
    }
  } else {
    statements.push(
      `create trigger report_change_counters_create after insert on reports begin
         insert into report_change_counters (report_id, counter) values (new.id, 0);
       end`,
      `create trigger report_change_counters_units after update on units begin
         update report_change_counters set counter = counter + 1;
       end`,
    );
    for (const { table, sqlite } of WATCHED) {
      for (const event of ['insert', 'update', 'delete']) {
        if (table === 'reports' && event === 'insert') continue;
        const row = event === 'delete' ? 'old' : 'new';
        statements.push(
          `create trigger report_change_counters_${table}_${event} after ${event} on ${table} begin
             update report_change_counters set counter = counter + 1 where report_id = ${sqlite(row)};
           end`,
        );
      }
    }
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
