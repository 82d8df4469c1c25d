import type { Kysely } from 'kysely';
import type { Database, ReportingPeriod } from '../schema.js';

/** A reporting period by id, or undefined. */
export async function findReportingPeriod(
  db: Kysely<Database>,
  id: number,
): Promise<ReportingPeriod | undefined> {
  return db.selectFrom('reporting_periods').selectAll().where('id', '=', id).executeTakeFirst();
}
