import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { Database, Report } from '../../store/schema.js';
import type { SessionUser } from '../auth/roles.js';

/**
 * The report if this user may read it: signed-in users read every report that is not
 * archived, anonymous visitors only published ones. Anything else is a 404, so the existence
 * of unpublished reports does not leak.
 */
export async function findVisibleReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report> {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!report || report.archived || (!user && report.published_at === null)) {
    throw notFound(`Report ${reportId}`, `报告 ${reportId}`);
  }
  return report;
}
