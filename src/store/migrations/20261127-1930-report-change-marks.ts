import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * Which tasks of a report changed since a given change counter, so a server holding a report's
 * computed inputs at counter C can re-read only the tasks changed since then instead of the
 * whole report. report_change_marks keeps, per report and task, the counter of its latest
 * change; node_id 0 stands for a change of the whole report (its tree, targets, periods, the
 * report row, unit names), after which everything is re-read.
 * Only what changes often marks single tasks: counted progress reports and their values (under
 * the conditions of 20261127-1450, so drafts mark nothing) and assignments.
 * Each mark is filed under a counter value this write moved the report's counter to (the write
 * holds the counter row's lock from then to its commit): a value above every counter any reader
 * saw before the write committed, and at most the counter the write commits, so `counter > C`
 * finds exactly the changes a reader at C has not seen. On PostgreSQL the mark triggers run after
 * the counter triggers of the same statement (alphabetical order) and read the moved counter; on
 * SQLite, where the order of triggers is not defined, each mark trigger moves the counter itself
 * and files the mark under the value it moved it to.
 */

const COUNTED = `('submitted', 'approved')`;

/** Per watched table and event: the (report_id, node_id) pairs of the rows in `rows` (PostgreSQL). */
const POSTGRES: { table: string; events: string[]; marks: (rows: string) => string }[] = [
  {
    table: 'progress_reports',
    events: ['insert', 'update', 'delete'],
    marks: (rows) =>
      `select n.report_id, r.node_id from ${rows} r join nodes n on n.id = r.node_id where r.status in ${COUNTED}`,
  },
  {
    table: 'progress_values',
    events: ['insert', 'update', 'delete'],
    marks: (rows) =>
      `select n.report_id, p.node_id from ${rows} r join progress_reports p on p.id = r.progress_report_id
       join nodes n on n.id = p.node_id where p.status in ${COUNTED}`,
  },
  {
    table: 'assignments',
    events: ['insert', 'update', 'delete'],
    marks: (rows) => `select n.report_id, r.node_id from ${rows} r join nodes n on n.id = r.node_id`,
  },
  {
    table: 'nodes',
    events: ['insert', 'update', 'delete'],
    marks: (rows) => `select r.report_id, 0 from ${rows} r`,
  },
  {
    table: 'targets',
    events: ['insert', 'update', 'delete'],
    marks: (rows) => `select n.report_id, 0 from ${rows} r join nodes n on n.id = r.node_id`,
  },
  {
    table: 'reporting_periods',
    events: ['insert', 'update', 'delete'],
    marks: (rows) => `select r.report_id, 0 from ${rows} r`,
  },
  { table: 'reports', events: ['update', 'delete'], marks: (rows) => `select r.id, 0 from ${rows} r` },
  { table: 'units', events: ['update'], marks: () => 'select c.report_id, 0 from report_change_counters c' },
];

/**
 * Per watched table (SQLite, row triggers): when a row marks, its report and node, and which
 * column moving to another task or report makes an update mark the old row's as well.
 */
const SQLITE: {
  table: string;
  when: (row: string) => string;
  report: (row: string) => string;
  node: (row: string) => string;
  key: string;
}[] = [];
{
  const reportOfTask = (row: string) => `(select n.report_id from nodes n where n.id = ${row}.node_id)`;
  const countedValue = (row: string) =>
    `exists (select 1 from progress_reports p where p.id = ${row}.progress_report_id and p.status in ${COUNTED})`;
  const always = () => '1';
  SQLITE.push(
    {
      table: 'progress_reports',
      when: (row) => `${row}.status in ${COUNTED}`,
      report: reportOfTask,
      node: (row) => `${row}.node_id`,
      key: 'node_id',
    },
    {
      table: 'progress_values',
      when: countedValue,
      report: (row) =>
        `(select n.report_id from progress_reports p join nodes n on n.id = p.node_id where p.id = ${row}.progress_report_id)`,
      node: (row) => `(select p.node_id from progress_reports p where p.id = ${row}.progress_report_id)`,
      key: 'progress_report_id',
    },
    {
      table: 'assignments',
      when: always,
      report: reportOfTask,
      node: (row) => `${row}.node_id`,
      key: 'node_id',
    },
    { table: 'nodes', when: always, report: (row) => `${row}.report_id`, node: () => '0', key: 'report_id' },
    { table: 'targets', when: always, report: reportOfTask, node: () => '0', key: 'node_id' },
    {
      table: 'reporting_periods',
      when: always,
      report: (row) => `${row}.report_id`,
      node: () => '0',
      key: 'report_id',
    },
    { table: 'reports', when: always, report: (row) => `${row}.id`, node: () => '0', key: 'id' },
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [
    `create table report_change_marks (
      report_id integer not null,
      node_id integer not null,
      counter integer not null,
      primary key (report_id, node_id)
    )`,
    'create index report_change_marks_counter on report_change_marks (report_id, counter)',
  ];
  if (dialectOf(db) === 'postgres') {
    // Runs after the counter triggers of the same statement (PostgreSQL fires the triggers of an
    // event in the alphabetical order of their names: report_change_counters_… first), so it
    // reads the counter as this transaction moved it, holding the row's lock.
    const body = (marks: string) => `
      insert into report_change_marks (report_id, node_id, counter)
      select t.report_id, t.node_id, c.counter
      from (select distinct m.report_id, m.node_id from (${marks}) m(report_id, node_id)
            where m.report_id is not null and m.node_id is not null) t
      join report_change_counters c on c.report_id = t.report_id
      on conflict (report_id, node_id) do update set counter = excluded.counter;`;
    for (const { table, events, marks } of POSTGRES) {
      for (const event of events) {
        const rows =
          event === 'update'
            ? `(select * from new_rows union all select * from old_rows)`
            : event === 'insert'
              ? 'new_rows'
              : 'old_rows';
        const referencing =
          event === 'update'
            ? 'old table as old_rows new table as new_rows'
            : event === 'insert'
              ? 'new table as new_rows'
              : 'old table as old_rows';
        statements.push(
          `create function report_change_marks_${table}_${event}() returns trigger language plpgsql as $$
           begin
             ${body(marks(rows))}
             return null;
           end $$`,
          `create trigger report_change_marks_${table}_${event} after ${event} on ${table}
           referencing ${referencing} for each statement
           execute function report_change_marks_${table}_${event}()`,
        );
      }
    }
  } else {
    const mark = (report: string, node: string) => `
      update report_change_counters set counter = counter + 1 where report_id = ${report};
      insert into report_change_marks (report_id, node_id, counter)
      select c.report_id, ${node}, c.counter from report_change_counters c
      where c.report_id = ${report} and ${node} is not null
      on conflict (report_id, node_id) do update set counter = excluded.counter;`;
    for (const { table, when, report, node, key } of SQLITE) {
      const triggers: [name: string, event: string, when: string, row: string][] = [
        ['update', 'update', `${when('new')} or ${when('old')}`, 'new'],
        // The old row's task or report too, when the update moved the row elsewhere.
        ['update_old', 'update', `(${when('old')}) and old.${key} <> new.${key}`, 'old'],
        ['delete', 'delete', when('old'), 'old'],
      ];
      // A new report has no views to keep yet.
      if (table !== 'reports') triggers.unshift(['insert', 'insert', when('new'), 'new']);
      for (const [name, event, condition, row] of triggers) {
        statements.push(
          `create trigger report_change_marks_${table}_${name} after ${event} on ${table}
           when ${condition} begin ${mark(report(row), node(row))}
           end`,
        );
      }
    }
    statements.push(
      `create trigger report_change_marks_units_update after update on units begin
         update report_change_counters set counter = counter + 1;
         insert into report_change_marks (report_id, node_id, counter)
         select c.report_id, 0, c.counter from report_change_counters c where true
         on conflict (report_id, node_id) do update set counter = excluded.counter;
       end`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
