import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { UserRole } from '../schema.js';

/**
 * Which reports a reader may read — the one rule every report-reading route applies:
 * - `all`: the office and leaders read every report that is not archived, published or not;
 * - `published`: unit users (reporters, unit heads) and anonymous visitors read published
 *   reports only. An unpublished report is the office's draft: its title, outline, tasks,
 *   assignments, periods, progress and statuses stay hidden (404) until it is published.
 * Archived reports are read by nobody.
 */
export type ReportReach = 'all' | 'published';

/** The reach of a reader by role (null = anonymous visitor). */
export function reportReachOf(role: UserRole | null): ReportReach {
  return role === 'admin' || role === 'leader' ? 'all' : 'published';
}

/** Whether a report with these flags is readable with this reach. */
export function mayReadReport(
  reach: ReportReach,
  report: { archived: boolean | number; publishedAt: string | null },
): boolean {
  if (Number(report.archived) === 1 || report.archived === true) return false;
  return reach === 'all' || report.publishedAt !== null;
}

/**
 * The same rule as a SQL condition on the `reports` row aliased `alias` (for lists and search:
 * `.where(reportReadable('r', reach))`).
 */
export function reportReadable(alias: string, reach: ReportReach): RawBuilder<SqlBool> {
  const archived = sql.ref(`${alias}.archived`);
  if (reach === 'all') return sql<SqlBool>`${archived} = 0`;
  return sql<SqlBool>`(${archived} = 0 and ${sql.ref(`${alias}.published_at`)} is not null)`;
}
