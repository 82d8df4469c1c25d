import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** What changed in a report since a change counter: its whole tree, or only some tasks. */
export type ReportChanges = { whole: true } | { whole: false; taskIds: number[] };

/**
 * What of report `reportId` changed after its change counter stood at `counter`: the tasks whose
 * counted progress, values or assignments changed, or the whole report when anything else did
 * (its tree, targets, periods, the report row, unit names). Changes committed after the reader
 * saw `counter` are all found (triggers file each under a counter value above it).
 */
export async function listChangedTasks(
  db: Kysely<Database>,
  reportId: number,
  counter: number,
): Promise<ReportChanges> {
  const rows = await db
    .selectFrom('report_change_marks')
    .select('node_id')
    .where('report_id', '=', reportId)
    .where('counter', '>', counter)
    .execute();
  if (rows.some((r) => r.node_id === 0)) return { whole: true };
  return { whole: false, taskIds: rows.map((r) => r.node_id) };
}
