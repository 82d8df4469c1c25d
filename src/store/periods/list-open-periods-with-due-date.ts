import type { Kysely } from 'kysely';
import type { Database, ReportingPeriod } from '../schema.js';

/** A report's open reporting periods that have a due date. */
export async function listOpenPeriodsWithDueDate(
  db: Kysely<Database>,
  reportId: number,
): Promise<ReportingPeriod[]> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('status', '=', 'open')
    .where('due_on', 'is not', null)
    .execute();
}
