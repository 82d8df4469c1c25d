import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { Database, Report } from '../../store/schema.js';
import type { SessionUser } from '../auth/roles.js';

/**
 * The report if this user may read it (the store's rule, readable-reports.ts: the office and
 * leaders read every report that is not archived, unit users and anonymous visitors published
 * ones), else undefined.
 */
export async function readableReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report | undefined> {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  const reach = reportReachOf(user?.role ?? null);
  return report && mayReadReport(reach, { ...report, publishedAt: report.published_at }) ? report : undefined;
}

/**
 * The report if this user may read it (readableReport). Anything else is a 404, so the
 * existence of unpublished reports does not leak.
 */
export async function findVisibleReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report> {
  const report = await readableReport(db, reportId, user);
  if (!report) throw notFound(`Report ${reportId}`, `报告 ${reportId}`);
  return report;
}
