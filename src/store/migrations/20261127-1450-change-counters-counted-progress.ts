import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect-of.js';

/*
 * FROZEN once landed: never edit; add a new timestamped file instead.
 * Report views (dashboard, ledger, tree, task page) count only submitted and approved progress
 * reports (list-task-status-inputs, build-dashboard-trend). Until now every write to
 * progress_reports and progress_values moved the report's change counter (20261127-1215), so a
 * reporter saving a draft — the most frequent write of the year — threw away every cached view
 * of the report. Now a progress report moves the counter only when its old or new status is
 * submitted or approved (so submitting, approving and returning still do), and a value only
 * when its progress report is submitted or approved.
 */

const COUNTED = `('submitted', 'approved')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [];
  if (dialectOf(db) === 'postgres') {
    const bump = (reports: string) => `update report_change_counters set counter = counter + 1
      where report_id in (${reports});`;
    const reportsOf = (rows: string) =>
      `select n.report_id from ${rows} r join nodes n on n.id = r.node_id where r.status in ${COUNTED}`;
    const valuesOf = (rows: string) =>
      `select n.report_id from ${rows} r join progress_reports p on p.id = r.progress_report_id
       join nodes n on n.id = p.node_id where p.status in ${COUNTED}`;
    for (const table of ['progress_reports', 'progress_values']) {
      for (const event of ['insert', 'update', 'delete']) {
        statements.push(`drop trigger report_change_counters_${table}_${event} on ${table}`);
      }
      statements.push(`drop function report_change_counters_${table}()`);
      const of = table === 'progress_reports' ? reportsOf : valuesOf;
      const bodies: [event: string, referencing: string, body: string][] = [
        ['insert', 'new table as new_rows', bump(of('new_rows'))],
        ['delete', 'old table as old_rows', bump(of('old_rows'))],
        [
          'update',
          'old table as old_rows new table as new_rows',
          bump(`${of('new_rows')} union ${of('old_rows')}`),
        ],
      ];
      for (const [event, referencing, body] of bodies) {
        statements.push(
          `create function report_change_counters_${table}_${event}() returns trigger language plpgsql as $$
           begin
             ${body}
             return null;
           end $$`,
          `create trigger report_change_counters_${table}_${event} after ${event} on ${table}
           referencing ${referencing} for each statement
           execute function report_change_counters_${table}_${event}()`,
        );
      }
    }
  } else {
    const reportOfTask = (row: string) => `(select n.report_id from nodes n where n.id = ${row}.node_id)`;
    const countedValue = (row: string) =>
      `exists (select 1 from progress_reports p where p.id = ${row}.progress_report_id and p.status in ${COUNTED})`;
    const reportOfValue = (row: string) =>
      `(select n.report_id from progress_reports p join nodes n on n.id = p.node_id where p.id = ${row}.progress_report_id)`;
    const triggers: [table: string, event: string, when: string, report: string][] = [
      ['progress_reports', 'insert', `new.status in ${COUNTED}`, reportOfTask('new')],
      ['progress_reports', 'delete', `old.status in ${COUNTED}`, reportOfTask('old')],
      // A counted report moved to another task (never done today) would leave the old one stale.
      [
        'progress_reports',
        'update',
        `old.status in ${COUNTED} or new.status in ${COUNTED}`,
        reportOfTask('new'),
      ],
      ['progress_values', 'insert', countedValue('new'), reportOfValue('new')],
      ['progress_values', 'delete', countedValue('old'), reportOfValue('old')],
      ['progress_values', 'update', `${countedValue('new')} or ${countedValue('old')}`, reportOfValue('new')],
    ];
    for (const [table, event, when, report] of triggers) {
      statements.push(
        `drop trigger report_change_counters_${table}_${event}`,
        `create trigger report_change_counters_${table}_${event} after ${event} on ${table}
         when ${when} begin
           update report_change_counters set counter = counter + 1 where report_id = ${report};
         end`,
      );
    }
    // The same for the old row's report when an update moved a counted report or value elsewhere.
    statements.push(
      `create trigger report_change_counters_progress_reports_update_old after update on progress_reports
       when old.status in ${COUNTED} and old.node_id <> new.node_id begin
         update report_change_counters set counter = counter + 1 where report_id = ${reportOfTask('old')};
       end`,
      `create trigger report_change_counters_progress_values_update_old after update on progress_values
       when ${countedValue('old')} and old.progress_report_id <> new.progress_report_id begin
         update report_change_counters set counter = counter + 1 where report_id = ${reportOfValue('old')};
       end`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}
