import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The report of an organisation that has a revision made from this file (by its SHA-256), if any:
 * the same file may be another government's report too, and only the organisation's own count.
 */
export async function findReportOfUpload(
  db: Kysely<Database>,
  sha256: string,
  organisationId: number | null,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('report_revisions as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .select('v.report_id')
    .where('v.source_sha256', '=', sha256)
    .where('r.organisation_id', '=', organisationId ?? -1)
    .executeTakeFirst();
  return row?.report_id;
}
