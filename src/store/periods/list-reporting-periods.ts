import type { Kysely } from 'kysely';
import type { Database, ReportingPeriod } from '../schema.js';

/** A report's reporting periods, earliest first. */
export async function listReportingPeriods(
  db: Kysely<Database>,
  reportId: number,
): Promise<ReportingPeriod[]> {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
}
