import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.js';
import { mayReadReport, reportReachOf } from '../../store/reports/readable-reports.js';
import type { Database, Report } from '../../store/schema.js';
import type { SessionUser } from '../auth/roles.js';

/**
 * The report if this user may read it (the store's rule, readable-reports.ts: users read their
 * organisation's reports — the office and leaders every one not archived, unit users published
 * ones — and anonymous visitors the published reports of any organisation), else undefined.
 */
export async function readableReport(
  db: Kysely<Database>,
  reportId: number,
  user: SessionUser | null,
): Promise<Report | undefined> {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  const reach = reportReachOf(user);
  return report &&
    mayReadReport(reach, {
      archived: report.archived,
      publishedAt: report.published_at,
      organisationId: report.organisation_id,
    })
    ? report
    : undefined;
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
