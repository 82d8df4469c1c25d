import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { UserRole } from '../schema.js';

/**
 * Which reports a reader may read — the one rule every report-reading route applies:
 * - a signed-in user reads only reports of their own organisation (organisations.ts), and there
 *   - `all`: the office and leaders read every report that is not archived, published or not;
 *   - `published`: unit users (reporters, unit heads) read published reports only. An
 *     unpublished report is the office's draft: its title, outline, tasks, assignments,
 *     periods, progress and statuses stay hidden (404) until it is published;
 * - anonymous visitors read the published reports of every organisation (the public pages).
 * Archived reports are read by nobody.
 */
export interface ReportReach {
  scope: 'all' | 'published';
  /** The reader's organisation; `any` for anonymous visitors (published reports only). */
  organisation: number | 'any' | null;
}

/** The part of a reader the rule looks at (null = anonymous visitor). */
export interface Reader {
  role: UserRole;
  /** The user's organisation; a user without one reads nothing. */
  organisationId: number | null;
}

/** The reach of a reader (null = anonymous visitor). */
export function reportReachOf(reader: Reader | null): ReportReach {
  if (reader === null) return { scope: 'published', organisation: 'any' };
  return {
    scope: reader.role === 'admin' || reader.role === 'leader' ? 'all' : 'published',
    organisation: reader.organisationId,
  };
}

/** Whether a report with these flags is readable with this reach. */
export function mayReadReport(
  reach: ReportReach,
  report: { archived: boolean | number; publishedAt: string | null; organisationId: number | null },
): boolean {
  if (Number(report.archived) === 1 || report.archived === true) return false;
  if (
    reach.organisation !== 'any' &&
    (reach.organisation === null || report.organisationId !== reach.organisation)
  )
    return false;
  return reach.scope === 'all' || report.publishedAt !== null;
}

/**
 * The same rule as a SQL condition on the `reports` row aliased `alias` (for lists and search:
 * `.where(reportReadable('r', reach))`).
 */
export function reportReadable(alias: string, reach: ReportReach): RawBuilder<SqlBool> {
  const archived = sql.ref(`${alias}.archived`);
  const published = reach.scope === 'all' ? sql`` : sql` and ${sql.ref(`${alias}.published_at`)} is not null`;
  const owned =
    reach.organisation === 'any'
      ? sql``
      : reach.organisation === null
        ? sql` and 1 = 0`
        : sql` and ${sql.ref(`${alias}.organisation_id`)} = ${reach.organisation}`;
  return sql<SqlBool>`(${archived} = 0${published}${owned})`;
}

/** Every report that is not archived, of every organisation: the operator's view (the CLI, tests). */
export const EVERY_REPORT: ReportReach = { scope: 'all', organisation: 'any' };

/** The published reports of every organisation: the public pages. */
export const PUBLISHED_REPORTS: ReportReach = { scope: 'published', organisation: 'any' };
