import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The evidence files of these progress reports (without their bytes), in upload order. */
export async function listAttachmentsOfProgressReports(
  db: Kysely<Database>,
  progressReportIds: readonly number[],
) {
  if (progressReportIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'size', 'mime', 'created_at', 'progress_report_id'])
    .where('progress_report_id', 'in', progressReportIds)
    .orderBy('id')
    .execute();
}
